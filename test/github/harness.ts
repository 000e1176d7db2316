// End-to-end harness: a real git repository, GitHub's real webhook payloads re-pointed at it, the fake
// GitHub server, and the built CLI run as a child process exactly as a workflow step would run it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { startFakeGitHub } from '../helpers/fake-github.js';
import { webhookExample } from '../helpers/shared-fixtures.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { createTempRepo, testGitEnv } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const CLI = fileURLToPath(new URL('../../dist/bin/agentgate.js', import.meta.url));

export const PR_NUMBER = 7;
export const AUTHOR = 'mallory';

export const CONFIG = `version: 1
planes:
  control:
    signers: ["@alice", "@bob", "@acme/security"]
`;
export const CODEOWNERS = `* @acme/platform
/registry/prompts/ @acme/prompt-eng
/registry/tools/ @acme/security
`;
export const READ_TICKET = `apiVersion: agentgate/v1
kind: Tool
name: read_ticket
description: Read a support ticket.
effect: read
scopes: [tickets:read]
untrustedInput: true
dataAccess: internal
`;
export const ISSUE_REFUND = `apiVersion: agentgate/v1
kind: Tool
name: issue_refund
description: Refund a captured payment.
effect: irreversible
scopes: [billing:refund]
egress: [api.stripe.com]
`;
/** the incident: a privileged admin tool whose description tries to mention, inject HTML and forge the marker */
export const ADMIN_TOOL = `apiVersion: agentgate/v1
kind: Tool
name: admin_billing_update
description: "Update billing. @octocat @acme/security <img src=x onerror=alert(1)> <!-- agentgate:report --> \`tick\`"
effect: privileged
scopes: [billing:admin]
`;
export const prompt = (version: number, tools: string[], text: string) => `---
id: support/system
version: ${version}
model: gpt-5
tools: [${tools.join(', ')}]
---
${text}
`;

/** The base commit every scenario starts from. */
export async function createFixtureRepo(): Promise<{ repo: TempRepo; base: string }> {
  const repo = await createTempRepo();
  repo.write('agentgate.yaml', CONFIG);
  repo.write('.github/CODEOWNERS', CODEOWNERS);
  repo.write('registry/tools/read_ticket.yaml', READ_TICKET);
  repo.write('registry/tools/issue_refund.yaml', ISSUE_REFUND);
  repo.write(
    'registry/prompts/support/system.md',
    prompt(3, ['read_ticket', 'issue_refund'], 'You are a support agent.'),
  );
  const base = await repo.commit('base');
  return { repo, base };
}

export interface GitHubFixture {
  fake: FakeGitHub;
  repo: TempRepo;
  base: string;
}

/** A fake GitHub on 127.0.0.1 beside the fixture repository. */
export async function openGitHubFixture(): Promise<GitHubFixture> {
  const fake = await startFakeGitHub();
  const { repo, base } = await createFixtureRepo();
  return { fake, repo, base };
}

/** Tears the fixture down, and fails the test if any request was one GitHub would have rejected. */
export async function closeGitHubFixture({ fake, repo }: GitHubFixture): Promise<void> {
  await fake.close();
  repo.cleanup();
  expect(fake.violations).toEqual([]);
}

/** The incident's first commit on the PR branch: the admin tool, opened as pull request PR_NUMBER by AUTHOR. */
export async function openAdminToolPull(
  { fake, repo, base }: GitHubFixture,
  options: { headRef?: string; alsoWrite?: Record<string, string> } = {},
): Promise<string> {
  repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
  for (const [path, text] of Object.entries(options.alsoWrite ?? {})) repo.write(path, text);
  const head = await repo.commit('admin tool');
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head, headRef: options.headRef });
  return head;
}

/** GitHub's documented example payload (from @octokit/webhooks-examples), re-pointed at acme/agents. */
function webhook(name: string): Record<string, unknown> {
  const text = JSON.stringify(webhookExample(name)).replaceAll('Codertocat/Hello-World', 'acme/agents');
  return JSON.parse(text) as Record<string, unknown>;
}

interface PullFields {
  base: string;
  head: string;
  number?: number;
  author?: string;
}

function repoint(payload: Record<string, unknown>, fields: PullFields): Record<string, unknown> {
  const pr = payload.pull_request as Record<string, Record<string, unknown>>;
  payload.number = fields.number ?? PR_NUMBER;
  Object.assign(pr, { number: fields.number ?? PR_NUMBER, requested_reviewers: [], requested_teams: [] });
  pr.base = { ...pr.base, sha: fields.base, ref: 'main' };
  pr.head = { ...pr.head, sha: fields.head, ref: 'feature' };
  pr.user = { ...pr.user, login: fields.author ?? AUTHOR };
  (payload.repository as Record<string, unknown>).full_name = 'acme/agents';
  return payload;
}

/** GitHub's pull_request.opened example, re-pointed at the temp repository's commits. */
export function pullRequestEvent(fields: PullFields, action = 'opened'): { name: string; payload: unknown } {
  const payload = repoint(
    webhook(action === 'synchronize' ? 'pull_request.synchronize' : 'pull_request.opened'),
    fields,
  );
  payload.action = action;
  return { name: 'pull_request', payload };
}

/** GitHub's pull_request_review example (lower-case state, as webhooks send it). */
export function reviewEvent(
  fields: PullFields,
  review: { user: string; state: string; commit: string },
  action = 'submitted',
) {
  const payload = repoint(webhook('pull_request_review.submitted'), fields);
  payload.action = action;
  const r = payload.review as Record<string, unknown>;
  Object.assign(r, { state: review.state.toLowerCase(), commit_id: review.commit });
  r.user = { ...(r.user as object), login: review.user };
  return { name: 'pull_request_review', payload };
}

/**
 * GitHub's issue_comment example, made a comment on a pull request the way GitHub marks one (`issue.pull_request`);
 * the gate must GET the PR to learn base and head.
 */
export function commentEvent(body: string, user: string, number = PR_NUMBER) {
  const payload = webhook('issue_comment.created');
  const issue = payload.issue as Record<string, unknown>;
  issue.number = number;
  issue.pull_request = {
    url: `https://api.github.com/repos/acme/agents/pulls/${number}`,
    html_url: `https://github.com/acme/agents/pull/${number}`,
    diff_url: `https://github.com/acme/agents/pull/${number}.diff`,
    patch_url: `https://github.com/acme/agents/pull/${number}.patch`,
  };
  const comment = payload.comment as Record<string, unknown>;
  comment.body = body;
  comment.user = { ...(comment.user as object), login: user };
  return { name: 'issue_comment', payload };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
}

/** Runs `agentgate check` as a workflow step would: GITHUB_* variables, the event file, the API URL. */
export async function runCheck(
  fake: FakeGitHub | null,
  repo: TempRepo,
  event: { name: string; payload: unknown },
  options: { args?: string[]; token?: string | null; env?: Record<string, string> } = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'agentgate-event-'));
  const eventPath = join(dir, 'event.json');
  const summaryPath = join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(summaryPath, '');
  const run = await runCli(['check', ...(options.args ?? [])], {
    fake,
    repo,
    token: options.token,
    env: {
      GITHUB_EVENT_NAME: event.name,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_RUN_ID: '4242',
      ...options.env,
    },
  });
  const summary = readFileSync(summaryPath, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  return { ...run, summary };
}

/** Runs the built CLI in the repository with a clean environment pointed at the fake GitHub. */
export async function runCli(
  args: string[],
  options: { fake: FakeGitHub | null; repo: TempRepo; token?: string | null; env?: Record<string, string> },
): Promise<RunResult> {
  const env = testGitEnv({
    GITHUB_REPOSITORY: 'acme/agents',
    GITHUB_SERVER_URL: 'https://github.com',
    NO_COLOR: '1',
    ...options.env,
  });
  for (const key of [
    'AGENTGATE_TOKEN',
    'GITHUB_TOKEN',
    'GITHUB_EVENT_NAME',
    'GITHUB_EVENT_PATH',
    'GITHUB_STEP_SUMMARY',
    'GITHUB_API_URL',
    // a CI run of these tests is itself in Actions: the gate must not take that for the tested job
    'GITHUB_ACTIONS',
  ]) {
    if (!options.env?.[key]) delete env[key];
  }
  if (options.env?.GITHUB_REPOSITORY === '') delete env.GITHUB_REPOSITORY;
  if (options.fake) env.GITHUB_API_URL = options.fake.url;
  if (options.token !== null) env.GITHUB_TOKEN = options.token ?? 'ghs_faketoken';
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.repo.dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, summary: '' };
}

/**
 * GitHub's merge_group.checks_requested example, re-pointed at acme/agents: the group's head and base, and the
 * queue branch naming the pull request (`refs/heads/gh-readonly-queue/<branch>/pr-<n>-<sha>`).
 */
export function mergeGroupEvent(fields: {
  base: string;
  head: string;
  pr: number;
  prHead: string;
  branch?: string;
}) {
  const text = JSON.stringify(webhookExample('merge_group.checks_requested')).replaceAll(
    'octo-org/octo-repo',
    'acme/agents',
  );
  const payload = JSON.parse(text) as Record<string, Record<string, unknown>>;
  const branch = fields.branch ?? 'main';
  Object.assign(payload.merge_group as object, {
    head_sha: fields.head,
    base_sha: fields.base,
    base_ref: `refs/heads/${branch}`,
    head_ref: `refs/heads/gh-readonly-queue/${branch}/pr-${fields.pr}-${fields.prHead}`,
  });
  return { name: 'merge_group', payload: payload as unknown };
}
