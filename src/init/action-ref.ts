// Which agentgate the workflow `init` writes runs. Only two shapes are accepted, because only they name fixed code:
// a repository's action at a full commit sha, or an action inside the repository itself (a path, read from the
// base commit the workflow checks out). A tag or a branch can be moved to other code by whoever controls it, and
// an npm name may belong to someone else: neither ever reaches the workflow.

/** Where agentgate's Action is published, and the commit of a release whose action.yml runs on node24. */
export const AGENTGATE_ACTION_REPOSITORY = 'agentgate/agentgate';
/** Updated at every release to the release's commit; `--action-ref` overrides it. */
export const AGENTGATE_ACTION_SHA = '90ea6dd277e7bc4f9d5cbb9f39741aae8f601971';
export const AGENTGATE_ACTION_RELEASE = 'v0.1.0';

export const DEFAULT_ACTION_REF = `${AGENTGATE_ACTION_REPOSITORY}@${AGENTGATE_ACTION_SHA}`;

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
  const release = value === DEFAULT_ACTION_REF ? `agentgate ${AGENTGATE_ACTION_RELEASE}` : 'pinned commit';
  return { kind: 'pinned', use: { uses: value, comment: release } };
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
