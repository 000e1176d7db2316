import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { ADMIN_TOOL, AUTHOR, PR_NUMBER, closeGitHubFixture, openGitHubFixture } from './harness.js';
import type { GitHubFixture } from './harness.js';
import { pullRequestEvent, reviewEvent, runCheck } from './harness.js';

// No signers configured: the base CODEOWNERS decides who may sign, by the control paths alone.
const OWNERS = `* @acme/platform
/registry/tools/ @sec1 @sec2
agentgate.yaml @dev1 @dev2
`;

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;
let head: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo } = fixture);
  repo.write('agentgate.yaml', 'version: 1\n');
  repo.write('.github/CODEOWNERS', OWNERS);
  base = await repo.commit('default signers');
  repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
  repo.write('agentgate.yaml', 'version: 1\n# touched so that its owners are asked\n');
  head = await repo.commit('admin tool, and a touch of the config');
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
});
afterEach(() => closeGitHubFixture(fixture));

const control = () => fake.latestStatuses(head)['agentgate/control-plane'];
const approveAll = async (users: string[]) => {
  for (const user of users) fake.addReview({ pr: PR_NUMBER, user, state: 'APPROVED', commitId: head });
  await runCheck(
    fake,
    repo,
    reviewEvent({ base, head }, { user: users[0] as string, state: 'approved', commit: head }),
  );
};

describe('default signers, end to end', () => {
  it('the owners of files the PR touched cannot sign a privileged tool', async () => {
    await approveAll(['dev1', 'dev2']);
    expect(control()?.state).toBe('pending');
    expect(fake.comments[0]?.body).toContain('not a configured signer');
  });

  it('the owners of the control paths can', async () => {
    await approveAll(['sec1', 'sec2']);
    expect(control()?.state).toBe('success');
  });

  it('control-plane reviewers requested are the control paths’ owners', async () => {
    await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(fake.pulls.get(PR_NUMBER)?.requestedReviewers?.sort()).toEqual(['sec1', 'sec2']);
    expect(fake.comments[0]?.body).toContain('`@sec1`');
    expect(fake.comments[0]?.body).not.toContain('dev1');
  });
});
