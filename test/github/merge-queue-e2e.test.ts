// Merge queues (SPEC 7) through the built CLI on real temp repositories: statuses on the group's head, the PR's
// sign-offs carried while the capability digest is its own, and a dangerous path the queued result has and the
// PR's own report did not show failing closed, including two PRs that each add half of a lethal trifecta.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { mergeGroupEvent, runCheck } from './harness.js';

const CONFIG = `version: 1
planes:
  control:
    signers: ["@alice", "@bob"]
`;
const tool = (name: string, extra: string) =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\ndescription: ${name}.\n${extra}`;
const SEARCH_DOCS = tool('search_docs', 'effect: read\nscopes: [docs:read]\n');
const READ_EMAIL = tool('read_email', 'effect: read\nscopes: [mail:read]\nuntrustedInput: true\n');
const EXPORT_CRM = tool(
  'export_crm',
  'effect: read\nscopes: [crm:read]\ndataAccess: sensitive\negress: [api.partner-analytics.example]\n',
);
const ADMIN = tool('admin_reset', 'effect: privileged\nscopes: [admin:write]\n');

let fake: FakeGitHub;
let repo: TempRepo;
let base: string;

beforeEach(async () => {
  fake = await startFakeGitHub();
  repo = await createTempRepo();
  repo.write('agentgate.yaml', CONFIG);
  repo.write('registry/tools/search_docs.yaml', SEARCH_DOCS);
  base = await repo.commit('base');
});
afterEach(async () => {
  await fake.close();
  repo.cleanup();
  expect(fake.violations).toEqual([]);
});

/** A PR branch off `from` with the given files, opened as #number by mallory and approved by alice and bob. */
async function openSignedPull(number: number, from: string, files: Record<string, string>): Promise<string> {
  repo.git('checkout', '-q', '-b', `pr-${number}`, from);
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  const head = await repo.commit(`pr ${number}`);
  fake.addPull({ number, author: 'mallory', baseSha: from, headSha: head, headRef: `pr-${number}` });
  for (const user of ['alice', 'bob'])
    fake.addReview({ pr: number, user, state: 'APPROVED', commitId: head });
  return head;
}

/** What the queue builds: `onto` with the PR branch merged in, on a gh-readonly-queue branch. */
function mergeInto(onto: string, prHead: string, name: string): string {
  repo.git('checkout', '-q', '-b', name, onto);
  repo.git('merge', '-q', '--no-ff', '-m', `merge ${name}`, prHead);
  return repo.git('rev-parse', 'HEAD');
}

describe('check on merge_group', () => {
  it('a signed PR whose digest is unchanged in the group passes: both statuses on the group head only', async () => {
    const prHead = await openSignedPull(7, base, { 'registry/tools/admin_reset.yaml': ADMIN });
    const group = mergeInto(base, prHead, 'queue-7');
    const run = await runCheck(fake, repo, mergeGroupEvent({ base, head: group, pr: 7, prHead }));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const statuses = fake.latestStatuses(group);
    expect(statuses['agentgate/control-plane']?.state).toBe('success');
    expect(statuses['agentgate/control-plane']?.description).toMatch(/^2 of 2 sign-off\(s\) for privileged/);
    expect(statuses['agentgate/data-plane']?.state).toBe('success');
    expect(fake.statuses.every((s) => s.sha === group)).toBe(true);
    expect(fake.comments).toHaveLength(0);
    expect(fake.requests.some((r) => r.path.endsWith('/requested_reviewers'))).toBe(false);
    expect(fake.requests.some((r) => r.method === 'GET' && r.path === '/repos/acme/agents/pulls/7')).toBe(
      true,
    );
  });

  it('an unsigned PR in the queue fails rather than waiting: no one can sign a merge group', async () => {
    repo.git('checkout', '-q', '-b', 'pr-8', base);
    repo.write('registry/tools/admin_reset.yaml', ADMIN);
    const prHead = await repo.commit('pr 8');
    fake.addPull({ number: 8, author: 'mallory', baseSha: base, headSha: prHead });
    const group = mergeInto(base, prHead, 'queue-8');
    const run = await runCheck(fake, repo, mergeGroupEvent({ base, head: group, pr: 8, prHead }));
    expect(run.code).toBe(1);
    const control = fake.latestStatuses(group)['agentgate/control-plane'];
    expect(control?.state).toBe('failure');
    expect(control?.description).toMatch(/^merge queue: needs 2 sign-off\(s\)/);
  });

  it('a capability change the PR never showed voids its sign-offs in the group', async () => {
    const prHead = await openSignedPull(9, base, { 'registry/tools/admin_reset.yaml': ADMIN });
    // the group holds more than the PR: another privileged tool rides along
    repo.git('checkout', '-q', '-b', 'queue-9', base);
    repo.git('merge', '-q', '--no-ff', '-m', 'merge', prHead);
    repo.write(
      'registry/tools/admin_two.yaml',
      tool('admin_two', 'effect: privileged\nscopes: [admin:all]\n'),
    );
    const group = await repo.commit('rides along');
    const run = await runCheck(fake, repo, mergeGroupEvent({ base, head: group, pr: 9, prHead }));
    expect(run.code).toBe(1);
    const control = fake.latestStatuses(group)['agentgate/control-plane'];
    expect(control?.state).toBe('failure');
    expect(control?.description).toMatch(
      /sign-offs do not carry: capability digest changed in the merge queue/,
    );
    expect(run.summary).toContain('signed digest');
  });

  it('two PRs that each add half of a lethal trifecta: each passes alone, the second fails closed in the queue', async () => {
    const headA = await openSignedPull(11, base, { 'registry/tools/read_email.yaml': READ_EMAIL });
    const headB = await openSignedPull(12, base, { 'registry/tools/export_crm.yaml': EXPORT_CRM });

    // the first PR's group: its own change, nothing unseen
    const groupA = mergeInto(base, headA, 'queue-11');
    const first = await runCheck(fake, repo, mergeGroupEvent({ base, head: groupA, pr: 11, prHead: headA }));
    expect(first.code).toBe(0);
    expect(fake.latestStatuses(groupA)['agentgate/control-plane']?.state).toBe('success');

    // the second PR alone in a group off the base: sensitive data and egress, no untrusted input, no flow
    const alone = mergeInto(base, headB, 'queue-12-alone');
    const solo = await runCheck(fake, repo, mergeGroupEvent({ base, head: alone, pr: 12, prHead: headB }));
    expect(solo.code).toBe(0);
    expect(fake.latestStatuses(alone)['agentgate/control-plane']?.state).toBe('success');

    // the second PR is queued behind the first: its group's base already holds read_email
    const groupB = mergeInto(groupA, headB, 'queue-12');
    const second = await runCheck(
      fake,
      repo,
      mergeGroupEvent({ base: groupA, head: groupB, pr: 12, prHead: headB }),
    );
    expect(second.code).toBe(1);
    const control = fake.latestStatuses(groupB)['agentgate/control-plane'];
    expect(control?.state).toBe('failure');
    expect(control?.description).toMatch(/^composition changed in the merge queue: lethal-trifecta/);
    expect(second.summary).toContain('composition changed in the merge queue');
    expect(second.summary).toContain('read_email');
  });

  it('a queue ref that names no pull request fails closed with error statuses on the group head', async () => {
    const event = mergeGroupEvent({ base, head: base, pr: 1, prHead: base });
    (
      (event.payload as Record<string, Record<string, unknown>>).merge_group as Record<string, unknown>
    ).head_ref = 'refs/heads/gh-readonly-queue/main/not-a-pr';
    const run = await runCheck(fake, repo, event);
    expect(run.code).toBe(2);
    expect(fake.latestStatuses(base)['agentgate/control-plane']?.state).toBe('error');
    expect(run.stderr).toMatch(/cannot tell which pull request/);
  });
});
