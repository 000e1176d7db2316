import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture, openAdminToolPull } from './harness.js';
import type { GitHubFixture } from './harness.js';
import { AUTHOR, PR_NUMBER, pullRequestEvent, runCheck } from './harness.js';

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;
let head: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
  head = await openAdminToolPull(fixture);
});
afterEach(() => closeGitHubFixture(fixture));

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('check fails closed', () => {
  it('retries transient 502s and completes', async () => {
    fake.fail({ method: 'GET', path: /\/reviews$/, status: 502 });
    fake.fail({ method: 'POST', path: /\/statuses\//, status: 502, times: 2 });
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).toBe(0);
    expect(fake.requests.filter((r) => r.status === 502)).toHaveLength(3);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('pending');
    expect(fake.latestStatuses(head)['agentgate/data-plane']?.state).toBe('success');
  });

  it('GitHub down: exits non-zero with one line and never posts success', async () => {
    fake.fail({ status: 500, times: Infinity });
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toMatch(
      /^agentgate: .*failed with HTTP 500.*GitHub is unavailable; the error status could not be set either/,
    );
    expect(fake.statuses).toEqual([]);
  });

  it('reviews that cannot be read leave the control plane at error, never success', async () => {
    fake.fail({ method: 'GET', path: /\/reviews$/, status: 500, times: Infinity });
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      expect.stringMatching(
        /^agentgate: GET reviews of #7 failed with HTTP 500.*; agentgate\/control-plane set to error$/,
      ),
    ]);
    const statuses = fake.latestStatuses(head);
    expect(statuses['agentgate/control-plane']?.state).toBe('error');
    expect(fake.statuses.some((s) => s.state === 'success' && s.context === 'agentgate/control-plane')).toBe(
      false,
    );
  });

  it('a head commit missing from the clone: says fetch-depth: 0 and sets both planes to error', async () => {
    const missing = 'f'.repeat(40);
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: missing });
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head: missing }));
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain('fetch-depth: 0');
    const statuses = fake.latestStatuses(missing);
    expect(statuses['agentgate/control-plane']?.state).toBe('error');
    expect(statuses['agentgate/data-plane']?.state).toBe('error');
    expect(statuses['agentgate/control-plane']?.description).toContain('fetch-depth: 0');
  });

  it('no token and no --dry-run is a usage error', async () => {
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }), { token: null });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'agentgate: no token: set AGENTGATE_TOKEN or GITHUB_TOKEN (or use --dry-run)',
    );
    expect(fake.requests).toEqual([]);
  });
});
