// SPEC 11 on GitHub: a mixed PR whose control plane waits gets the exact split command in its comment, and
// `/agentgate split` (by someone with write access) builds the data-only branch on GitHub through the git data
// API (no push from the runner), opens the data-only PR and says so on the original one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture } from './harness.js';
import type { GitHubFixture } from './harness.js';
import {
  ADMIN_TOOL,
  AUTHOR,
  PR_NUMBER,
  commentEvent,
  prompt,
  pullRequestEvent,
  runCheck,
} from './harness.js';

const PROMPT_PATH = 'registry/prompts/support/system.md';
let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;
let head: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
  // the mixed PR: a prompt fix that also binds a new privileged tool
  repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
  repo.write(
    PROMPT_PATH,
    prompt(4, ['read_ticket', 'issue_refund', 'admin_billing_update'], 'You are a careful support agent.'),
  );
  head = await repo.commit('mixed');
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
});
afterEach(() => closeGitHubFixture(fixture));

const ourComments = () => fake.comments.filter((c) => c.user === 'github-actions[bot]');

describe('splitting a mixed PR from GitHub', () => {
  it('the report comment of a mixed PR waiting for sign-off carries the exact split command', async () => {
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).toBe(0);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('pending');
    expect(fake.comments[0]?.body).toContain(`\`agentgate split --base ${base} --head ${head}\``);
    expect(fake.comments[0]?.body).toContain('/agentgate split');
  });

  it('a data-only PR gets no split line', async () => {
    repo.git('reset', '-q', '--hard', base);
    repo.write(PROMPT_PATH, prompt(4, ['read_ticket', 'issue_refund'], 'Reworded.'));
    const dataOnly = await repo.commit('data only');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: dataOnly });
    await runCheck(fake, repo, pullRequestEvent({ base, head: dataOnly }));
    expect(fake.comments[0]?.body).not.toContain('agentgate split');
  });

  it('/agentgate split by a writer: tree (head blobs by sha, edited text as content), commit, ref and PR on GitHub', async () => {
    fake.git.permissions.set('alice', 'write');
    const run = await runCheck(fake, repo, commentEvent('Thanks!\n/agentgate split\n', 'alice'));
    expect(run.code).toBe(0);
    expect(fake.requests.some((r) => r.path === '/repos/acme/agents/collaborators/alice/permission')).toBe(
      true,
    );

    const [tree] = [...fake.git.trees.values()];
    expect(tree?.baseTree).toBe(repo.git('rev-parse', `${base}^{tree}`));
    const paths = tree!.entries.map((e) => e.path);
    expect(paths).toEqual([PROMPT_PATH]);
    const entry = tree!.entries[0]!;
    // text and version from the head, bindings from the base: the edited front matter goes as content
    expect(entry.content).toContain('version: 4');
    expect(entry.content).toContain('You are a careful support agent.');
    expect(entry.content).toContain('tools: [read_ticket, issue_refund]');
    expect(entry.content).not.toContain('admin_billing_update');
    expect(entry.sha).toBeUndefined();

    const [commit] = [...fake.git.commits.values()];
    expect(commit?.parents).toEqual([base]);
    const branch = `agentgate/split/${head.slice(0, 12)}`;
    expect([...fake.git.refs.keys()]).toEqual([`refs/heads/${branch}`]);
    expect(fake.git.createdPulls).toEqual([
      expect.objectContaining({ head: branch, base: 'main', title: `Data-plane part of #${PR_NUMBER}` }),
    ]);
    const said = ourComments().find((c) => c.body.startsWith('**agentgate split:**'));
    expect(said?.body).toContain('opened #100');
    expect(said?.issue).toBe(PR_NUMBER);
    // no push from the runner: the local repository has no such branch
    expect(repo.git('branch', '--list', branch)).toBe('');
  });

  it('a new prompt that binds nothing goes by blob sha; a deleted few-shot file as a null sha', async () => {
    repo.git('reset', '-q', '--hard', base);
    repo.write('registry/prompts/support/examples.jsonl', '{"q":"a"}\n');
    const withExamples = await repo.commit('examples');
    repo.remove('registry/prompts/support/examples.jsonl');
    repo.write(
      'registry/prompts/support/other.md',
      '---\nid: support/other\nversion: 1\nmodel: gpt-5\n---\nOther.\n',
    );
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const mixed = await repo.commit('mixed two');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: withExamples, headSha: mixed });
    fake.git.permissions.set('alice', 'admin');
    await runCheck(fake, repo, commentEvent('/agentgate split', 'alice'));
    const [tree] = [...fake.git.trees.values()];
    const byPath = new Map(tree!.entries.map((e) => [e.path, e]));
    expect(byPath.get('registry/prompts/support/examples.jsonl')).toMatchObject({ sha: null });
    expect(byPath.get('registry/prompts/support/other.md')?.sha).toBe(
      repo.git('rev-parse', `${mixed}:registry/prompts/support/other.md`),
    );
    expect(byPath.has('registry/tools/admin.yaml')).toBe(false);
  });

  it('ignores /agentgate split from a user without write access, and one quoted or in code', async () => {
    fake.git.permissions.set('eve', 'read');
    const run = await runCheck(fake, repo, commentEvent('/agentgate split', 'eve'));
    expect(run.stderr).toMatch(/split by eve ignored: it needs write access/);
    fake.git.permissions.set('alice', 'write');
    await runCheck(fake, repo, commentEvent('> /agentgate split\n```\n/agentgate split\n```\n', 'alice'));
    await runCheck(fake, repo, commentEvent('please /agentgate split', 'alice'));
    expect(fake.git.trees.size).toBe(0);
    expect(fake.git.createdPulls).toHaveLength(0);
  });

  it('an edited comment does not split again', async () => {
    fake.git.permissions.set('alice', 'write');
    const event = commentEvent('/agentgate split', 'alice');
    (event.payload as { action: string }).action = 'edited';
    const run = await runCheck(fake, repo, event);
    expect(run.code).toBe(0);
    expect(fake.git.trees.size).toBe(0);
    expect(fake.requests.some((r) => r.path.includes('/collaborators/'))).toBe(false);
  });

  it('a split GitHub cannot do (5xx after retries) exits 2 but never turns the reported gate to error', async () => {
    fake.git.permissions.set('alice', 'write');
    fake.fail({ method: 'POST', path: /\/git\/trees$/, status: 502, times: Infinity });
    const run = await runCheck(fake, repo, commentEvent('/agentgate split', 'alice'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\/agentgate split failed: POST git tree failed with HTTP 502/);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('pending');
    expect(fake.git.createdPulls).toHaveLength(0);
  });

  it('when the token may not push, says so on the PR with the local command', async () => {
    fake.git.permissions.set('alice', 'maintain');
    fake.git.pushForbidden = true;
    const run = await runCheck(fake, repo, commentEvent('/agentgate split', 'alice'));
    expect(run.code).toBe(0);
    const said = ourComments().find((c) => c.body.startsWith('**agentgate split:**'));
    expect(said?.body).toContain('may not push');
    expect(said?.body).toContain(`agentgate split --base ${base} --head ${head}`);
    expect(fake.git.createdPulls).toHaveLength(0);
  });
});
