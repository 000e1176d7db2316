// Which findings a change brings. A gate that fails a one-word prompt edit on twenty errors the base already had
// gets removed from branch protection; one that lets a change hide a new error behind an old one is no gate.
import { PATH_REFUSED } from '../../model/paths.js';
import { PROMPT_BINDINGS_UNKNOWN } from './parse-snapshot.js';
import type { ChangedFile, Finding } from '../../model/types.js';

/**
 * Codes that are about the change itself: they hold a gate because the change touches their file, whatever the
 * base held. A refused path is refused wherever it appears; a duplicate prompt id is reported only when one of
 * its files changed (the union of bindings moves with either); a file that cannot be read hides what the change
 * did to it; a prompt that does not parse binds unknown tools.
 */
const ABOUT_THE_CHANGE_ANYWHERE = new Set([PATH_REFUSED, 'duplicate-prompt']);
const ABOUT_THE_CHANGE_IN_FILE = new Set([
  PROMPT_BINDINGS_UNKNOWN,
  'yaml-parse',
  'json-parse',
  'duplicate-key',
  'alias-limit',
  'unknown-tag',
  'schema',
  'non-ascii-name',
  'empty-manifest',
  'encoding',
  'file-too-large',
  'symlink-refused',
]);

/** A tool defined twice is ambiguous authority: which copy applies is unknown once either copy changes. */
const ABOUT_THE_CHANGED_TOOL = new Set(['duplicate-tool', 'duplicate-server']);
/**
 * Text that hides something: when the change rewrites that very text, the old finding cannot vouch for the new
 * text (the hidden part may be what changed), so it is new again.
 */
const ABOUT_THE_CHANGED_TEXT = new Set(['hidden-unicode', 'control-characters', 'instruction-like-text']);

export interface ChangeScope {
  paths: ReadonlySet<string>;
  /** changed tools and servers by name, with the fields that changed ('*' for an added or renamed one) */
  fields: ReadonlyMap<string, readonly string[]>;
}

export function isAboutTheChange(finding: Finding, scope: ChangeScope): boolean {
  if (ABOUT_THE_CHANGE_ANYWHERE.has(finding.code)) return true;
  if (ABOUT_THE_CHANGE_IN_FILE.has(finding.code) && scope.paths.has(finding.path)) return true;
  const fields = finding.tool === undefined ? undefined : scope.fields.get(finding.tool);
  if (fields === undefined) return false;
  if (ABOUT_THE_CHANGED_TOOL.has(finding.code)) return true;
  if (!ABOUT_THE_CHANGED_TEXT.has(finding.code)) return false;
  const field = finding.field ?? '';
  return fields.some((changed) => changed === '*' || field === changed || field.startsWith(`${changed}.`));
}

/** Whether a finding decides a gate: new ones do, and one nobody marked is new (fail closed). */
export function isNewFinding(finding: Finding): boolean {
  return finding.new !== false;
}

/**
 * What identifies a finding across two commits: its code, its file (the base-side path of a renamed file), and
 * its subject (tool, prompt or server name, field) — never its line, so an edit elsewhere in the file leaves it
 * alone. The message joins the key with every line number and text offset taken out: it carries the rest of the
 * subject (the tool an unknown binding names, the character hidden text holds, how many there are), so a change
 * that adds a second hidden character to an already flagged description still brings a new finding.
 */
export function findingKey(finding: Finding, path: string = finding.path): string {
  return [finding.code, path, finding.tool ?? '', finding.field ?? '', normalizeMessage(finding, path)].join(
    '\0',
  );
}

function normalizeMessage(finding: Finding, path: string): string {
  let message = finding.message;
  const own = `${finding.path}:${finding.line}: `;
  if (message.startsWith(own)) message = message.slice(own.length);
  // a renamed file's own name in the message is the file, not news
  if (path !== finding.path) message = message.split(finding.path).join(path);
  return message
    .replace(/:\d+(?::\d+)?\b/g, ':#')
    .replace(/\b(offset|line|lines) \d+/g, '$1 #')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NewFindingsInput {
  /** the report's findings at head */
  head: readonly Finding[];
  /** the base's findings, computed the same way as the head's (parse findings and registry checks) */
  base: readonly Finding[];
  changedFiles: readonly ChangedFile[];
  /** the tools and servers the change touches, with their changed fields */
  changedFields?: ReadonlyMap<string, readonly string[]>;
}

/** What each changed tool or server changed: its field names, or '*' when it is new under its name. */
export function changedFieldsOf(
  changes: readonly { name: string; change: string; changes: readonly { field: string }[] }[],
): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const change of changes) {
    if (change.change === 'removed') continue;
    const touched = change.change === 'modified' ? change.changes.map((c) => c.field) : ['*'];
    fields.set(change.name, [...(fields.get(change.name) ?? []), ...touched]);
  }
  return fields;
}

/**
 * Every head finding with `new` set: true when the base lacks it (counted, so a second identical finding is new)
 * or when it is about the change; false when the base already had it.
 */
export function markNewFindings(input: NewFindingsInput): Finding[] {
  const changedPaths = new Set<string>();
  const basePathOf = new Map<string, string>();
  for (const file of input.changedFiles) {
    changedPaths.add(file.path);
    if (file.oldPath !== undefined) {
      changedPaths.add(file.oldPath);
      basePathOf.set(file.path, file.oldPath);
    }
  }
  const scope: ChangeScope = { paths: changedPaths, fields: input.changedFields ?? new Map() };
  const available = new Map<string, number>();
  for (const finding of input.base) {
    const key = findingKey(finding);
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  // the earliest findings of a key take the base's, so a new twin is the later one
  const order = input.head
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => a.finding.line - b.finding.line || a.index - b.index);
  const fresh = new Array<boolean>(input.head.length).fill(true);
  for (const { finding, index } of order) {
    if (isAboutTheChange(finding, scope)) continue;
    const key = findingKey(finding, basePathOf.get(finding.path) ?? finding.path);
    const left = available.get(key) ?? 0;
    if (left === 0) continue;
    available.set(key, left - 1);
    fresh[index] = false;
  }
  return input.head.map((finding, index) => ({ ...finding, new: fresh[index] as boolean }));
}

/** "3 pre-existing findings not brought by this change (2 errors)", or null when there are none. */
export function describePreexisting(findings: readonly Finding[]): string | null {
  const old = findings.filter((finding) => !isNewFinding(finding));
  if (old.length === 0) return null;
  const errors = old.filter((finding) => finding.severity === 'error').length;
  const noun = old.length === 1 ? 'finding' : 'findings';
  const which = errors > 0 ? ` (${errors} error${errors === 1 ? '' : 's'})` : '';
  return `${old.length} pre-existing ${noun} not brought by this change${which}`;
}
