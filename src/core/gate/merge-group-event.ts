// `merge_group` (checks_requested): GitHub tests the queued result on a temporary branch and waits for the
// required checks on its head. A check that never reports there stalls the queue.

export interface MergeGroupRef {
  headSha: string;
  baseSha: string;
  /** `refs/heads/gh-readonly-queue/<branch>/pr-<n>-<sha>` */
  headRef: string;
  /** the queued pull request, from the head ref; null when the ref does not name one */
  prNumber: number | null;
  /** the branch the queue merges into */
  targetBranch: string | null;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

const QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/(.+)\/pr-(\d{1,9})-([0-9a-f]{40}(?:[0-9a-f]{24})?)$/;

/** The pull request and target branch a merge-queue ref names, or null. */
export function readQueueRef(ref: string): { branch: string; prNumber: number; prHead: string } | null {
  const match = QUEUE_REF.exec(ref);
  if (!match) return null;
  const prNumber = Number(match[2]);
  if (!Number.isSafeInteger(prNumber) || prNumber <= 0) return null;
  return { branch: match[1] as string, prNumber, prHead: match[3] as string };
}

export function readMergeGroup(payload: Json): MergeGroupRef | string {
  const group = payload.merge_group;
  if (!isObject(group)) return 'merge_group payload has no merge_group object';
  const { head_sha: headSha, base_sha: baseSha, head_ref: headRef, base_ref: baseRef } = group;
  if (typeof headSha !== 'string' || !SHA.test(headSha))
    return 'merge_group.head_sha is missing or not a sha';
  if (typeof baseSha !== 'string' || !SHA.test(baseSha))
    return 'merge_group.base_sha is missing or not a sha';
  if (typeof headRef !== 'string' || headRef === '') return 'merge_group.head_ref is missing';
  const queued = readQueueRef(headRef);
  const target =
    queued?.branch ?? (typeof baseRef === 'string' ? baseRef.replace(/^refs\/heads\//, '') : null);
  return { headSha, baseSha, headRef, prNumber: queued?.prNumber ?? null, targetBranch: target };
}
