// A gh-aw workflow is edited as `<name>.md` and run as the `<name>.lock.yml` compiled from it. A PR whose lock no
// longer matches its `.md` ships one thing for review and runs another, so each pair the PR touches is checked at
// head: a lock that records another body than the `.md` holds, a front matter edited while the lock stayed, a lock
// whose source is gone, and a lock whose header cannot be read (it cannot be shown to match) are each an error
// `gh-aw-lock-stale` on the lock: a control-plane finding, waivable per agent like any other.
import { agentId } from '../../sources/kit/agent-id.js';
import { isGhAwLockPath, lockOfWorkflow, workflowOfLock } from '../../sources/formats/gh-aw-lock.js';
import type { GhAwFacts } from '../../sources/formats/gh-aw-lock.js';
import type { ChangedFile, Finding } from '../../model/types.js';
import type { ParsedSnapshot } from '../plane/parse-snapshot.js';

export interface GhAwSide {
  /** facts of the locks and workflow `.md` files read on that side */
  facts: ReadonlyMap<string, GhAwFacts>;
  /** path -> blob id of every file read on that side (a lock too large to read is here and not in `facts`) */
  oids: ReadonlyMap<string, string>;
}

const CODE = 'gh-aw-lock-stale';

export function ghAwSide(snapshot: ParsedSnapshot): GhAwSide {
  return { facts: snapshot.ghAw ?? new Map(), oids: snapshot.oids };
}

export function ghAwLockFindings(changed: readonly ChangedFile[], base: GhAwSide, head: GhAwSide): Finding[] {
  const locks = new Set<string>();
  for (const file of changed) {
    for (const path of new Set([file.path, file.oldPath ?? file.path])) {
      if (isGhAwLockPath(path)) locks.add(path);
      else if (isWorkflowPath(path, base, head)) locks.add(lockOfWorkflow(path));
    }
  }
  const findings: Finding[] = [];
  for (const lock of [...locks].sort()) {
    const finding = checkPair(lock, base, head);
    if (finding) findings.push(finding);
  }
  return findings;
}

function isWorkflowPath(path: string, base: GhAwSide, head: GhAwSide): boolean {
  return base.facts.get(path)?.kind === 'workflow' || head.facts.get(path)?.kind === 'workflow';
}

function checkPair(lock: string, base: GhAwSide, head: GhAwSide): Finding | null {
  // a lock gone at head runs nothing: the workflow stopped, which is no mismatch
  if (!head.oids.has(lock)) return null;
  const md = workflowOfLock(lock);
  const stale = (message: string, line = 1): Finding => ({
    severity: 'error',
    code: CODE,
    path: lock,
    line,
    message,
    tool: agentId('gh-aw', md, '.github', '.md'),
    subject: 'agent',
  });
  const lockFacts = head.facts.get(lock);
  const workflow = head.facts.get(md);
  if (!head.oids.has(md))
    return stale(
      `${lock} runs without its source: ${md} is not in the tree, so what runs was reviewed nowhere`,
    );
  if (lockFacts?.kind !== 'lock')
    return stale(
      `${lock} could not be read, so it cannot be shown to match ${md}: hold it until a signer looks`,
    );
  const { header } = lockFacts;
  if (header.kind === 'unknown')
    return stale(
      `${lock}: ${header.reason}; agentgate cannot tell whether it was compiled from ${md}, so it holds the change`,
      header.line,
    );
  if (workflow?.kind !== 'workflow')
    return stale(`${md} could not be read, so ${lock} cannot be shown to match it`);
  const recompile = `run \`gh aw compile\` and commit ${lock}`;
  if (header.bodyHash !== null && header.bodyHash !== workflow.bodyHash)
    return stale(
      `${lock} was compiled from another body than ${md} holds (body_hash ${header.bodyHash.slice(0, 12)}…, the .md body hashes to ${workflow.bodyHash.slice(0, 12)}…): ${recompile}`,
    );
  const lockChanged = base.oids.get(lock) !== head.oids.get(lock);
  if (lockChanged) return null;
  const before = base.facts.get(md);
  const baseWorkflow = before?.kind === 'workflow' ? before : null;
  if (baseWorkflow === null || baseWorkflow.frontMatter !== workflow.frontMatter)
    return stale(
      `${md}'s front matter changed and ${lock} did not: what runs is the old workflow; ${recompile}`,
    );
  // an older lock without a body hash runs its body as compiled, unless it reads the `.md` when it runs
  if (header.bodyHash === null && !header.importsBody && baseWorkflow.bodyHash !== workflow.bodyHash)
    return stale(
      `${md}'s body changed and ${lock}, which holds the body it was compiled from, did not: ${recompile}`,
    );
  return null;
}

/**
 * A lock whose only change is its recorded body hash, now the `.md` body's: the compiler's echo of a text edit
 * (the body itself is read from the `.md` when the workflow runs or sits in the data plane's diff). Nothing that
 * runs changed, so it costs no gate-file sign-off; any other byte of the lock keeps it a gate file.
 */
export function isBodyHashOnlyChange(file: ChangedFile, base: GhAwSide, head: GhAwSide): boolean {
  if (file.status !== 'modified' || file.oldPath !== undefined || !isGhAwLockPath(file.path)) return false;
  const before = base.facts.get(file.path);
  const after = head.facts.get(file.path);
  const workflow = head.facts.get(workflowOfLock(file.path));
  if (before?.kind !== 'lock' || after?.kind !== 'lock' || workflow?.kind !== 'workflow') return false;
  const [was, is] = [before.header, after.header];
  return (
    was.kind === 'read' &&
    is.kind === 'read' &&
    was.bodyHash !== null &&
    is.bodyHash !== null &&
    was.shape === is.shape &&
    was.importsBody &&
    is.importsBody &&
    is.bodyHash === workflow.bodyHash
  );
}

/**
 * A gh-aw lock recompiled for a text edit alone changes nothing that runs: it is listed with the data plane's
 * files, not held as a gate-file change.
 */
export function releaseBodyHashLocks(
  files: { data: ChangedFile[]; control: ChangedFile[] },
  base: GhAwSide,
  head: GhAwSide,
): void {
  const released = new Set(files.control.filter((file) => isBodyHashOnlyChange(file, base, head)));
  if (released.size === 0) return;
  files.control.splice(0, files.control.length, ...files.control.filter((file) => !released.has(file)));
  files.data.push(...released);
  files.data.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
