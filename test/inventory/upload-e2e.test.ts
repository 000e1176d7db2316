// `inventory --upload` against a loopback GitHub: the posted SARIF, un-gzipped and decoded, is the local one.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { runCliAsync as runCli } from '../helpers/run-cli-async.js';
import { createTempRepo, testGitEnv } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { writeAgentRepo } from './fixture.js';

let fake: FakeGitHub;
let repo: TempRepo;
let dir: string;
beforeEach(async () => {
  fake = await startFakeGitHub();
  repo = await createTempRepo();
  dir = mkdtempSync(join(tmpdir(), 'agentgate-inv-'));
});
afterEach(async () => {
  await fake.close();
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
  expect(fake.violations).toEqual([]);
});

const env = (): Record<string, string | undefined> => ({
  ...testGitEnv({ GITHUB_API_URL: fake.url, AGENTGATE_TOKEN: 'ghs_test', NO_COLOR: '1' }),
  GITHUB_TOKEN: '',
  GITHUB_ACTIONS: '',
});

it('uploads the SARIF it writes, gzipped and base64-encoded, for the commit on its branch', async () => {
  writeAgentRepo(repo);
  const commit = await repo.commit('agents');
  const local = join(dir, 'local.sarif');
  const wrote = await runCli(['inventory', '--repository', 'acme/one', '--format', 'sarif', '--out', local], {
    cwd: repo.dir,
    env: env(),
  });
  expect(wrote.code).toBe(0);
  const run = await runCli(
    ['inventory', '--repository', 'acme/one', '--upload', '--out', join(dir, 'inv.json')],
    {
      cwd: repo.dir,
      env: env(),
    },
  );
  expect(run.stderr).toMatch(/uploaded/);
  expect(run.code).toBe(0);
  expect(fake.org.sarifs).toHaveLength(1);
  const [upload] = fake.org.sarifs;
  expect(upload?.repository).toBe('acme/one');
  expect(upload?.commitSha).toBe(commit);
  expect(upload?.ref).toMatch(/^refs\/heads\/.+/);
  expect(upload?.sarif).toEqual(JSON.parse(readFileSync(local, 'utf8')));
  const inventory = JSON.parse(readFileSync(join(dir, 'inv.json'), 'utf8')) as { commit: string };
  expect(inventory.commit).toBe(commit);
});

it('an upload without a token is refused with exit 2, and nothing is posted', async () => {
  writeAgentRepo(repo);
  await repo.commit('agents');
  const e = { ...env(), AGENTGATE_TOKEN: '' };
  const run = await runCli(
    ['inventory', '--repository', 'acme/one', '--upload', '--out', join(dir, 'x.json')],
    {
      cwd: repo.dir,
      env: e,
    },
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/AGENTGATE_TOKEN/);
  expect(fake.org.sarifs).toHaveLength(0);
});

it('a failed upload exits non-zero', async () => {
  writeAgentRepo(repo);
  await repo.commit('agents');
  fake.fail({ method: 'POST', path: /code-scanning/, status: 403, times: Infinity });
  const run = await runCli(
    ['inventory', '--repository', 'acme/one', '--upload', '--out', join(dir, 'x.json')],
    {
      cwd: repo.dir,
      env: env(),
    },
  );
  expect(run.code).not.toBe(0);
  expect(fake.org.sarifs).toHaveLength(0);
});
