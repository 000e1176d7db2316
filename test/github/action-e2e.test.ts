import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { FakeGitHub } from '../helpers/fake-github.js';
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
  const outputs = Object.fromEntries(
    readFileSync(outputPath, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split(/=(.*)/s).slice(0, 2)),
  );
  return { code, stdout, outputs };
}

describe('the bundled action', () => {
  it('action.yml runs action/dist/index.js on node24 with the documented inputs and outputs', () => {
    const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
      runs: unknown;
      inputs: object;
      outputs: object;
    };
    expect(action.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
    expect(Object.keys(action.inputs)).toEqual(['token', 'dry-run', 'working-directory']);
    expect(Object.keys(action.outputs)).toEqual(['data-state', 'control-state', 'digest']);
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

  it('reports a failure as an ::error:: annotation and control-state error', async () => {
    const base = repo.git('rev-parse', 'HEAD');
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: 'c'.repeat(40) });
    const run = await runAction(pullRequestEvent({ base, head: 'c'.repeat(40) }), { token: 't' });
    expect(run.code).toBe(2);
    expect(run.outputs['control-state']).toBe('error');
    expect(run.stdout).toMatch(/::error title=agentgate::.*fetch-depth: 0/);
  });
});
