// Kiro hooks, `.kiro/hooks/**`. The IDE writes one hook per file (`x.kiro.hook`, JSON): `when: {type, patterns}`
// then `then: {type: runCommand, command}` (a shell command on every matching event) or `{type: askAgent, prompt}`
// (the agent acts with its own permissions). Kiro CLI v3 writes `{version, hooks: [{trigger, matcher, action}]}`.
// Each becomes one rule `hooks.<trigger>[<patterns>]=<what it does>`; a shape Kiro does not read is kept whole.
import { canonicalJson } from '../../model/canonical-json.js';
import type { JsonValue, SourceRef } from '../../model/types.js';
import type { SourceFile } from '../../model/source-file.js';
import { executablesOf, projectOf } from '../kit/executed-paths.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { shownValue } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { addResidual } from '../kit/residual.js';
import { settingRule } from '../kit/permission-rule.js';
import { flushFindings, readSettingsJson, settingsLines } from '../kit/settings-json.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

const INERT = ['name', 'description', 'version'];
/** What a hook action documents (`when` and `action` carry the keys folded in from the trigger). */
const ACTION_KEYS = ['type', 'command', 'prompt', 'timeout', 'when', 'action'];

export function parseKiroHook(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `kiro:${file.path}`;
  const { value } = settings;
  const bases = { relative: [projectOf(file.path)] };
  const hook = (trigger: unknown, matcher: unknown, action: unknown, source: SourceRef) => {
    const what = isRecord(action) ? action : { action };
    const command = typeof what.command === 'string' ? what.command : undefined;
    const rest: Record<string, unknown> = {};
    for (const [key, item] of ownEntries(what)) if (key !== 'command') rest[key] = shownValue(item);
    const shown = canonicalJson(rest as JsonValue);
    const key = `hooks.${text(trigger)}[${text(matcher)}]`;
    model.permissions.push(settingRule(scope, 'allow', key, command ? `${command} ${shown}` : shown, source));
    // the rule holds the whole action; a key Kiro does not document is also named as the residual
    addResidual(model, {
      path: file.path,
      scope,
      value: what,
      modelled: ACTION_KEYS,
      at: [key],
      lineOf: () => source.line,
    });
    if (command)
      model.executables!.push(
        ...executablesOf(command, bases, 'privileged', `${key} of ${file.path}`, source),
      );
  };
  const known = new Set(INERT);
  if (value.when !== undefined || value.then !== undefined) {
    known.add('when').add('then');
    const when = isRecord(value.when) ? value.when : { when: value.when };
    const { type, patterns, ...other } = when;
    const then = isRecord(value.then)
      ? { ...value.then, ...(Object.keys(other).length ? { when: other } : {}) }
      : value.then;
    hook(type, patterns ?? '*', then, settings.at('then'));
  }
  if (Array.isArray(value.hooks)) {
    known.add('hooks');
    for (const [index, item] of value.hooks.entries()) {
      const entry = isRecord(item) ? item : {};
      const { trigger, matcher, action, ...other } = entry;
      const actionValue = isRecord(action)
        ? { ...action, ...other }
        : isRecord(item)
          ? { action, ...other }
          : item;
      hook(trigger, matcher ?? '*', actionValue, settings.at('hooks', index));
    }
  }
  addResidual(model, {
    path: file.path,
    scope,
    value,
    modelled: known,
    lineOf: settingsLines(settings),
  });
  flushFindings(settings, model);
  return model;
}

function text(value: unknown): string {
  if (value === undefined) return '*';
  return typeof value === 'string' ? value : canonicalJson(value as JsonValue);
}

export const kiroHooksAdapter: SourceAdapter = {
  id: 'kiro-hooks',
  kind: 'hooks',
  defaultPaths: ['.kiro/hooks/**'],
  parse: parseKiroHook,
};
