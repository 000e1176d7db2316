import { afterEach, beforeEach, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

const TOOL = `apiVersion: agentgate/v1
kind: Tool
name: admin_update
effect: privileged
scopes: [billing:admin]
`;

it('diff judges under the floor the base config extends, and the JSON report lists its rules', async () => {
  repo.write(
    'policy/floor.yaml',
    'planes:\n  control:\n    maxRadius: write\n    signoffs: { privileged: 3 }\n',
  );
  repo.write(
    'agentgate.yaml',
    'version: 1\nextends: { path: policy/floor.yaml }\nplanes:\n  control:\n    signoffs: { privileged: 0 }\n',
  );
  const base = await repo.commit('base');
  repo.write('registry/tools/admin.yaml', TOOL);
  await repo.commit('admin');
  const run = runCli(['diff', '--base', base, '--head', 'HEAD', '--format', 'json'], { cwd: repo.dir });
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as {
    planes: { control: { requiredSignoffs: number } };
    floor: { floors: string[]; rules: { key: string; effective: unknown; tightened: boolean }[] };
  };
  expect(report.planes.control.requiredSignoffs).toBe(3);
  expect(report.floor.floors).toEqual(['extends policy/floor.yaml']);
  expect(report.floor.rules).toContainEqual(
    expect.objectContaining({ key: 'planes.control.signoffs.privileged', effective: 3, tightened: true }),
  );
  expect(report.floor.rules).toContainEqual(
    expect.objectContaining({ key: 'planes.control.maxRadius', effective: 'write' }),
  );
});

it('a repository floor with no token to fetch it fails closed with exit 2', async () => {
  repo.write(
    'agentgate.yaml',
    `version: 1\nextends: { repository: acme/.agentgate, path: floor.yaml, ref: ${'a'.repeat(40)} }\n`,
  );
  const base = await repo.commit('base');
  repo.write('registry/tools/admin.yaml', TOOL);
  await repo.commit('admin');
  const run = runCli(['diff', '--base', base, '--head', 'HEAD'], {
    cwd: repo.dir,
    env: { AGENTGATE_TOKEN: '', GITHUB_TOKEN: '' },
  });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /floor acme\/\.agentgate:floor\.yaml@aaaaaaaaaaaa cannot be read .*fails closed/,
  );
});

it.each([
  ['a branch as ref', 'extends: { repository: acme/x, path: f.yaml, ref: main }'],
  ['a repository without ref', 'extends: { repository: acme/x, path: f.yaml }'],
  ['no path', 'extends: { repository: acme/x, ref: ' + 'a'.repeat(40) + ' }'],
  ['a list', 'extends: [a, b]'],
])('refuses extends with %s (exit 2, naming the config)', async (_what, line) => {
  repo.write('agentgate.yaml', `version: 1\n${line}\n`);
  const base = await repo.commit('base');
  const run = runCli(['diff', '--base', base, '--head', 'HEAD'], { cwd: repo.dir });
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/agentgate\.yaml/);
});
