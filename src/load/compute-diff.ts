import { buildDiffReport } from '../core/diff/build-diff.js';
import type { EvalOutcome } from '../core/diff/build-diff.js';
import { resolveGatePeople } from '../core/gate/reviewers.js';
import type { GatePeople } from '../core/gate/reviewers.js';
import { ownersOf } from '../parse/codeowners.js';
import { createPathClassification } from '../core/plane/classify-paths.js';
import { splitChangedFiles } from '../core/plane/changed-planes.js';
import { CODEOWNERS_PATHS, CONFIG_PATHS, MAX_MANIFEST_BYTES } from '../model/gate-files.js';
import { parseSnapshot } from '../core/plane/parse-snapshot.js';
import type { ParseCache, ParsedSnapshot } from '../core/plane/parse-snapshot.js';
import type { ChangedFile, Config, DiffReport } from '../model/types.js';
import { listChangedFiles } from '../git/changed-files.js';
import { findDefaultBase, verifyRef } from '../git/refs.js';
import { readSnapshots } from '../git/snapshot.js';
import { loadEvalDelta } from './load-eval.js';
import { applyFloors } from './apply-floors.js';
import type { FloorOptions } from './apply-floors.js';
import { readGate } from './read-gate.js';
import type { LoadedGate } from './read-gate.js';
import type { Snapshot, SnapshotOptions } from '../git/snapshot.js';

/** Files over this size are refused with a finding instead of being parsed (declared in core/gate-files). */
export { MAX_MANIFEST_BYTES };

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
  /** `check --floor` and how a repository floor is fetched; `extends:` of the gate's config applies always */
  floor?: FloorOptions;
  /** keep both sides' files (their texts) in the result; else they are let go once parsed */
  keepFiles?: boolean;
}

export interface ComputeDiffResult {
  report: DiffReport;
  /** the BASE commit's config: a PR cannot loosen the gate that judges it */
  config: Config;
  /** CODEOWNERS at the base commit, GitHub's lookup order */
  codeowners: { path: string; text: string } | null;
  /** the gate that judged: config and CODEOWNERS rules, parsed once */
  gate: LoadedGate;
  /** who reviews each plane and who signs, resolved once from the gate: the report lists them, check asks them */
  people: GatePeople;
  /** both sides as parsed, for use cases that need more than the report (split, release) */
  parsed: ParsedSides;
}

export interface ParsedSides {
  base: ParsedSnapshot;
  head: ParsedSnapshot;
  /**
   * The files read, with their texts: only when `keepFiles` asked for them. A large registry's texts are a good
   * part of the diff's memory, and the report needs none of them once both sides are parsed.
   */
  baseFiles?: Snapshot;
  headFiles?: Snapshot;
  /** every changed file, in a plane or not */
  changedFiles: ChangedFile[];
}

/** The result of a diff that asked for `keepFiles`. */
export type ComputeDiffWithFiles = ComputeDiffResult & {
  parsed: ParsedSides & { baseFiles: Snapshot; headFiles: Snapshot };
};

/** Resolves the refs, reads the gate (config, CODEOWNERS) at the gate commit, then diffs: for callers with refs. */
export async function computeDiff(
  options: ComputeDiffOptions & { keepFiles: true },
): Promise<ComputeDiffWithFiles>;
export async function computeDiff(options: ComputeDiffOptions): Promise<ComputeDiffResult>;
export async function computeDiff(options: ComputeDiffOptions): Promise<ComputeDiffResult> {
  const { cwd } = options;
  const [base, headSha] = await Promise.all([
    options.base === undefined
      ? findDefaultBase(cwd)
      : verifyRef(cwd, options.base).then((sha) => ({ ref: options.base as string, sha })),
    options.head === null ? null : verifyRef(cwd, options.head),
  ]);
  const gateSha = options.gateCommit ?? base.sha;
  const own = await readGate(cwd, gateSha, gateSha === base.sha ? 'the base commit' : gateSha.slice(0, 12));
  const { gate, floor } = await applyFloors(cwd, gateSha, own, options.floor);
  const result = await computeDiffAt({
    cwd,
    base,
    head: { ref: options.head ?? 'working tree', sha: headSha },
    gate,
    today: options.today,
    skipEval: options.skipEval,
    keepFiles: options.keepFiles,
  });
  if (floor) result.report.floor = floor;
  return result;
}

export interface ComputeDiffAtOptions {
  cwd: string;
  /** verified commit ids */
  base: { ref: string; sha: string };
  /** sha null: the working tree, untracked registry files included */
  head: { ref: string; sha: string | null };
  /** the gate that judges: read first, so the planes are read once with its globs */
  gate: LoadedGate;
  /** YYYY-MM-DD for waiver expiry; defaults to today (UTC) */
  today?: string;
  /** skip reading eval results: the caller needs the capabilities (a digest), not the behavioural verdict */
  skipEval?: boolean;
  /** keep both sides' files (their texts) in the result; else they are let go once parsed */
  keepFiles?: boolean;
}

/** The two-plane diff between resolved commits, judged by a loaded gate. Builds the report once, whole. */
export async function computeDiffAt(options: ComputeDiffAtOptions): Promise<ComputeDiffResult> {
  const { cwd, gate, base, head } = options;
  const { config } = gate;
  const headSha = head.sha;
  const parsed = await readSides(cwd, base.sha, headSha, config, options.keepFiles === true);
  const { changedFiles } = parsed;
  const evalOutcome = options.skipEval
    ? undefined
    : await loadEval(cwd, config, changedFiles, base.sha, headSha);
  const { rules } = gate;
  const people = resolveGatePeople(config, rules);
  const report = buildDiffReport({
    base: { ref: { ref: base.ref, sha: base.sha }, snapshot: parsed.base },
    head: { ref: { ref: head.ref, sha: headSha }, snapshot: parsed.head },
    changedFiles,
    config,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    ownersOf: rules ? (path) => ownersOf(rules, path) : undefined,
    // who reviews (and by default signs) the control plane is who owns its paths, never who owns the files a
    // PR chose to touch
    people,
    eval: evalOutcome,
  });
  return { report, config, codeowners: gate.codeowners, gate, people, parsed };
}

/**
 * Both sides read and parsed. The files and the parse cache live only in this call's frame unless `keepFiles`
 * asks for them: the report is built after it returns, with the texts already garbage.
 */
async function readSides(
  cwd: string,
  baseSha: string,
  headSha: string | null,
  config: Config,
  keepFiles: boolean,
): Promise<ParsedSides> {
  const [[baseFiles, headFiles], changedFiles] = await Promise.all([
    readSnapshots(cwd, [baseSha, headSha], snapshotOptions(config)),
    listChangedFiles(cwd, baseSha, headSha),
  ]);
  if (!baseFiles || !headFiles) throw new Error('internal: a snapshot side is missing');
  const cache: ParseCache = new Map();
  return {
    base: parseSnapshot(baseFiles.files, baseFiles.refused, config, cache),
    head: parseSnapshot(headFiles.files, headFiles.refused, config, cache),
    ...(keepFiles && { baseFiles, headFiles }),
    changedFiles,
  };
}

/** Eval results are read only when the data plane changed and `planes.data.eval.results` is configured. */
async function loadEval(
  cwd: string,
  config: Config,
  changedFiles: ChangedFile[],
  baseSha: string,
  headSha: string | null,
): Promise<EvalOutcome | undefined> {
  const evalConfig = config.planes.data.eval;
  if (evalConfig?.results === undefined) return undefined;
  if (splitChangedFiles(changedFiles, createPathClassification(config)).data.length === 0) return undefined;
  const loaded = await loadEvalDelta(cwd, evalConfig, baseSha, headSha);
  if (!loaded) return undefined;
  if ('invalid' in loaded) {
    const { path, message } = loaded.invalid;
    return { findings: [{ severity: 'error', code: 'eval-results-invalid', path, line: 1, message }] };
  }
  const distrust = loaded.distrust;
  return {
    delta: loaded.delta,
    findings: distrust
      ? [
          {
            severity: 'warning',
            code: 'eval-results-untrusted',
            path: distrust.path,
            line: 1,
            message: distrust.message,
          },
        ]
      : [],
  };
}

/**
 * What to read of each side: every file the config's planes, the gate or a source adapter claims
 * (client configs and agent files may sit anywhere in the tree), picked by path before any blob is read.
 */
function snapshotOptions(config: Config): SnapshotOptions {
  const classify = createPathClassification(config);
  const always = new Set([...CONFIG_PATHS, ...CODEOWNERS_PATHS]);
  return {
    // the whole tree is listed (sources have no literal prefix); only claimed paths are read
    prefixes: [],
    extraPaths: [],
    maxBytes: MAX_MANIFEST_BYTES,
    include: (path) => always.has(path) || classify(path).kind !== 'none',
  };
}
