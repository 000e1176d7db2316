import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { readOutputs } from '../helpers/action-outputs.js';
import { testGitEnv } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture } from './harness.js';
import type { GitHubFixture } from './harness.js';
import { ADMIN_TOOL, AUTHOR, PR_NUMBER, pullRequestEvent } from './harness.js';

const root = new URL('../../', import.meta.url);
const bundle = fileURLToPath(new URL('action/dist/index.js', root));

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let dir: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo } = fixture);
  dir = mkdtempSync(join(tmpdir(), 'agentgate-action-'));
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeGitHubFixture(fixture);
});

async function runAction(event: { name: string; payload: unknown }, inputs: Record<string, string>) {
  const eventPath = join(dir, 'event.json');
  const outputPath = join(dir, 'output');
  writeFileSync(eventPath, JSON.stringify(event.payload));
  writeFileSync(outputPath, '');
  const env = testGitEnv({
    GITHUB_EVENT_NAME: event.name,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/agents',
    GITHUB_API_URL: fake.url,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_OUTPUT: outputPath,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  for (const key of ['AGENTGATE_TOKEN', 'GITHUB_TOKEN', 'GITHUB_STEP_SUMMARY']) delete env[key];
  const child = spawn(process.execPath, [bundle], { cwd: dir, env });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, outputs: readOutputs(readFileSync(outputPath, 'utf8')) };
}

describe('the bundled action', () => {
  it('action.yml runs action/dist/index.js on node24 with the documented inputs and outputs', () => {
    const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
      runs: unknown;
      inputs: object;
      outputs: object;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual([
      'token',
      'dry-run',
      'command',
      'plane',
      'require-signed',
      'out',
      'working-directory',
      'report',
      'comment',
      'sarif',
      'floor',
      'app-slug',
    ]);
    expect(Object.keys(action.outputs)).toEqual([
      'data-state',
      'control-state',
      'digest',
      'released',
      'release-version',
      'release-tag',
      'release-file',
      'release-signature',
      'report-json',
      'max-radius',
      'required-signoffs',
      'signoffs-present',
      'flows-added',
      'comment-url',
      'sarif-file',
    ]);
  });

  it('runs the same check and sets data-state, control-state and digest', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const run = await runAction(pullRequestEvent({ base, head }), {
      token: 'ghs_actiontoken',
      'dry-run': 'false',
    });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ 'data-state': 'success', 'control-state': 'pending' });
    expect(run.outputs.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.stdout).toContain('::add-mask::ghs_actiontoken');
    expect(fake.requests.every((r) => r.authorization === 'token ghs_actiontoken')).toBe(true);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('pending');
  });

  it('sets the JSON-capable outputs: report-json file, radius, sign-offs, flows, comment URL, SARIF file', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const run = await runAction(pullRequestEvent({ base, head }), {
      token: 't',
      sarif: 'out/agentgate.sarif',
      report: 'both',
    });
    expect(run.code).toBe(0);
    expect(run.outputs['max-radius']).toBe('privileged');
    expect(run.outputs['required-signoffs']).toBe('2');
    expect(run.outputs['signoffs-present']).toBe('0');
    expect(JSON.parse(run.outputs['flows-added'] ?? '')).toEqual(expect.any(Array));
    expect(run.outputs['comment-url']).toMatch(
      /^https:\/\/github\.com\/acme\/agents\/pull\/7#issuecomment-\d+$/,
    );
    const report = JSON.parse(readFileSync(run.outputs['report-json'] ?? '', 'utf8'));
    expect(report.planes.control.maxRadius).toBe('privileged');
    expect(run.outputs['sarif-file']).toBe(join(repo.dir, 'out/agentgate.sarif'));
    expect(JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')).version).toBe('2.1.0');
    expect(fake.git.checkRuns).toHaveLength(2);
  });

  it('app-slug: with an App token (GET /user refused) the comment is found as <slug>[bot] and updated, not duplicated', async () => {
    fake.botLogin = 'acme-gate[bot]';
    const base = repo.git('rev-parse', 'HEAD');
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const inputs = { token: 't', 'app-slug': 'acme-gate' };
    await runAction(pullRequestEvent({ base, head }), inputs);
    await runAction(pullRequestEvent({ base, head }, 'synchronize'), inputs);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.user).toBe('acme-gate[bot]');
    // without the slug, the run cannot recognise its own comment and writes another
    await runAction(pullRequestEvent({ base, head }, 'synchronize'), { token: 't' });
    expect(fake.comments).toHaveLength(2);
  });

  it('refuses a report input outside statuses, checks, both with exit 2', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    const run = await runAction(pullRequestEvent({ base, head: base }), { token: 't', report: 'everything' });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/::error title=agentgate::input report/);
  });

  it('reports a failure as an ::error:: annotation and control-state error', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: 'c'.repeat(40) });
    const run = await runAction(pullRequestEvent({ base, head: 'c'.repeat(40) }), { token: 't' });
    expect(run.code).toBe(2);
    expect(run.outputs['control-state']).toBe('error');
    expect(run.stdout).toMatch(/::error title=agentgate::.*fetch-depth: 0/);
  });
});
