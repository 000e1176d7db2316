// Which agentgate the workflow `init` writes runs: by default the agentgate that wrote it (a release build pins
// its own commit), else what `--action-ref` names. Only two shapes are accepted, because only they name fixed code:
// a repository's action at a full commit sha, or an action inside the repository itself (a path, read from the
// base commit the workflow checks out). A tag or a branch can be moved to other code by whoever controls it, and
// an npm name may belong to someone else: neither ever reaches the workflow.

import type { BuildInfo } from '../model/build-info.js';

/** Where agentgate's Action is published, when the build did not record the repository it was released from. */
export const AGENTGATE_ACTION_REPOSITORY = 'agentgate/agentgate';

/** `uses:` plus the comment that tells a reader which release the sha is. */
export interface ActionUse {
  uses: string;
  comment: string;
}

export type ActionRefResult =
  | { kind: 'pinned'; use: ActionUse }
  | { kind: 'local'; use: ActionUse; path: string }
  | { kind: 'invalid'; reason: string };

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const SEGMENT = /^[A-Za-z0-9_.-]{1,100}$/;
const SHA = /^[0-9a-f]{40}$/;
const LOCAL_SEGMENT = /^[A-Za-z0-9_.-]{1,100}$/;

/** Reads `--action-ref`: OWNER/REPO[/PATH]@<40-hex sha>, or ./ and ./PATH for an action kept in the repository. */
export function parseActionRef(value: string): ActionRefResult {
  if (value.startsWith('./')) return parseLocal(value);
  const at = value.lastIndexOf('@');
  if (at < 0) return invalid(value, 'it names no commit');
  const [owner, ...rest] = value.slice(0, at).split('/');
  const ref = value.slice(at + 1);
  if (owner === undefined || !OWNER.test(owner) || rest.length === 0)
    return invalid(value, 'the owner or repository is not a GitHub name');
  if (!rest.every((segment) => SEGMENT.test(segment) && segment !== '.' && segment !== '..'))
    return invalid(value, 'the repository or path is not a GitHub name');
  if (!SHA.test(ref))
    return invalid(value, 'the ref is not a full 40-hex commit sha (a tag or branch can move)');
  return { kind: 'pinned', use: { uses: value, comment: 'pinned commit' } };
}

/**
 * The agentgate that runs `init`, pinned at its own commit. Only a release build may: a dev build's commit may
 * be unpushed, dirty or unknown, and a workflow pinned to it would run other code or nothing at all.
 */
export function pinSelf(build: BuildInfo): ActionRefResult {
  if (!build.release || build.commit === null)
    return {
      kind: 'invalid',
      reason: `this agentgate (${build.version}-dev) is not a release (${build.reason ?? 'unknown build'}), so it will not pin itself into the workflows: pass --action-ref ./.github/actions/agentgate (a copy of the action kept in this repository) or --action-ref OWNER/REPO@<40-hex commit sha> (a release's commit)`,
    };
  const repository = build.repository ?? AGENTGATE_ACTION_REPOSITORY;
  return {
    kind: 'pinned',
    use: { uses: `${repository}@${build.commit}`, comment: `agentgate v${build.version}` },
  };
}

function parseLocal(value: string): ActionRefResult {
  const path = value.slice(2).replace(/\/+$/, '');
  const segments = path === '' ? [] : path.split('/');
  if (!segments.every((segment) => LOCAL_SEGMENT.test(segment) && segment !== '.' && segment !== '..'))
    return invalid(value, 'a local action is ./ or ./a/path inside the repository');
  const uses = segments.length === 0 ? './' : `./${segments.join('/')}`;
  return {
    kind: 'local',
    path: segments.join('/'),
    use: { uses, comment: 'this repository, at the base commit' },
  };
}

function invalid(value: string, why: string): ActionRefResult {
  const shown = JSON.stringify(value);
  return {
    kind: 'invalid',
    reason: `--action-ref: ${shown} is not OWNER/REPO@<40-hex commit sha> or ./PATH: ${why}`,
  };
}
