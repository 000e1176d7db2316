import { buildDiffReport } from '../core/build-diff.js';
import { ownersOfPlanePaths } from '../core/gate/reviewers.js';
import { ownersOf, parseCodeowners } from '../core/codeowners.js';
import { createPathClassification } from '../core/classify-paths.js';
import { DEFAULT_CONFIG, parseConfig } from '../core/parse/config.js';
import { parseSnapshot } from '../core/parse-snapshot.js';
import type { ParseCache, ParsedSnapshot } from '../core/parse-snapshot.js';
import type { ChangedFile, Config, DiffReport } from '../core/types.js';
import { UsageError } from '../errors.js';
import { listChangedFiles } from '../git/changed-files.js';
import { findDefaultBase, verifyRef } from '../git/refs.js';
import { readSnapshot, readSnapshots } from '../git/snapshot.js';
import { loadEvalDelta } from './load-eval.js';
import type { Snapshot, SnapshotOptions } from '../git/snapshot.js';

/** Files over this size are refused with a finding instead of being parsed. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

const CONFIG_PATHS = ['agentgate.yaml', 'agentgate.yml'];
const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

export interface ComputeDiffOptions {
  cwd: string;
  /** a ref to verify; undefined = merge-base with the default branch */
  base?: string;
  /** a ref to verify; null = the working tree, untracked registry files included */
  head: string | null;
  /** YYYY-MM-DD for waiver expiry; defaults to today (UTC) */
  today?: string;
  /**
   * A verified commit to read the config and CODEOWNERS from, when it is not the diff's base: a pull request is
   * diffed from its merge-base but judged by the base branch's CURRENT gate, so that a branch forked before the
   * gate was tightened does not keep the looser one.
   */
  gateCommit?: string;
  /** skip reading eval results: the caller needs the capabilities, not the behavioural verdict */
  skipEval?: boolean;
}

export interface ComputeDiffResult {
  report: DiffReport;
  /** the BASE commit's config: a PR cannot loosen the gate that judges it */
  config: Config;
  /** CODEOWNERS at the base commit, GitHub's lookup order */
  codeowners: { path: string; text: string } | null;
  /** both sides as parsed, for use cases that need more than the report (split, release) */
  parsed: {
    base: ParsedSnapshot;
    head: ParsedSnapshot;
    baseFiles: Snapshot;
    headFiles: Snapshot;
    /** every changed file, in a plane or not */
    changedFiles: ChangedFile[];
  };
}

export async function computeDiff(options: ComputeDiffOptions): Promise<ComputeDiffResult> {
  const { cwd } = options;
  const [base, headSha] = await Promise.all([
    options.base === undefined
      ? findDefaultBase(cwd)
      : verifyRef(cwd, options.base).then((sha) => ({ ref: options.base as string, sha })),
    options.head === null ? null : verifyRef(cwd, options.head),
  ]);

  // Read both sides with the default plane paths first: the config lives on the base side of the same read, and
  // only a config with other plane paths costs a second round.
  const defaults = snapshotOptions(DEFAULT_CONFIG);
  const [firstRead, changedFiles] = await Promise.all([
    readSnapshots(cwd, [base.sha, headSha], defaults),
    listChangedFiles(cwd, base.sha, headSha),
  ]);
  const gateSide =
    options.gateCommit === undefined || options.gateCommit === base.sha
      ? (firstRead[0] as Snapshot)
      : await readSnapshot(cwd, options.gateCommit, {
          prefixes: [...CONFIG_PATHS, ...CODEOWNERS_PATHS],
          extraPaths: [],
          maxBytes: MAX_MANIFEST_BYTES,
        });
  const config = loadBaseConfig(gateSide);
  const codeowners = findCodeowners(gateSide);
  const configured = snapshotOptions(config);
  const [baseFiles, headFiles] =
    configured.key === defaults.key ? firstRead : await readSnapshots(cwd, [base.sha, headSha], configured);
  if (!baseFiles || !headFiles) throw new Error('internal: a snapshot side is missing');

  const cache: ParseCache = new Map();
  const parsed = {
    base: parseSnapshot(baseFiles.files, baseFiles.refused, config, cache),
    head: parseSnapshot(headFiles.files, headFiles.refused, config, cache),
    baseFiles,
    headFiles,
    changedFiles,
  };
  const report = buildDiffReport({
    base: { ref: { ref: base.ref, sha: base.sha }, snapshot: parsed.base },
    head: { ref: { ref: options.head ?? 'working tree', sha: headSha }, snapshot: parsed.head },
    changedFiles,
    config,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    ownersOf: codeowners ? ownersLookup(codeowners) : undefined,
  });
  // who reviews (and by default signs) the control plane is who owns its paths, never who owns the files a PR
  // chose to touch
  if (report.planes.control.changed && config.planes.control.reviewers.length === 0) {
    report.planes.control.reviewers = codeowners
      ? ownersOfPlanePaths(
          parseCodeowners(codeowners.text, codeowners.path).rules,
          config.planes.control.paths,
        )
      : [];
  }
  const evalConfig = config.planes.data.eval;
  if (!options.skipEval && report.planes.data.changed && evalConfig?.results !== undefined) {
    const loaded = await loadEvalDelta(cwd, evalConfig, base.sha, headSha);
    if (loaded && 'delta' in loaded) report.planes.data.eval = loaded.delta;
    if (loaded && 'delta' in loaded && loaded.distrust) {
      const { path, message } = loaded.distrust;
      report.findings.unshift({
        severity: 'warning',
        code: 'eval-results-untrusted',
        path,
        line: 1,
        message,
        new: true,
      });
    }
    if (loaded && 'invalid' in loaded) {
      const { path, message } = loaded.invalid;
      report.findings.unshift({
        severity: 'error',
        code: 'eval-results-invalid',
        path,
        line: 1,
        message,
        new: true,
      });
    }
  }
  return { report, config, codeowners, parsed };
}

/**
 * What to read of each side: every file the config's planes, the gate or a source adapter claims (SPEC 2.4:
 * client configs and agent files may sit anywhere in the tree), picked by path before any blob is read.
 */
function snapshotOptions(config: Config): SnapshotOptions & { key: string } {
  const classify = createPathClassification(config);
  const always = new Set([...CONFIG_PATHS, ...CODEOWNERS_PATHS]);
  return {
    // the whole tree is listed (sources have no literal prefix); only claimed paths are read
    prefixes: [],
    extraPaths: [],
    maxBytes: MAX_MANIFEST_BYTES,
    include: (path) => always.has(path) || classify(path).kind !== 'none',
    key: JSON.stringify([config.planes.control.paths, config.planes.data.paths, config.sources ?? {}]),
  };
}

function loadBaseConfig(gates: Snapshot): Config {
  const file = gates.files.find((f) => CONFIG_PATHS.includes(f.path));
  const refused = gates.refused.find((f) => CONFIG_PATHS.includes(f.path));
  if (refused)
    throw new UsageError(`${refused.path}: config at the base commit is unreadable (${refused.reason})`);
  const { config, errors } = parseConfig(file?.text ?? null, file?.path ?? 'agentgate.yaml');
  const first = errors[0];
  if (first) throw new UsageError(`${first.message} (config is read from the base commit)`);
  return config;
}

function ownersLookup(codeowners: { path: string; text: string }): (path: string) => string[] {
  const { rules } = parseCodeowners(codeowners.text, codeowners.path);
  return (path) => ownersOf(rules, path);
}

function findCodeowners(gates: Snapshot): { path: string; text: string } | null {
  for (const path of CODEOWNERS_PATHS) {
    const file = gates.files.find((f) => f.path === path);
    if (file) return { path, text: file.text };
  }
  return null;
}
