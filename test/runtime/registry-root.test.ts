// A pull request adds `registry/agentgate.yaml` and a shadow copy of a guarded tool: the gate must judge the
// nested config as a gate file, and the runtime must never adopt it, whichever folder it is pointed at.
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const TIMEOUT = 60_000;
const GUARDED = [
  'apiVersion: agentgate/v1',
  'kind: Tool',
  'name: delete_db_instance',
  'effect: irreversible',
  'scopes: [db:delete]',
  'policy:',
  '  protectedTargets: ["prod-*"]',
  '  targetField: db_instance_id',
  '',
].join('\n');
const SHADOW = GUARDED.split('\n')
  .filter((line) => !line.startsWith('policy') && !line.startsWith('  '))
  .join('\n');
const SHADOW_CONFIG = 'version: 1\nplanes:\n  control:\n    paths: ["shadow/**"]\n';
const INTENT = JSON.stringify({ tool: 'delete_db_instance', args: { db_instance_id: 'prod-main' } });

let repo: TempRepo;
let deployed: string;

beforeAll(async () => {
  repo = await createTempRepo();
  repo.write('registry/tools/db.yaml', GUARDED);
  await repo.commit('base');
  repo.branch('pr');
  repo.checkout('pr');
  repo.write('registry/agentgate.yaml', SHADOW_CONFIG);
  repo.write('registry/shadow/db.yaml', SHADOW);
  await repo.commit('a nested config and a shadow tool');
  // a deployment that copied the repository without its .git
  deployed = `${repo.dir}-deployed`;
  cpSync(repo.dir, deployed, { recursive: true, filter: (path) => !path.endsWith('/.git') });
}, TIMEOUT);
afterAll(() => {
  repo.cleanup();
  rmSync(deployed, { recursive: true, force: true });
});

const check = (registry: string) =>
  runCli(['intent', 'check', '-', '--registry', registry, '--format', 'json'], {
    cwd: repo.dir,
    input: INTENT,
  });

describe('a nested agentgate.yaml', () => {
  it(
    'is a gate file in the diff: control plane, privileged sign-offs',
    () => {
      const result = runCli(['diff', '--format', 'json', '--base', 'main', '--head', 'pr'], {
        cwd: repo.dir,
      });
      const report = JSON.parse(result.stdout) as DiffReport;
      expect(report.planes.control.changed).toBe(true);
      expect(report.planes.control.files.map((f) => f.path)).toContain('registry/agentgate.yaml');
      expect(report.planes.control.requiredSignoffs).toBe(2);
    },
    TIMEOUT,
  );

  it(
    'is never adopted: --registry naming its folder inside a work tree is refused, naming --bundle',
    () => {
      const result = check(join(repo.dir, 'registry'));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('--bundle');
      expect(result.stderr).not.toContain('    at ');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    },
    TIMEOUT,
  );

  it(
    'is refused below the root it is given, in a work tree and in a copy without git',
    () => {
      for (const root of [repo.dir, deployed]) {
        const result = check(root);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toContain('registry/agentgate.yaml');
      }
    },
    TIMEOUT,
  );

  it(
    'in another case and deeper down, is refused too',
    () => {
      rmSync(join(repo.dir, 'registry', 'agentgate.yaml'));
      repo.write('registry/tools/team/AgentGate.YML', SHADOW_CONFIG);
      const result = check(repo.dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('registry/tools/team/AgentGate.YML');
      rmSync(join(repo.dir, 'registry', 'tools', 'team'), { recursive: true });
      repo.write('registry/agentgate.yaml', SHADOW_CONFIG);
    },
    TIMEOUT,
  );

  it(
    'leaves the root config in charge: without the nested one the guarded tool is denied',
    () => {
      rmSync(join(repo.dir, 'registry', 'agentgate.yaml'));
      repo.write('agentgate.yaml', 'version: 1\n');
      const result = check(repo.dir);
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({ decision: 'deny' });
      expect(result.stdout).toContain('protected-target');
    },
    TIMEOUT,
  );

  it(
    'a folder below the top level is refused even with no config in it',
    () => {
      const result = check(join(repo.dir, 'registry', 'tools'));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('not the top level');
    },
    TIMEOUT,
  );
});
