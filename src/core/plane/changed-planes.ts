// The plane of a changed file: one answer for `diff` (and the gate) and for `log`/`scope` over history. A caller
// brings what only it knows about the change (the file could not be read, a control entry runs it); the rules
// that turn those facts and the file's paths into planes live here alone.
import type { ChangedFile, Plane } from '../../model/types.js';
import { isTextOnlySource } from '../../sources/lookup.js';
import type { PathClass } from './classify-paths.js';
import { PROMPT_BINDINGS_UNKNOWN, SOURCE_UNREAD_CODES } from './parse-snapshot.js';
import type { Finding } from '../../model/types.js';

/** What the caller knows about one change beyond its paths. */
export interface ChangedFileFacts {
  /** the file could not be read or parsed on a side (a prompt whose bindings are unknown, a source that is
   *  binary, a link or does not parse): it may grant anything, so it holds the control plane too */
  unreadable?: boolean;
  /** a control entry (a hook, a skill, a server) runs it, at either path, and `heldWhenExecuted` holds that
   *  path: editing it changes what runs */
  executed?: boolean;
}

/**
 * Whether a control entry running this file holds it in the control plane: yes, unless its own adapter reads it
 * as an agent definition (that split stands) or its path is refused (it is in every plane already).
 */
export function heldWhenExecuted(found: PathClass): boolean {
  return !(found.kind === 'data' && found.source !== undefined) && found.kind !== 'refused';
}

/** An agent definition file (not text alone) that appears, goes or moves is a principal its client can invoke. */
function isNewPrincipal(found: PathClass, file: ChangedFile): boolean {
  return (
    file.status !== 'modified' &&
    found.kind === 'data' &&
    found.source !== undefined &&
    !isTextOnlySource(found.source)
  );
}

/** The planes a changed file's paths fall in: either side of a rename; a refused path is in both. */
function planesOfPaths(file: ChangedFile, classify: (path: string) => PathClass): Set<Plane> {
  const planes = new Set<Plane>();
  for (const path of file.oldPath === undefined ? [file.path] : [file.path, file.oldPath]) {
    const found = classify(path);
    if (found.kind === 'refused') {
      planes.add('data');
      planes.add('control');
    } else planes.add(found.kind);
  }
  return planes;
}

/** Whether what the caller knows, or an agent definition appearing, holds the file in the control plane. */
function heldInControl(
  file: ChangedFile,
  classify: (path: string) => PathClass,
  facts: ChangedFileFacts,
): boolean {
  const found = classify(file.path);
  return (
    facts.unreadable === true ||
    facts.executed === true ||
    isNewPrincipal(found, file) ||
    (file.oldPath !== undefined && isNewPrincipal(classify(file.oldPath), file))
  );
}

/**
 * The planes a changed file belongs to. Every plane either of its paths falls in (moving a tool out of the
 * registry is a control change; a refused path is in both); the control plane too when an agent definition
 * appears, goes or moves, when it could not be read, or when a control entry runs it (unless its own adapter
 * reads it as an agent definition). `none` only when no plane holds it.
 */
export function planesOfChangedFile(
  file: ChangedFile,
  classify: (path: string) => PathClass,
  facts: ChangedFileFacts = {},
): Plane[] {
  const planes = planesOfPaths(file, classify);
  if (heldInControl(file, classify, facts)) planes.add('control');
  if (planes.size > 1) planes.delete('none');
  return [...planes];
}

/**
 * Changed files by plane, each placed by `planesOfChangedFile`, in the order given; the control plane's list is
 * sorted by path once a file is held there beyond its paths.
 */
export function splitChangedFiles(
  files: readonly ChangedFile[],
  classify: (path: string) => PathClass,
  factsOf: (file: ChangedFile) => ChangedFileFacts = () => ({}),
): { data: ChangedFile[]; control: ChangedFile[]; none: ChangedFile[] } {
  const out = { data: [] as ChangedFile[], control: [] as ChangedFile[], none: [] as ChangedFile[] };
  let held = false;
  for (const file of files) {
    const facts = factsOf(file);
    for (const plane of planesOfChangedFile(file, classify, facts)) out[plane].push(file);
    held ||= heldInControl(file, classify, facts);
  }
  if (held) out.control.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out;
}

/**
 * Changed paths a head finding says could not be read: a prompt that does not parse may bind anything, a source
 * that cannot be read may grant anything, so its file joins the control plane, whose gate the error holds.
 */
export function unreadablePaths(
  headFindings: readonly Finding[],
  changedPaths: ReadonlySet<string>,
): Set<string> {
  return new Set(
    headFindings
      .filter(
        (finding) =>
          (finding.code === PROMPT_BINDINGS_UNKNOWN ||
            (finding.severity === 'error' && SOURCE_UNREAD_CODES.has(finding.code))) &&
          changedPaths.has(finding.path),
      )
      .map((finding) => finding.path),
  );
}
