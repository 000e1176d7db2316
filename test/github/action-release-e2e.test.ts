import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readOutputs } from '../helpers/action-outputs.js';
import { createTempRepo, testGitEnv } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bundle = join(root, 'action/dist/index.js');
const ADMIN_TOOL = readFileSync(join(root, 'scripts/demo/admin-billing-update.yaml'), 'utf8');

let repo: TempRepo;
let dir: string;

beforeEach(async () => {
  repo = await createTempRepo();
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(root, path), join(repo.dir, path), { recursive: true });
  await repo.commit('example agents');
  dir = mkdtempSync(join(tmpdir(), 'agentgate-action-release-'));
});
afterEach(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the committed action bundle as GitHub's runner would, with `command: release`. */
async function runRelease(inputs: Record<string, string>) {
  const outputPath = join(dir, 'output');
  writeFileSync(outputPath, '');
  const env = testGitEnv({
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_OUTPUT: outputPath,
    GITHUB_REPOSITORY: 'acme/agents',
    INPUT_COMMAND: 'release',
    INPUT_OUT: 'agentgate-releases',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });
  for (const key of ['AGENTGATE_TOKEN', 'GITHUB_TOKEN', 'INPUT_TOKEN']) delete env[key];
  const child = spawn(process.execPath, [bundle], { cwd: dir, env });
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const outputs = readOutputs(readFileSync(outputPath, 'utf8'));
  return { code, stdout, outputs };
}

describe('the Action with command: release', () => {
  it('cuts a data release, tags it and names the bundle for the next step', async () => {
    const { code, outputs } = await runRelease({ plane: 'data' });
    expect(code).toBe(0);
    expect(outputs).toMatchObject({
      released: 'true',
      'release-version': '1',
      'release-tag': 'agentgate/data/v1',
    });
    expect(outputs['release-file']).toBe(join(repo.dir, 'agentgate-releases/agentgate-data-v1.json'));
    expect(existsSync(outputs['release-file'] as string)).toBe(true);
    expect(repo.git('tag', '--list', 'agentgate/*')).toBe('agentgate/data/v1');
    expect((await runRelease({ plane: 'data' })).outputs).toMatchObject({ released: 'false' });
  });

  it('refuses an unsigned control release without GitHub access (exit 1, nothing written)', async () => {
    await runRelease({ plane: 'control' });
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    await repo.commit('admin tool');
    const { code, stdout, outputs } = await runRelease({ plane: 'control', 'require-signed': 'true' });
    expect(code).toBe(1);
    expect(outputs.released).toBe('false');
    expect(stdout).toContain('unsigned:');
    expect(repo.git('tag', '--list', 'agentgate/control/*')).toBe('agentgate/control/v1');
  });

  it('rejects a plane it does not know', async () => {
    const { code, stdout } = await runRelease({ plane: 'everything' });
    expect(code).toBe(2);
    expect(stdout).toContain('::error title=agentgate release::');
  });
});
