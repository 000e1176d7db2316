// The pure two-plane diff of two in-memory trees, for core tests: blob ids are the texts themselves (all equality
// needs), changed files are worked out as git would list them, sorted by path.
import { buildDiffReport } from '../../src/core/diff/build-diff.js';
import { planStatuses } from '../../src/core/gate/statuses.js';
import type { SignoffEvaluation } from '../../src/core/gate/types.js';
import { DEFAULT_CONFIG } from '../../src/core/plane/config.js';
import { parseSnapshot } from '../../src/core/plane/parse-snapshot.js';
import type { ChangedFile, Config, DiffReport } from '../../src/model/types.js';

export type Files = Record<string, string>;

export interface DiffTreesOptions {
  config?: Config;
  /** new path -> old path: listed as renamed, as `git diff -M` would */
  renames?: Record<string, string>;
  /** YYYY-MM-DD, for waiver expiry */
  today?: string;
}

export function diffTrees(base: Files, head: Files, options: DiffTreesOptions = {}): DiffReport {
  const config = options.config ?? DEFAULT_CONFIG;
  const renames = options.renames ?? {};
  const snapshot = (files: Files) =>
    parseSnapshot(
      Object.entries(files).map(([path, text]) => ({ path, text, oid: text })),
      [],
      config,
    );
  const renamedFrom = new Set(Object.values(renames));
  const paths = [...new Set([...Object.keys(base), ...Object.keys(head)])]
    .filter((path) => !renamedFrom.has(path))
    .sort();
  const changedFiles: ChangedFile[] = paths
    .filter((path) => base[renames[path] ?? path] !== head[path] || renames[path] !== undefined)
    .map((path) =>
      renames[path] !== undefined
        ? { path, status: 'renamed' as const, oldPath: renames[path] }
        : { path, status: !(path in base) ? 'added' : !(path in head) ? 'deleted' : 'modified' },
    );
  return buildDiffReport({
    base: { ref: { ref: 'base', sha: null }, snapshot: snapshot(base) },
    head: { ref: { ref: 'head', sha: null }, snapshot: snapshot(head) },
    changedFiles,
    config,
    today: options.today ?? '2026-11-27',
  });
}

/** The statuses `check` would set for a report when nobody has signed off yet (eval results not configured). */
export function statusesUnsigned(report: DiffReport) {
  const signoffs: SignoffEvaluation = {
    required: report.planes.control.requiredSignoffs,
    headDigest: report.planes.control.digest,
    counted: [],
    rejected: [],
    notes: [],
    satisfied: report.planes.control.requiredSignoffs === 0,
  };
  return planStatuses({ report, config: DEFAULT_CONFIG, signoffs, evalResults: 'not-configured' });
}
