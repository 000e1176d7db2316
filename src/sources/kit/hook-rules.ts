// Hooks of every client: commands that run on agent events with the user's privileges and nobody asking. One rule
// per event x matcher x command, `hooks.<event>[<matcher>]=<command>`, with whatever else the handler says (`if`,
// `timeout`, `failClosed`, a second shell's command) as canonical JSON behind it, so dropping a condition or
// re-pointing a command is a rule gone and a rule new. The script a command runs is an executed file.
import { canonicalJson } from '../../model/canonical-json.js';
import type { JsonValue, SourceRef } from '../../model/types.js';
import type { CommandBases } from './executed-paths.js';
import { executablesOf } from './executed-paths.js';
import { isRecord, ownEntries } from './front-matter.js';
import { settingRule } from './permission-rule.js';
import { addResidual } from './residual.js';
import type { SourceModel } from './types.js';

export interface HookDialect {
  /**
   * `groups`: Claude Code's `{matcher, hooks: [handler]}` per event; `flat`: a list of handlers per event, each
   * with its own optional `matcher` (Cursor, Copilot, Windsurf, Kiro CLI).
   */
  shape: 'groups' | 'flat';
  /** the handler keys that hold the command line, first found wins (Copilot: `bash`, `powershell`) */
  commandKeys: readonly string[];
}

/**
 * Handler keys the clients document: Claude Code (`type`, `command`, `prompt`, `timeout`, `async`, `statusMessage`,
 * `once`, `model`), Copilot (`bash`, `powershell`, `cwd`, `env`, `timeoutSec`, `comment`), Windsurf (`show_output`,
 * `working_directory`), Cursor and Kiro (`matcher`, `args`), and `group` (the group keys folded into each handler).
 */
const HANDLER_KEYS = [
  ...[
    'type',
    'command',
    'prompt',
    'timeout',
    'async',
    'statusMessage',
    'once',
    'model',
    'bash',
    'powershell',
  ],
  ...['cwd', 'env', 'timeoutSec', 'comment', 'show_output', 'working_directory', 'matcher', 'args', 'group'],
  ...['if', 'failClosed', 'name', 'description'],
];

export const CLAUDE_HOOKS: HookDialect = { shape: 'groups', commandKeys: ['command'] };
export const FLAT_HOOKS: HookDialect = { shape: 'flat', commandKeys: ['command', 'bash', 'powershell'] };

export interface HookContext {
  scope: string;
  /** the key the rules start with: `hooks`, or `hooks` inside an agent */
  prefix: string;
  at: (...path: (string | number)[]) => SourceRef;
  bases: CommandBases;
  /** `agent` when the hooks belong to an agent's front matter: its residual findings name the agent */
  subject?: 'agent';
}

/** Rules and executed files of one `event -> entries` map. A value of the wrong shape is still one rule. */
export function readHookMap(
  hooks: unknown,
  context: HookContext,
  dialect: HookDialect,
  model: SourceModel,
): void {
  const { scope, prefix } = context;
  if (!isRecord(hooks)) {
    model.permissions.push(settingRule(scope, 'allow', prefix, hooks, context.at()));
    return;
  }
  for (const [event, entries] of ownEntries(hooks)) {
    const source = context.at(event);
    if (!Array.isArray(entries)) {
      model.permissions.push(settingRule(scope, 'allow', `${prefix}.${event}`, entries, source));
      continue;
    }
    for (const [index, entry] of entries.entries()) {
      const at = context.at(event, index);
      const handlers = isRecord(entry) && Array.isArray(entry.hooks) ? entry.hooks : undefined;
      if (!handlers && dialect.shape === 'flat') {
        readHandler(entry, matcherOf(entry), `${prefix}.${event}`, at, context, dialect, model);
        continue;
      }
      if (!handlers) {
        model.permissions.push(settingRule(scope, 'allow', `${prefix}.${event}`, entry, at));
        continue;
      }
      const { matcher: _matcher, hooks: _hooks, ...group } = entry as Record<string, unknown>;
      for (const handler of handlers) {
        const withGroup =
          Object.keys(group).length > 0 && isRecord(handler) ? { ...handler, group } : handler;
        readHandler(withGroup, matcherOf(entry), `${prefix}.${event}`, at, context, dialect, model);
      }
    }
  }
}

function matcherOf(entry: unknown): string {
  if (!isRecord(entry) || entry.matcher === undefined) return '*';
  return typeof entry.matcher === 'string' ? entry.matcher : canonicalJson(entry.matcher as JsonValue);
}

function readHandler(
  handler: unknown,
  matcher: string,
  key: string,
  source: SourceRef,
  context: HookContext,
  dialect: HookDialect,
  model: SourceModel,
): void {
  const where = `${key}[${matcher}]`;
  if (!isRecord(handler)) {
    model.permissions.push(settingRule(context.scope, 'allow', where, handler, source));
    return;
  }
  const commandKey = dialect.commandKeys.find((name) => typeof handler[name] === 'string');
  const rest: Record<string, unknown> = {};
  for (const [name, value] of ownEntries(handler)) {
    if (name === commandKey || (dialect.shape === 'flat' && name === 'matcher')) continue;
    if (name === 'type' && value === 'command') continue;
    rest[name] = value;
  }
  // the rule holds the whole handler; a key no client documents is also the residual, so it is named as unknown
  addResidual(model, {
    path: source.path,
    scope: context.scope,
    value: handler,
    modelled: HANDLER_KEYS,
    at: [where],
    lineOf: () => source.line,
    ...(context.subject && { subject: context.subject }),
  });
  const extra = Object.keys(rest).length > 0 ? canonicalJson(rest as JsonValue) : '';
  const command = commandKey === undefined ? undefined : (handler[commandKey] as string);
  const value = command === undefined ? extra : extra === '' ? command : `${command} ${extra}`;
  model.permissions.push(settingRule(context.scope, 'allow', where, value, source));
  const by = `${where} of ${source.path}`;
  const executables = (model.executables ??= []);
  for (const name of dialect.commandKeys) {
    const line = handler[name];
    if (typeof line !== 'string') continue;
    const args = Array.isArray(handler.args) ? handler.args.filter((a) => typeof a === 'string') : [];
    const words = args.length > 0 ? [line, ...(args as string[])] : line;
    executables.push(...executablesOf(words, context.bases, 'privileged', by, source));
  }
}
