import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture, openAdminToolPull } from './harness.js';
import type { GitHubFixture } from './harness.js';
import { AUTHOR, PR_NUMBER, READ_TICKET, commentEvent, runCheck, runCli } from './harness.js';

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;
let head: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
  head = await openAdminToolPull(fixture, { headRef: 'feature' });
  fake.identity = 'alice';
});
afterEach(() => closeGitHubFixture(fixture));

describe('agentgate signoff', () => {
  it('shows the capability diff, posts the head digest, and the gate counts it', async () => {
    const run = await runCli(['signoff', '--pr', String(PR_NUMBER), '--yes'], { fake, repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('admin_billing_update');
    expect(run.stdout).toMatch(/You are signing off capability digest sha256:[0-9a-f]{64}/);
    expect(fake.comments).toHaveLength(1);
    const posted = fake.comments[0];
    expect(posted?.body).toMatch(/^\/agentgate signoff sha256:[0-9a-f]{64}$/);

    fake.identity = 'forbidden';
    await runCheck(fake, repo, commentEvent(posted?.body ?? '', 'alice'));
    const control = fake.latestStatuses(head)['agentgate/control-plane'];
    expect(control?.state).toBe('pending');
    expect(control?.description).toMatch(/, 1 present$/);
    expect(posted?.body).toContain(/digest ([0-9a-f]{8})/.exec(control?.description ?? '')?.[1]);
  });

  it('no escape sequence or bidi control from the PR reaches the terminal the signer reads', async () => {
    repo.write(
      'registry/tools/read_ticket.yaml',
      READ_TICKET.replace(
        'description: Read a support ticket.',
        'description: "Read a ticket.\\e[2K\\e[1A\\e[32mno control-plane changes\\x9b8m\\u202Eevil"',
      ),
    );
    const hostile = await repo.commit('hostile description');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: hostile });
    const run = await runCli(['signoff', '--pr', String(PR_NUMBER), '--yes'], { fake, repo });
    expect(run.code).toBe(0);
    const raw = Array.from(run.stdout).filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return (cp < 0x20 && cp !== 10) || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e);
    });
    expect(raw).toEqual([]);
    expect(run.stdout).toContain('⟨U+001B⟩[2K');
    expect(run.stdout).toContain('⟨U+202E⟩');
  });

  it('finds the PR from the origin remote and the current branch', async () => {
    repo.git('remote', 'add', 'origin', 'git@github.com:acme/agents.git');
    repo.git('checkout', '-q', '-b', 'feature');
    const run = await runCli(['signoff', '--yes'], { fake, repo, env: { GITHUB_REPOSITORY: '' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(
      fake.requests.some((r) => r.path === '/repos/acme/agents/pulls' && r.query.head === 'acme:feature'),
    ).toBe(true);
    expect(fake.comments).toHaveLength(1);
  });

  it('refuses to sign without --yes when stdin is not a terminal', async () => {
    const run = await runCli(['signoff', '--pr', String(PR_NUMBER)], { fake, repo });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      'agentgate: stdin is not a terminal: pass --yes to sign without the confirmation prompt',
    );
    expect(fake.comments).toEqual([]);
  });

  it("refuses the author's own sign-off", async () => {
    fake.identity = AUTHOR;
    const run = await runCli(['signoff', '--pr', String(PR_NUMBER), '--yes'], { fake, repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("the author's own sign-off never counts");
    expect(fake.comments).toEqual([]);
  });

  it('refuses to sign for someone who pushed a commit to the PR', async () => {
    const pull = fake.pulls.get(PR_NUMBER);
    if (!pull) throw new Error('no pull');
    pull.commits = [{ sha: head, author: AUTHOR, committer: 'alice' }];
    const run = await runCli(['signoff', '--pr', String(PR_NUMBER), '--yes'], { fake, repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('authored or committed a commit of pull request #7');
    expect(fake.comments).toEqual([]);
  });

  it('says when the PR head is not in the clone', async () => {
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: 'e'.repeat(40) });
    const run = await runCli(['signoff', '--pr', String(PR_NUMBER), '--yes'], { fake, repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`git fetch origin main pull/${PR_NUMBER}/head`);
  });
});
