// Issue 9, classes 1, 3 and 9 at core level: paths no glob can be trusted with, duplicate prompt ids and prompts
// that do not parse must all hold the gates they could otherwise walk around.
import { describe, expect, it } from 'vitest';
import { resolveAgents } from '../../../src/core/agents/agents.js';
import { buildDiffReport } from '../../../src/core/diff/build-diff.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import type { Config, DiffReport } from '../../../src/model/types.js';
import { diffTrees, statusesUnsigned } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

const tool = (name: string, effect = 'read') =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: ${effect}\nscopes: [things:read]\n`;
const prompt = (id: string, tools: string[], version = 1) =>
  `---\nid: ${id}\nversion: ${version}\ntools: [${tools.join(', ')}]\n---\nBe helpful.\n`;

function diff(base: Files, head: Files, config: Config = DEFAULT_CONFIG): DiffReport {
  return diffTrees(base, head, { config });
}

const statuses = statusesUnsigned;

const base: Files = {
  'registry/tools/read.yaml': tool('read_things'),
  'registry/tools/admin.yaml': tool('admin_things', 'privileged'),
  'registry/prompts/agent.md': prompt('agent', ['read_things']),
};

describe('paths no glob can be trusted with (class 1)', () => {
  const hostile = [
    'registry/tools/x\n.yaml',
    'registry/tools/x\r.yaml',
    'registry/tools/x\u2028.yaml',
    'registry/tools/x\u2029.yaml',
    'registry/tools/x\u0085.yaml',
    'registry/tools/x\u007f.yaml',
    'registry/tools/x\u202e.yaml',
    'registry/tools/x\u200b.yaml',
    'registry/prompts/p\n.md',
    'src/elsewhere\t.ts',
    'registry\n/tools/x.yaml',
  ];

  for (const path of hostile) {
    it(`refuses ${JSON.stringify(path)} with an error that fails both gates`, () => {
      const report = diff(base, { ...base, [path]: tool('sneaky_admin', 'privileged') });
      expect(report.findings).toContainEqual(
        expect.objectContaining({ code: 'path-refused', path, severity: 'error' }),
      );
      expect(report.planes.data.files.map((f) => f.path)).toContain(path);
      expect(report.planes.control.files.map((f) => f.path)).toContain(path);
      expect(report.ungoverned).toEqual([]);
      const plan = statuses(report);
      expect(plan.data.state).toBe('failure');
      expect(plan.control.state).toBe('failure');
    });
  }

  it('refuses the old path of a rename too', () => {
    const report = buildDiffReport({
      base: { ref: { ref: 'b', sha: null }, snapshot: parseSnapshot([], [], DEFAULT_CONFIG) },
      head: { ref: { ref: 'h', sha: null }, snapshot: parseSnapshot([], [], DEFAULT_CONFIG) },
      changedFiles: [{ path: 'docs/x.md', oldPath: 'registry/tools/\u2028.yaml', status: 'renamed' }],
      config: DEFAULT_CONFIG,
      today: '2026-11-27',
    });
    expect(report.findings.map((f) => f.code)).toEqual(['path-refused']);
    expect(report.planes.control.changed).toBe(true);
  });

  it('lists changed files that fall in no plane as ungoverned', () => {
    const report = diff(base, { ...base, 'src/app.ts': 'x\n', 'README.md': 'hi\n' });
    expect(report.ungoverned).toEqual([
      { path: 'README.md', status: 'added' },
      { path: 'src/app.ts', status: 'added' },
    ]);
    expect(report.planes.control.changed).toBe(false);
  });

  it('treats .github/actions/**, action.yml and .gitattributes as gate files', () => {
    for (const path of ['.github/actions/setup/action.yml', 'action.yml', '.gitattributes']) {
      const report = diff(base, { ...base, [path]: 'x: 1\n' });
      expect(report.planes.control.files.map((f) => f.path)).toEqual([path]);
      expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
      expect(report.ungoverned).toEqual([]);
    }
  });
});

describe('duplicate prompt ids (class 3)', () => {
  it('a new file that sorts first cannot mask its own new binding: the bindings are the union', () => {
    const head = { ...base, 'registry/prompts/aaa.md': prompt('agent', ['admin_things']) };
    const report = diff(base, head);
    expect(report.planes.control.bindings).toEqual([
      { agent: 'agent', added: ['admin_things'], removed: [] },
    ]);
    expect(report.planes.control.requiredSignoffs).toBe(2);
  });

  it('a new file that sorts last cannot either', () => {
    const head = { ...base, 'registry/prompts/zzz.md': prompt('agent', ['admin_things']) };
    expect(diff(base, head).planes.control.bindings).toEqual([
      { agent: 'agent', added: ['admin_things'], removed: [] },
    ]);
  });

  it('is an error at every file involved, kept when either file changed, holding both gates', () => {
    for (const name of ['aaa', 'zzz']) {
      const added = `registry/prompts/${name}.md`;
      const report = diff(base, { ...base, [added]: prompt('agent', ['read_things']) });
      const duplicates = report.findings.filter((f) => f.code === 'duplicate-prompt');
      expect(duplicates.map((f) => f.path).sort()).toEqual([added, 'registry/prompts/agent.md'].sort());
      expect(duplicates.every((f) => f.severity === 'error')).toBe(true);
      const plan = statuses(report);
      expect(plan.data.state).toBe('failure');
      expect(plan.control.state).toBe('failure');
    }
  });

  it('is reported when only the old file changes, and not when neither did', () => {
    const dup = { ...base, 'registry/prompts/aaa.md': prompt('agent', ['read_things']) };
    const edited = { ...dup, 'registry/prompts/agent.md': prompt('agent', ['read_things'], 2) };
    expect(diff(dup, edited).findings.filter((f) => f.code === 'duplicate-prompt')).toHaveLength(2);
    expect(diff(dup, { ...dup, 'src/x.ts': '1\n' }).findings).toEqual([]);
  });

  it('three files with one id: all three are named', () => {
    const head = {
      ...base,
      'registry/prompts/a.md': prompt('agent', []),
      'registry/prompts/b.md': prompt('agent', []),
    };
    expect(diff(base, head).findings.filter((f) => f.code === 'duplicate-prompt')).toHaveLength(3);
  });

  it('resolveAgents binds the union for composition checks', () => {
    const read = { name: 'read_things' } as never;
    const admin = { name: 'admin_things' } as never;
    const p = (path: string, tools: string[]) =>
      ({ id: 'agent', tools, text: '', meta: {}, source: { path, line: 1 } }) as never;
    const agents = resolveAgents([read, admin], [p('a.md', ['read_things']), p('b.md', ['admin_things'])]);
    expect(agents.get('agent')).toEqual([admin, read]);
  });
});

describe('prompts that do not parse (class 9)', () => {
  const broken = [
    ['unclosed front matter', '---\ntools: [admin_things]\nno end\n'],
    ['bad YAML', '---\ntools: [admin_things\n---\ntext\n'],
    ['not a mapping', '---\n- admin_things\n---\ntext\n'],
    ['schema error', '---\ntools: admin_things\n---\ntext\n'],
    ['duplicate key', '---\ntools: []\ntools: [admin_things]\n---\ntext\n'],
  ] as const;

  for (const [what, text] of broken) {
    it(`${what}: holds the control plane, its bindings being unknown`, () => {
      const report = diff(base, { ...base, 'registry/prompts/agent.md': text });
      expect(report.findings).toContainEqual(
        expect.objectContaining({
          code: 'prompt-bindings-unknown',
          path: 'registry/prompts/agent.md',
          severity: 'error',
        }),
      );
      expect(report.planes.control.changed).toBe(true);
      expect(report.planes.control.files.map((f) => f.path)).toContain('registry/prompts/agent.md');
      expect(statuses(report).control.state).not.toBe('success');
    });
  }

  it('a YAML prompt file that does not parse holds it too', () => {
    const report = diff(base, { ...base, 'registry/prompts/other.yaml': 'template: [\n' });
    expect(report.findings.map((f) => f.code)).toContain('prompt-bindings-unknown');
    expect(statuses(report).control.state).not.toBe('success');
  });

  it('a prompt git could not read (symlink, too large, not UTF-8) holds it too', () => {
    for (const reason of ['symlink', 'too-large', 'not-utf8'] as const) {
      const path = 'registry/prompts/agent.md';
      const head = parseSnapshot([], [{ path, oid: 'x', reason }], DEFAULT_CONFIG);
      const report = buildDiffReport({
        base: { ref: { ref: 'b', sha: null }, snapshot: parseSnapshot([], [], DEFAULT_CONFIG) },
        head: { ref: { ref: 'h', sha: null }, snapshot: head },
        changedFiles: [{ path, status: 'added' }],
        config: DEFAULT_CONFIG,
        today: '2026-11-27',
      });
      expect(report.findings.map((f) => f.code)).toContain('prompt-bindings-unknown');
      expect(statuses(report).control.state).not.toBe('success');
    }
  });

  it('a data file under the prompts path (.jsonl, .txt) does not', () => {
    const report = diff(base, { ...base, 'registry/prompts/shots.txt': '---\n[\n' });
    expect(report.findings).toEqual([]);
    expect(report.planes.control.changed).toBe(false);
  });
});
