// Issue 9 end to end (classes 1, 3, 12a): the built CLI on real git repositories. The diff and the runtime must
// agree on which files are the registry, whatever the file names hold.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const TIMEOUT = 60_000;
const tool = (name: string, effect = 'read') =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: ${effect}\nscopes: [things:read]\n`;
const prompt = (id: string, tools: string[]) =>
  `---\nid: ${id}\nversion: 1\ntools: [${tools.join(', ')}]\n---\nBe helpful.\n`;

let repo: TempRepo;

const escapeName = (name: string) =>
  name.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

function diffJson(): { code: number; report: DiffReport; stderr: string } {
  const result = runCli(['diff', '--format', 'json', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
  return { code: result.code, report: JSON.parse(result.stdout) as DiffReport, stderr: result.stderr };
}

function intent(toolName: string) {
  const file = join(repo.dir, '..', `${repo.dir.split('/').pop()}-intent.json`);
  writeFileSync(file, JSON.stringify({ tool: toolName, args: {}, reason: 'test' }));
  return runCli(['intent', 'check', file, '--registry', repo.dir, '--format', 'json'], { cwd: repo.dir });
}

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('registry/tools/read.yaml', tool('read_things'));
  repo.write('registry/prompts/agent.md', prompt('agent', ['read_things']));
  await repo.commit('base');
  repo.branch('pr');
  repo.checkout('pr');
});
afterEach(() => repo.cleanup());

describe('paths with control characters or separators (class 1)', () => {
  for (const name of ['x\n.yaml', 'x\r.yaml', 'x\u2028.yaml', 'x\u0085.yaml', 'x\u202e.yaml']) {
    it(
      `${escapeName(name)}: the diff refuses it in both planes and the runtime does not load it`,
      async () => {
        repo.write(`registry/tools/${name}`, tool('sneaky_admin', 'privileged'));
        await repo.commit('add a tool with an odd name');
        const { code, report, stderr } = diffJson();
        expect(stderr).toBe('');
        expect(code).toBe(1);
        const path = `registry/tools/${name}`;
        expect(report.findings).toContainEqual(
          expect.objectContaining({ code: 'path-refused', path, severity: 'error' }),
        );
        expect(report.planes.data.files.map((f) => f.path)).toContain(path);
        expect(report.planes.control.files.map((f) => f.path)).toContain(path);
        expect(report.planes.control.tools).toEqual([]);

        const decision = intent('sneaky_admin');
        expect(decision.code).toBe(1);
        expect(JSON.parse(decision.stdout)).toMatchObject({ decision: 'deny' });
        expect(decision.stderr).toContain('U+');
        expect(decision.stderr).not.toMatch(/[\r\u2028\u0085\u202e]/);
        expect(intent('read_things').stdout).toContain('"allow"');
      },
      TIMEOUT,
    );
  }
});

describe("the runtime reads the config's plane paths (class 12a)", () => {
  it(
    'a registry/tools file outside the configured planes is ungoverned in the diff and absent at runtime',
    async () => {
      repo.write(
        'agentgate.yaml',
        'version: 1\nplanes:\n  control:\n    paths: ["agents/tools/**"]\n  data:\n    paths: ["agents/prompts/**"]\n',
      );
      repo.write('agents/tools/read.yaml', tool('read_things'));
      await repo.commit('move the registry');
      repo.git('branch', '-f', 'main', 'pr');
      repo.write('registry/tools/evil.yaml', tool('evil_admin', 'privileged'));
      repo.write('tools/evil2.yaml', tool('evil_two', 'privileged'));
      await repo.commit('an ungoverned tool');
      const { report } = diffJson();
      expect(report.ungoverned?.map((f) => f.path)).toEqual(['registry/tools/evil.yaml', 'tools/evil2.yaml']);
      expect(report.planes.control.changed).toBe(false);
      for (const name of ['evil_admin', 'evil_two']) {
        const decision = intent(name);
        expect(JSON.parse(decision.stdout)).toMatchObject({ decision: 'deny' });
      }
      expect(JSON.parse(intent('read_things').stdout)).toMatchObject({ decision: 'allow' });
    },
    TIMEOUT,
  );

  it(
    '--registry DIR naming a folder below the work tree top is refused, naming --bundle',
    async () => {
      const decision = runCli(
        ['intent', 'check', '-', '--registry', join(repo.dir, 'registry'), '--format', 'json'],
        { cwd: repo.dir, input: JSON.stringify({ tool: 'read_things', args: {} }) },
      );
      expect(decision.code).toBe(2);
      expect(decision.stdout).toBe('');
      expect(decision.stderr).toContain('--bundle');
    },
    TIMEOUT,
  );
});

describe('duplicate prompt ids (class 3)', () => {
  it(
    'a new prompt that sorts first with the same id: its binding counts and both files get the error',
    async () => {
      repo.write('registry/tools/admin.yaml', tool('admin_things', 'privileged'));
      await repo.commit('admin tool, unbound');
      repo.git('branch', '-f', 'main', 'pr');
      repo.write('registry/prompts/aaa.md', prompt('agent', ['admin_things']));
      await repo.commit('sneak a binding');
      const { code, report } = diffJson();
      expect(code).toBe(1);
      expect(report.planes.control.bindings).toEqual([
        { agent: 'agent', added: ['admin_things'], removed: [] },
      ]);
      expect(report.planes.control.requiredSignoffs).toBe(2);
      const paths = report.findings.filter((f) => f.code === 'duplicate-prompt').map((f) => f.path);
      expect(paths.sort()).toEqual(['registry/prompts/aaa.md', 'registry/prompts/agent.md']);
    },
    TIMEOUT,
  );
});

describe('validate reads what the diff judges', () => {
  it(
    "refuses odd names and parses only the config's globs",
    async () => {
      repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["agents/**/*.tool.yaml"]\n');
      repo.write('agents/a.tool.yaml', tool('read_things'));
      repo.write('agents/notes.yaml', 'not: [a tool\n');
      const ok = runCli(['validate', '--dir', repo.dir, '--format', 'json'], { cwd: repo.dir });
      expect(JSON.parse(ok.stdout).findings).toEqual([]);
      expect(ok.code).toBe(0);
      repo.write('agents/b\u2028.tool.yaml', tool('other'));
      const refused = runCli(['validate', '--dir', repo.dir, '--format', 'json'], { cwd: repo.dir });
      expect(refused.code).toBe(1);
      expect(JSON.parse(refused.stdout).findings.map((f: { code: string }) => f.code)).toEqual([
        'path-refused',
      ]);
    },
    TIMEOUT,
  );
});

describe('new gate files (class 14 list)', () => {
  for (const path of ['action.yml', '.gitattributes', '.github/actions/setup/action.yml']) {
    it(
      `${path} is control plane, and the digest moves with its content`,
      async () => {
        repo.git('checkout', '-q', 'main');
        repo.write(path, 'one\n');
        await repo.commit('gate file at base');
        repo.git('branch', '-f', 'pr', 'main');
        repo.checkout('pr');
        repo.write(path, 'two\n');
        await repo.commit('first edit');
        const first = diffJson().report;
        repo.write(path, 'three\n');
        await repo.commit('second edit');
        const second = diffJson().report;
        expect(first.planes.control.files.map((f) => f.path)).toEqual([path]);
        expect(first.planes.control.requiredSignoffs).toBeGreaterThan(0);
        expect(first.ungoverned).toEqual([]);
        expect(second.planes.control.digest).not.toBe(first.planes.control.digest);
      },
      TIMEOUT,
    );
  }
});
