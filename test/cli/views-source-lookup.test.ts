// One answer to "which files are client sources" (SPEC 2.4): `validate`, `scope`, `log` and `codeowners --check`
// read a file as a source exactly when `diff` does, under the `sources:` of agentgate.yaml, on real repositories
// through the built CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodeownersReport } from '../../src/core/codeowners/codeowners-check.js';
import type { LogView } from '../../src/core/history/log-entries.js';
import type { ScopeView } from '../../src/core/history/scope.js';
import type { DiffReport, Finding } from '../../src/model/types.js';
import { proposePr } from '../helpers/propose-pr.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const TIMEOUT = 60_000;
const TOOL = 'apiVersion: agentgate/v1\nkind: Tool\nname: read_things\neffect: read\n';
const SERVER = `${JSON.stringify({ mcpServers: { ops: { command: 'bash', args: ['-c', 'serve'] } } })}\n`;
const SETTINGS = `${JSON.stringify({ permissions: { allow: ['Bash(rm:*)'] } })}\n`;

let repo: TempRepo;

const escapeName = (name: string) =>
  name.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** What each view says about the repository at the PR's head: the working tree, HEAD's history. */
interface Views {
  diff: DiffReport;
  validate: { code: number; summary: string; findings: Finding[] };
  scope: ScopeView;
  log: { control: LogView; data: LogView };
  codeowners: CodeownersReport;
}

/** `main` holds the config and a registry; the PR adds `files`; every view then reads the PR's head. */
async function viewsAfter(config: string | null, files: Record<string, string>): Promise<Views> {
  if (config !== null) repo.write('agentgate.yaml', `version: 1\n${config}`);
  repo.write('registry/tools/read.yaml', TOOL);
  repo.write('.github/CODEOWNERS', '/registry/prompts/ @acme/prompts\n* @acme/security\n');
  await repo.commit('base');
  const diff = await proposePr(repo, files);
  const run = (...args: string[]) => runCli(args, { cwd: repo.dir });
  const text = run('validate');
  const json = run('validate', '--format', 'json');
  const scope = run('scope', '--format', 'json');
  const log = (plane: string) => {
    const result = run('log', '--plane', plane, '--format', 'json');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as LogView;
  };
  return {
    diff,
    validate: {
      code: text.code,
      summary: text.stdout.trim().split('\n').at(-1) ?? '',
      findings: (JSON.parse(json.stdout) as { findings: Finding[] }).findings,
    },
    scope: JSON.parse(scope.stdout) as ScopeView,
    log: { control: log('control'), data: log('data') },
    codeowners: JSON.parse(run('codeowners', '--check', '--format', 'json').stdout) as CodeownersReport,
  };
}

/** The PR's commit in a log view, or undefined when the view leaves it out. */
function prEntry(view: LogView) {
  const head = repo.git('rev-parse', 'HEAD');
  return view.entries.find((entry) => entry.sha === head);
}

const filesOf = (report: DiffReport) =>
  [...report.planes.control.files, ...report.planes.data.files].map((file) => file.path);

/** Every view reads the MCP config at `path` as a source, as the diff does. */
function expectServerEverywhere(views: Views, path: string): void {
  expect(views.diff.planes.control.servers).toContainEqual(
    expect.objectContaining({ name: 'ops', source: path }),
  );
  expect(views.validate.summary).toContain('1 server');
  expect(views.validate.summary).toContain('from 1 source file');
  expect(views.scope.servers).toContainEqual(expect.objectContaining({ name: 'ops', path }));
  expect(prEntry(views.log.control)?.servers).toContainEqual(
    expect.objectContaining({ name: 'ops', source: path }),
  );
  expect(views.codeowners.sources.map((probe) => probe.path)).toContain(path);
}

/** No view reads the file at `path`, as the diff does not: it is ungoverned there. */
function expectNowhere(views: Views, path: string): void {
  expect(views.diff.ungoverned?.map((file) => file.path)).toContain(path);
  expect(filesOf(views.diff)).not.toContain(path);
  expect(views.validate.summary).not.toContain('source file');
  expect(views.scope.servers).toEqual([]);
  expect(views.scope.permissions).toEqual([]);
  expect(prEntry(views.log.control)).toBeUndefined();
  expect(prEntry(views.log.data)).toBeUndefined();
  expect(views.codeowners.sources).toEqual([]);
}

beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('sources: in agentgate.yaml decides for every view as for the diff', () => {
  it(
    'a path the config adds to a kind is read by validate, scope, log and codeowners --check',
    async () => {
      const path = 'ops/mcp/dev.json';
      const views = await viewsAfter('sources:\n  mcp-config:\n    paths: ["ops/mcp/*.json"]\n', {
        [path]: SERVER,
      });
      expectServerEverywhere(views, path);
    },
    TIMEOUT,
  );

  it(
    'an adapter turned off with `false` is read by none of them',
    async () => {
      const views = await viewsAfter('sources:\n  mcp-json: false\n', { '.mcp.json': SERVER });
      expectNowhere(views, '.mcp.json');
    },
    TIMEOUT,
  );

  it(
    'a kind turned off with `enabled: false` is read by none of them',
    async () => {
      const path = '.claude/settings.json';
      const views = await viewsAfter('sources:\n  claude-code:\n    enabled: false\n', { [path]: SETTINGS });
      expectNowhere(views, path);
    },
    TIMEOUT,
  );
});

describe('nested client files (read with no config) are seen by every view as by the diff', () => {
  it(
    'app/.claude/settings.json: its allow rule is in the diff, validate, scope, log and codeowners --check',
    async () => {
      const path = 'app/.claude/settings.json';
      const views = await viewsAfter(null, { [path]: SETTINGS });
      const rule = expect.objectContaining({ rule: 'Bash(rm:*)', path });
      expect(views.diff.planes.control.permissions).toContainEqual(rule);
      expect(views.validate.summary).toContain('1 permission rule from 1 source file');
      expect(views.scope.permissions).toContainEqual(rule);
      expect(prEntry(views.log.control)?.permissions).toContainEqual(rule);
      expect(views.codeowners.sources.map((probe) => probe.path)).toEqual([path]);
    },
    TIMEOUT,
  );
});

describe('hooks, plugins and more clients (read with no config) are seen by every view as by the diff', () => {
  it(
    '.cursor/hooks.json: its hook rule is in the diff, validate, scope, log and codeowners --check',
    async () => {
      const path = '.cursor/hooks.json';
      const hooks = `${JSON.stringify({ version: 1, hooks: { stop: [{ command: './notify.sh' }] } })}\n`;
      const views = await viewsAfter(null, { [path]: hooks });
      const rule = expect.objectContaining({ rule: 'hooks.stop[*]=./notify.sh', path });
      expect(views.diff.planes.control.permissions).toContainEqual(rule);
      expect(views.validate.summary).toContain('1 permission rule from 1 source file');
      expect(views.scope.permissions).toContainEqual(rule);
      expect(prEntry(views.log.control)?.permissions).toContainEqual(rule);
      expect(views.codeowners.sources.map((probe) => probe.path)).toEqual([path]);
    },
    TIMEOUT,
  );

  it(
    '.kiro/settings/mcp.json: its server is in every view',
    async () => {
      const views = await viewsAfter(null, { '.kiro/settings/mcp.json': SERVER });
      expectServerEverywhere(views, '.kiro/settings/mcp.json');
    },
    TIMEOUT,
  );

  it(
    'a plugin manifest in a subfolder: its inline server is in every view',
    async () => {
      const path = 'plugins/ops/.claude-plugin/plugin.json';
      const views = await viewsAfter(null, { [path]: SERVER });
      expectServerEverywhere(views, path);
    },
    TIMEOUT,
  );
});

describe('adversarial: globs that overlap, names that do not show as themselves', () => {
  it(
    'a sources: glob over the data plane: the registry prompt stays the registry’s in every view',
    async () => {
      // `**/*.agent.md` is a Copilot default too: only the data plane's glob keeps it a registry prompt
      const path = 'registry/prompts/triage.agent.md';
      const views = await viewsAfter('sources:\n  copilot:\n    paths: ["registry/prompts/**"]\n', {
        [path]: '---\nversion: 1\ntools: [read_things]\n---\nTriage.\n',
      });
      const diffAgents = views.diff.planes.control.bindings.map((binding) => binding.agent);
      expect(diffAgents).toHaveLength(1);
      expect(diffAgents[0]).not.toMatch(/^copilot:/);
      expect(views.diff.planes.data.files.map((file) => file.path)).toContain(path);
      expect(views.validate.code).toBe(0);
      expect(views.validate.summary).toBe('ok: 1 tool, 1 prompt checked');
      expect(views.scope.agents.filter((agent) => agent.path === path).map((agent) => agent.id)).toEqual(
        diffAgents,
      );
      expect(prEntry(views.log.control)?.bindings.map((binding) => binding.agent)).toEqual(diffAgents);
      expect(views.codeowners.sources).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a sources: glob over the control plane: the client config is read as its client writes it, everywhere',
    async () => {
      const path = 'registry/tools/servers.json';
      const views = await viewsAfter('sources:\n  mcp-config:\n    paths: ["registry/tools/*.json"]\n', {
        [path]: SERVER,
      });
      expectServerEverywhere(views, path);
      expect(views.validate.findings.filter((f) => f.path === path && f.severity === 'error')).toEqual([]);
    },
    TIMEOUT,
  );

  for (const name of ['re\u202eview.md', 're\u0007view.md']) {
    it(
      `a source named with ${escapeName(name)} is refused by name in every view, never parsed`,
      async () => {
        const path = `.claude/agents/${name}`;
        const views = await viewsAfter(null, { [path]: '---\nname: r\ntools: Bash\n---\nGo.\n' });
        const refused = expect.objectContaining({ code: 'path-refused', path, severity: 'error' });
        expect(views.diff.findings).toContainEqual(refused);
        expect(views.diff.planes.control.files.map((file) => file.path)).toContain(path);
        expect(views.diff.planes.data.files.map((file) => file.path)).toContain(path);
        expect(views.validate.code).toBe(1);
        expect(views.validate.findings).toContainEqual(refused);
        expect(views.scope.findings).toContainEqual(refused);
        expect(views.scope.agents.filter((agent) => agent.path === path)).toEqual([]);
        for (const plane of [views.log.control, views.log.data]) {
          const entry = prEntry(plane);
          expect(entry?.files.map((file) => file.path)).toContain(path);
          expect(entry?.bindings).toEqual([]);
        }
      },
      TIMEOUT,
    );
  }
});
