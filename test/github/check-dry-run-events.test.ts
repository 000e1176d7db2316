// `check --dry-run` takes every event `check` takes: an issue comment (it would read the PR first, and prints
// that read) and a merge group (judged locally from the two commits the event names). No token, no request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import {
  ADMIN_TOOL,
  AUTHOR,
  PR_NUMBER,
  closeGitHubFixture,
  commentEvent,
  mergeGroupEvent,
  openGitHubFixture,
  runCheck,
} from './harness.js';
import type { GitHubFixture } from './harness.js';

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
});
afterEach(() => closeGitHubFixture(fixture));

describe('check --dry-run on every event check takes', () => {
  it('issue_comment: prints the read of the PR it would make first, makes none, needs no token', async () => {
    const run = await runCheck(fake, repo, commentEvent('/agentgate signoff', 'alice'), {
      args: ['--dry-run'],
      token: null,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(fake.requests).toEqual([]);
    expect(run.stdout).toContain(`GET /repos/acme/agents/pulls/${PR_NUMBER} (`);
    expect(run.stdout).toContain(`GET /repos/acme/agents/pulls/${PR_NUMBER}/reviews`);
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  it('merge_group: diffs the group, prints the reads and the statuses it would set on the group head', async () => {
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin tool');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const run = await runCheck(fake, repo, mergeGroupEvent({ base, head, pr: PR_NUMBER, prHead: head }), {
      args: ['--dry-run'],
      token: null,
    });
    expect(run.stderr).toBe('');
    // the queue never waits: sign-offs missing on the group fail it, as the real run would
    expect(run.code).toBe(1);
    expect(fake.requests).toEqual([]);
    expect(run.stdout).toContain(`GET /repos/acme/agents/pulls/${PR_NUMBER} (the queued PR`);
    expect(run.stdout).toContain(
      `POST /repos/acme/agents/statuses/${head} {"context":"agentgate/control-plane","state":"failure","description":"merge queue: needs 2 sign-off(s)`,
    );
    expect(run.stdout).toContain(`"context":"agentgate/data-plane","state":"success"`);
    expect(run.stdout).toContain('no comment and no reviewer request');
    expect(run.stdout.endsWith('\n')).toBe(true);
  });

  it('merge_group whose queue ref names no PR: one-line usage error, no request', async () => {
    const event = mergeGroupEvent({ base, head: base, pr: PR_NUMBER, prHead: base });
    (event.payload as { merge_group: { head_ref: string } }).merge_group.head_ref = 'refs/heads/not-a-queue';
    const run = await runCheck(fake, repo, event, { args: ['--dry-run'], token: null });
    expect(fake.requests).toEqual([]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('merge_group whose commits are not in the clone: says how to fetch them', async () => {
    const missing = 'e'.repeat(40);
    const run = await runCheck(
      fake,
      repo,
      mergeGroupEvent({ base, head: missing, pr: PR_NUMBER, prHead: missing }),
      { args: ['--dry-run'], token: null },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fetch-depth: 0');
    expect(fake.requests).toEqual([]);
  });
});
