import { createPathClassification, isGateFile, literalPrefixes } from '../core/plane/classify-paths.js';
import { GATE_FILE_PATTERNS, NESTED_CONFIG_PATTERNS } from '../model/gate-files.js';
import { compileGlobs } from '../model/globs.js';
import { diffCommitFiles } from '../core/history/commit-diff.js';
import type { CommitFileChange, HistoryEntry } from '../core/history/commit-diff.js';
import type { ParseCache } from '../core/plane/parse-snapshot.js';
import { parseSnapshot } from '../core/plane/parse-snapshot.js';
import type { SourceFile } from '../model/source-file.js';
import type { Config, FileStatus, Registry } from '../model/types.js';
import { readBlobs } from '../git/cat-file.js';
import { listRawCommits } from '../git/log-raw.js';
import type { RawChange } from '../git/log-raw.js';
import { readSnapshot } from '../git/snapshot.js';
import { createRepoSourceLookup } from '../core/plane/repo-sources.js';
import type { SourceLookup } from '../sources/lookup.js';
import { MAX_MANIFEST_BYTES } from '../model/gate-files.js';
import { readGate } from './read-gate.js';
import type { LoadedGate } from './read-gate.js';

const REGULAR_FILE = /^100(644|755)$/;

export interface WalkOptions {
  /** git `--since` text, validated by the caller */
  since?: string;
  /** only commits after this one (not reachable from it) */
  after?: string;
  /**
   * which adapter reads a path; default: the lookup of `config`. A caller that narrows `config` (scope's tools-only
   * walk) passes the lookup of the config it read, so a registry prompt named like a client file stays a prompt.
   */
  sourceOf?: SourceLookup;
}

/** The gate state at a commit: its config and its CODEOWNERS (GitHub's lookup order), parsed once. */
export type GateState = LoadedGate;

/**
 * The registry's history along the first-parent line of `sha`, newest first. One `git log --raw` gives every
 * changed file with its blob ids, one `cat-file --batch` reads every blob, and each blob is parsed once: the
 * cost follows the number of changed files, never commits x registry size. Plane paths come from `config`
 * (the caller's choice: the config at the tip).
 */
export async function walkHistory(
  cwd: string,
  sha: string,
  config: Config,
  options: WalkOptions = {},
): Promise<HistoryEntry[]> {
  const registryPaths = [...config.planes.control.paths, ...config.planes.data.paths];
  const prefixes = literalPrefixes(registryPaths);
  const literal = prefixes.length === 0 ? [] : [...prefixes, ...gatePrefixes()];
  // client source files sit wherever their clients read them (`**/*.agent.md`), and git runs with
  // literal pathspecs: the whole first-parent log is read and narrowed here to the files the gate follows
  const underLiteral = (path: string) =>
    literal.length === 0 || literal.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const sourceOf = options.sourceOf ?? createRepoSourceLookup(config);
  const isSource = (path: string) => sourceOf(path) !== undefined;
  const followed = (path: string) => underLiteral(path) || isGateFile(path) || isSource(path);
  const { sourceOf: _given, ...range } = options;
  const commits = (await listRawCommits(cwd, sha, [], range))
    .map((commit) => ({ ...commit, changes: commit.changes.filter((change) => followed(change.path)) }))
    .filter((commit) => commit.changes.length > 0);
  const isPlane = compileGlobs(registryPaths);
  const isRegistry = (path: string) => isPlane(path) || isSource(path);
  const wanted: string[] = [];
  for (const commit of commits) {
    for (const change of commit.changes) {
      if (!isRegistry(change.path)) continue;
      if (REGULAR_FILE.test(change.srcMode)) wanted.push(change.srcOid);
      if (REGULAR_FILE.test(change.dstMode)) wanted.push(change.dstOid);
    }
  }
  const blobs = await readBlobs(cwd, wanted);
  const texts = new Map<string, string | null>();
  const textOf = (oid: string): string | null => {
    let text = texts.get(oid);
    if (text === undefined) {
      text = decode(blobs.get(oid));
      texts.set(oid, text);
    }
    return text;
  };
  const side = (path: string, mode: string, oid: string): SourceFile | null => {
    if (!isRegistry(path) || !REGULAR_FILE.test(mode)) return null;
    const text = textOf(oid);
    return text === null ? null : { path, oid, text };
  };
  const cache: ParseCache = new Map();
  const classify = createPathClassification(config);
  return commits.map(({ changes, ...commit }) => {
    const files: CommitFileChange[] = changes.map((change) => ({
      path: change.path,
      status: statusOf(change),
      before: side(change.path, change.srcMode, change.srcOid),
      after: side(change.path, change.dstMode, change.dstOid),
    }));
    return { commit, ...diffCommitFiles(files, config, cache, { classify, sourceOf }) };
  });
}

/** Config and CODEOWNERS at a commit (null: the working tree); a config that does not parse is a usage error naming file and line. */
export function readGateState(cwd: string, sha: string | null): Promise<GateState> {
  return readGate(cwd, sha);
}

/** The parsed registry at a commit (null: the working tree). */
export async function readRegistryAt(cwd: string, sha: string | null, config: Config): Promise<Registry> {
  const prefixes = literalPrefixes([...config.planes.control.paths, ...config.planes.data.paths]);
  const snapshot = await readSnapshot(cwd, sha, { prefixes, extraPaths: [], maxBytes: MAX_MANIFEST_BYTES });
  return parseSnapshot(snapshot.files, snapshot.refused, config).registry;
}

// a config at any depth has no literal prefix: it is followed by name (isGateFile), so that its `**/` does not
// widen the prefixes to the whole tree and make every commit's every file a candidate
function gatePrefixes(): string[] {
  return literalPrefixes(GATE_FILE_PATTERNS.filter((pattern) => !NESTED_CONFIG_PATTERNS.includes(pattern)));
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decode(content: Buffer | undefined): string | null {
  if (content === undefined || content.length > MAX_MANIFEST_BYTES) return null;
  try {
    return decoder.decode(content);
  } catch {
    return null;
  }
}

function statusOf(change: RawChange): FileStatus {
  if (change.status === 'A') return 'added';
  if (change.status === 'D') return 'deleted';
  return 'modified';
}
