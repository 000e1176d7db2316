// Which agentgate this is. Every build records its version and commit (dist/build-info.json, written by
// scripts/write-build-info.mjs); only a build of the very commit the tag v<version> names, from a clean tree,
// is a release, and only a release may pin itself into the workflows `init` writes.

/** What git says about the tree a build is made from (read by src/git/build-identity.ts at build time). */
export type BuildIdentity =
  | { kind: 'git'; commit: string; dirty: boolean; tagCommit: string | null }
  | { kind: 'no-git'; reason: string };

export interface BuildInfo {
  name: 'agentgate';
  version: string;
  /** the 40-hex commit the build was made from; null when no git told us */
  commit: string | null;
  release: boolean;
  /** why this build is not a release; null for a release */
  reason: string | null;
  /** OWNER/NAME of the repository a release is published from, when the build knew it */
  repository: string | null;
}

const SHA = /^[0-9a-f]{40}$/;
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const REPOSITORY = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9_.-]{1,100}$/;

/** The release tag of a version: `v0.4.0`. */
export const releaseTag = (version: string): string => `v${version}`;

export function decideBuild(
  version: string,
  identity: BuildIdentity,
  repository: string | null = null,
): BuildInfo {
  const base = { name: 'agentgate' as const, version, repository: repositoryOrNull(repository) };
  if (identity.kind === 'no-git')
    return { ...base, commit: null, release: false, reason: `${identity.reason}: commit unknown` };
  const commit = SHA.test(identity.commit) ? identity.commit : null;
  const reason =
    commit === null
      ? `commit ${identity.commit.slice(0, 12)} is not a 40-hex sha1 commit`
      : identity.dirty
        ? 'the working tree had uncommitted changes'
        : identity.tagCommit === null
          ? `no tag ${releaseTag(version)} in this clone`
          : identity.tagCommit !== commit
            ? `tag ${releaseTag(version)} names ${identity.tagCommit.slice(0, 12)}, not this commit`
            : null;
  return { ...base, commit, release: reason === null, reason };
}

/** What `agentgate --version` prints: `0.4.0 (<sha>)`, or `0.4.0-dev (<sha>)` and why it is not a release. */
export function versionText(info: BuildInfo): string {
  if (info.release && info.commit !== null) return `${info.version} (${info.commit})`;
  return `${info.version}-dev (${info.commit ?? 'commit unknown'})\nnot a release: ${info.reason ?? 'unknown build'}`;
}

/** Reads a recorded build-info.json; anything malformed is not a release (never trusted to pin). */
export function parseBuildInfo(value: unknown, fallbackVersion: string): BuildInfo {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const version =
    typeof record.version === 'string' && SEMVER.test(record.version) ? record.version : fallbackVersion;
  const commit = typeof record.commit === 'string' && SHA.test(record.commit) ? record.commit : null;
  const repository = repositoryOrNull(record.repository);
  const claimed = record.release === true && commit !== null;
  // shown on a terminal by --version: one line, no control characters
  const reason =
    typeof record.reason === 'string' && record.reason.trim() !== ''
      ? oneLine(record.reason).slice(0, 200)
      : null;
  if (claimed && reason === null)
    return { name: 'agentgate', version, commit, release: true, reason: null, repository };
  return {
    name: 'agentgate',
    version,
    commit,
    release: false,
    reason: reason ?? 'the recorded build information is incomplete',
    repository,
  };
}

/** A build that recorded nothing (run from sources, or a dist/ built before builds were recorded). */
export function unrecordedBuild(version: string): BuildInfo {
  return {
    name: 'agentgate',
    version,
    commit: null,
    release: false,
    reason: 'this build recorded no commit (no build-info.json beside it)',
    repository: null,
  };
}

function oneLine(text: string): string {
  return [...text].map((c) => (/\p{Cc}/u.test(c) ? ' ' : c)).join('');
}

function repositoryOrNull(value: unknown): string | null {
  return typeof value === 'string' && REPOSITORY.test(value) ? value : null;
}
