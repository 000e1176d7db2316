import type {
  BindingChange,
  ChangedFile,
  FieldChange,
  JsonValue,
  PromptChange,
  RefInfo,
  ServerChange,
  ToolChange,
} from '../../model/types.js';
import type { PermissionChange } from './commit-sources.js';
import type { HistoryEntry } from './commit-diff.js';
import type { CommitMeta } from '../../model/commit.js';
import type { LastChange } from './scope.js';
import { CODEOWNERS_PATHS, CONFIG_PATHS } from '../../model/gate-files.js';

export type LogPlane = 'control' | 'data';

/** One commit of the authority (control) or prompt (data) history, with one line per tool or prompt. */
export interface LogEntry {
  sha: string;
  author: string;
  email: string;
  date: string;
  subject: string;
  /** human-readable, one per tool, binding, gate file or prompt */
  lines: string[];
  tools: ToolChange[];
  bindings: BindingChange[];
  gateFiles: ChangedFile[];
  prompts: PromptChange[];
  /** MCP servers of client configs the commit added, removed or changed */
  servers: ServerChange[];
  /** permission rules and gated settings of client files the commit added or removed */
  permissions: PermissionChange[];
  files: ChangedFile[];
}

export interface LogView {
  schemaVersion: 1;
  plane: LogPlane;
  ref: RefInfo;
  entries: LogEntry[];
  /** `log --authority`: only commits that moved a tool, server, binding or permission rule, and only those lines */
  authority?: boolean;
}

/** Commits that touched the plane, newest first, at most `maxCount` of them. */
export function buildLogView(
  history: readonly HistoryEntry[],
  options: { plane: LogPlane; ref: RefInfo; maxCount?: number; authority?: boolean },
): LogView {
  const { plane, maxCount } = options;
  const authority = options.authority === true && plane === 'control';
  const entries: LogEntry[] = [];
  for (const entry of history) {
    if (maxCount !== undefined && entries.length >= maxCount) break;
    const built = plane === 'control' ? controlEntry(entry, authority) : dataEntry(entry);
    if (built) entries.push(built);
  }
  return { schemaVersion: 1, plane, ref: options.ref, entries, ...(authority ? { authority } : {}) };
}

/** Whether a commit moved authority: a tool, server, binding or permission rule appeared, went or changed. */
export function movesAuthority(
  entry: Pick<LogEntry, 'tools' | 'servers' | 'bindings' | 'permissions'>,
): boolean {
  return entry.tools.length + entry.servers.length + entry.bindings.length + entry.permissions.length > 0;
}

/**
 * A commit that moved no authority and changed only CI plumbing among the gate files (workflows, actions,
 * `.gitattributes`): frequent, and no reviewer of authority reads it. A commit that touched the gate's own
 * policy (the config, CODEOWNERS) or a control file no parser models is never noise.
 */
export function isGateFileNoise(entry: LogEntry): boolean {
  if (movesAuthority(entry) || entry.files.length === 0) return false;
  const gate = new Set(entry.gateFiles.map((file) => file.path));
  return entry.files.every((file) => gate.has(file.path) && !isGatePolicy(file.path));
}

function isGatePolicy(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return CONFIG_PATHS.includes(name) || CODEOWNERS_PATHS.includes(path);
}

/**
 * For each tool, the newest commit that added, modified or renamed it. History is newest first, so the first
 * sighting wins; a removal ends the search for that name (a later re-add is a new tool).
 */
export function findLastChanges(history: readonly HistoryEntry[]): Map<string, LastChange> {
  const found = new Map<string, LastChange>();
  const removed = new Set<string>();
  for (const { commit, tools } of history) {
    for (const tool of tools) {
      if (found.has(tool.name) || removed.has(tool.name)) continue;
      if (tool.change === 'removed') {
        removed.add(tool.name);
        continue;
      }
      found.set(tool.name, {
        sha: commit.sha,
        date: commit.date,
        author: commit.author,
        subject: commit.subject,
        change: tool.change,
      });
    }
  }
  return found;
}

function controlEntry(entry: HistoryEntry, authorityOnly: boolean): LogEntry | null {
  const { commit, tools, bindings, gateFiles, files, servers, permissions } = entry;
  const moved = tools.length + bindings.length + servers.length + permissions.length;
  if (moved === 0 && (authorityOnly || files.control.length === 0)) return null;
  const lines = [
    ...tools.map(describeToolChange),
    ...servers.map(describeServerChange),
    ...bindings.map(describeBinding),
    ...permissions.map(describePermissionChange),
  ];
  const result = {
    ...meta(commit),
    lines,
    tools,
    bindings,
    gateFiles,
    prompts: [],
    servers,
    permissions,
    files: files.control,
  };
  if (authorityOnly) return result;
  for (const file of gateFiles) lines.push(`gate file ${file.path} ${file.status}`);
  const gatePaths = new Set(gateFiles.map((file) => file.path));
  const explained = new Set([...servers.map((s) => s.path), ...permissions.map((p) => p.path)]);
  if (tools.length === 0) {
    for (const file of files.control) {
      if (!gatePaths.has(file.path) && !explained.has(file.path) && bindings.length === 0)
        lines.push(`${file.path} ${file.status} (no capability change)`);
    }
  }
  return result;
}

/** `server added docs (.mcp.json) irreversible`, `server shell (.mcp.json) args widened; radius write -> privileged`. */
export function describeServerChange(change: ServerChange): string {
  const where = `(${change.source})`;
  switch (change.change) {
    case 'added':
      return `server added ${change.name} ${where} ${change.radiusAfter ?? ''}`.trimEnd();
    case 'removed':
      return `server removed ${change.name} ${where} (was ${change.radiusBefore ?? 'unknown'})`;
    case 'renamed':
      return `server renamed ${change.oldName ?? '?'} -> ${change.name} ${where}${radiusMove(change)}`;
    default: {
      const fields = change.changes.map(describeField);
      return `server ${change.name} ${where} ${fields.join('; ') || 'changed'}${radiusMove(change)}`;
    }
  }
}

/** `rule added allow Bash(npm test:*) (claude:settings)`. */
export function describePermissionChange(change: PermissionChange): string {
  return `rule ${change.change} ${change.effect} ${change.rule} (${change.scope})`;
}

function dataEntry({ commit, prompts, files }: HistoryEntry): LogEntry | null {
  if (prompts.length === 0 && files.data.length === 0) return null;
  const lines = prompts.map(describePromptChange);
  const promptPaths = new Set(prompts.map((prompt) => prompt.path));
  for (const file of files.data) if (!promptPaths.has(file.path)) lines.push(`${file.path} ${file.status}`);
  return {
    ...meta(commit),
    lines,
    tools: [],
    bindings: [],
    gateFiles: [],
    prompts,
    servers: [],
    permissions: [],
    files: files.data,
  };
}

function meta(commit: CommitMeta): Pick<LogEntry, 'sha' | 'author' | 'email' | 'date' | 'subject'> {
  return {
    sha: commit.sha,
    author: commit.author,
    email: commit.email,
    date: commit.date,
    subject: commit.subject,
  };
}

/** `added issue_refund irreversible`, `lookup_order scopes widened +orders:*`, `removed send_email (was irreversible)`. */
export function describeToolChange(change: ToolChange): string {
  switch (change.change) {
    case 'added': {
      const fields = change.changes.map(describeAddedField);
      return `added ${change.name} ${change.radiusAfter ?? ''}${fields.length > 0 ? `: ${fields.join('; ')}` : ''}`;
    }
    case 'removed':
      return `removed ${change.name} (was ${change.radiusBefore ?? 'unknown'})`;
    case 'renamed':
      return `renamed ${change.oldName ?? '?'} -> ${change.name}${radiusMove(change)}`;
    default: {
      const fields = change.changes.map(describeField);
      return `${change.name} ${fields.join('; ') || 'changed'}${radiusMove(change)}`;
    }
  }
}

function radiusMove(change: Pick<ToolChange, 'radiusBefore' | 'radiusAfter' | 'escalation'>): string {
  if (
    change.radiusBefore === null ||
    change.radiusAfter === null ||
    change.radiusBefore === change.radiusAfter
  )
    return '';
  return `; radius ${change.radiusBefore} -> ${change.radiusAfter}${change.escalation ? ' (escalation)' : ''}`;
}

function describeField(change: FieldChange): string {
  const parts = [
    ...(change.added ?? []).map((item) => `+${item}`),
    ...(change.removed ?? []).map((item) => `-${item}`),
  ];
  if (
    parts.length === 0 &&
    (change.before !== undefined || change.after !== undefined) &&
    isShort(change.before) &&
    isShort(change.after)
  ) {
    parts.push(`${scalar(change.before)} -> ${scalar(change.after)}`);
  }
  const head = `${change.field} ${change.kind}`;
  return parts.length > 0 ? `${head} ${parts.join(' ')}` : head;
}

/** What a new tool brings, without the `widened` that every field of a new tool is. */
function describeAddedField(change: FieldChange): string {
  const added = change.added ?? [];
  if (added.length > 0) return `${change.field} ${added.join(', ')}`;
  if (change.after === true) return change.field;
  return isShort(change.after) && change.after !== undefined
    ? `${change.field} ${scalar(change.after)}`
    : change.field;
}

function isShort(value: JsonValue | undefined): boolean {
  return (
    value === undefined ||
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    (typeof value === 'string' && value.length <= 40 && !/[\r\n]/.test(value))
  );
}

function scalar(value: JsonValue | undefined): string {
  return value === undefined || value === null ? '-' : String(value);
}

function describeBinding(binding: BindingChange): string {
  const parts = [...binding.added.map((name) => `+${name}`), ...binding.removed.map((name) => `-${name}`)];
  return `${binding.agent} binds ${parts.join(' ')}`;
}

/** `support/system version 3 -> 4`, `added support/faq (version 1)`, `removed support/old`. */
export function describePromptChange(change: PromptChange): string {
  const version = (value: string | null) => value ?? '-';
  switch (change.change) {
    case 'added':
      return `added ${change.id} (version ${version(change.versionAfter)})`;
    case 'removed':
      return `removed ${change.id} (was version ${version(change.versionBefore)})`;
    case 'renamed':
      return `renamed ${change.oldId ?? '?'} -> ${change.id} (version ${version(change.versionBefore)} -> ${version(change.versionAfter)})`;
    default:
      return `${change.id} version ${version(change.versionBefore)} -> ${version(change.versionAfter)}`;
  }
}
