import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Flow, ServerChange } from '../../src/model/types.js';
import { renderMarkdownReport } from '../../src/render/markdown.js';
import { groupPaths } from '../../src/render/path-groups.js';
import { renderTextReport } from '../../src/render/text.js';
import { makeReport, makeToolChange } from '../helpers/make-report.js';

const plain = new Chalk({ level: 0 });

const server = (name: string, source = '.vscode/mcp.json'): ServerChange => ({
  name,
  change: 'added',
  source,
  radiusBefore: null,
  radiusAfter: 'irreversible',
  escalation: true,
  narrowing: false,
  changes: [],
  path: source,
  line: 1,
});

const flow = (agent: string, members: string[], extra: Partial<Flow> = {}): Flow => ({
  kind: 'untrusted-to-action',
  agent,
  sources: ['fetch', ...members],
  sinks: ['shell', ...members],
  ...extra,
});

const agents = (n: number) => Array.from({ length: n }, (_, i) => `copilot:agents/a${i}`);

describe('dangerous paths grouped by what the change brought', () => {
  it('a new server reaching many agents is one line naming them, not one line per agent', () => {
    const flows = agents(12).map((agent) => flow(agent, ['runner/*']));
    const control = { servers: [server('runner')], tools: [], bindings: [] };
    const lines = groupPaths(flows, control, 'added');
    expect(lines).toEqual([
      {
        kind: 'group',
        cause: { kind: 'server', name: 'runner', source: '.vscode/mcp.json' },
        kinds: ['untrusted-to-action'],
        agents: agents(12),
        unattributed: false,
      },
    ]);
    const text = renderTextReport(
      makeReport({
        control: { changed: true, servers: control.servers, flows: { added: flows, removed: [] } },
      }),
      plain,
    );
    expect(text).toContain(
      'untrusted-to-action through server runner (.vscode/mcp.json) in 12 agents: copilot:agents/a0,',
    );
    expect(text).toContain('copilot:agents/a9 and 2 more');
    expect(text.match(/^ {4}! /gm)).toHaveLength(1);
  });

  it('a cause that gives a path to one agent keeps the per-agent line with its sources and sinks', () => {
    const only = flow('support/system', ['admin_billing_update']);
    const report = makeReport({
      control: {
        changed: true,
        tools: [makeToolChange({ name: 'admin_billing_update' })],
        flows: { added: [only], removed: [] },
      },
    });
    expect(renderTextReport(report, plain)).toContain(
      'untrusted-to-action in support/system: fetch, admin_billing_update -> shell, admin_billing_update',
    );
  });

  it('paths whose cause the report cannot name stay per agent; unattributed ones come after real ones', () => {
    const flows = [
      flow('claude:agents/x', ['board/*'], { unattributed: ['board/*'] }),
      flow('claude:agents/y', ['board/*'], { unattributed: ['board/*'] }),
      flow('copilot:agents/z', []),
      flow('copilot:agents/p', ['notes/*']),
      flow('copilot:agents/q', ['notes/*']),
    ];
    const control = {
      servers: [server('board', '.cursor/mcp.json'), server('notes')],
      tools: [],
      bindings: [],
    };
    const lines = groupPaths(flows, control, 'added');
    expect(
      lines.map((line) => (line.kind === 'group' ? `group ${line.cause.name}` : line.flow.agent)),
    ).toEqual(['group notes', 'copilot:agents/z', 'group board']);
    expect(lines[2]).toMatchObject({ kind: 'group', unattributed: true });
    const md = renderMarkdownReport(
      makeReport({
        control: { changed: true, servers: control.servers, flows: { added: flows, removed: [] } },
      }),
    );
    expect(md).toContain(
      'through server `board` in `.cursor/mcp.json`, in 2 agents: `claude:agents/x`, `claude:agents/y` (unattributed: through a server their client does not declare)',
    );
  });

  it('a removed path is grouped by the binding its agents gave up', () => {
    const flows = [flow('a', ['shell']), flow('b', ['shell'])];
    const bindings = [
      { agent: 'a', added: [], removed: ['shell'] },
      { agent: 'b', added: [], removed: ['shell'] },
    ];
    const lines = groupPaths(flows, { servers: [], tools: [], bindings }, 'removed');
    expect(lines).toEqual([
      expect.objectContaining({
        kind: 'group',
        cause: { kind: 'binding', name: 'shell' },
        agents: ['a', 'b'],
      }),
    ]);
    // the same bindings added would name nothing as the cause of a removal: per-agent lines
    expect(
      groupPaths(flows, { servers: [], tools: [], bindings }, 'added').every((l) => l.kind === 'flow'),
    ).toBe(true);
  });

  it('a member is claimed by the server whose name it really starts with, the longest first', () => {
    const flows = [flow('a', ['team/tools/*']), flow('b', ['team/tools/*'])];
    const lines = groupPaths(
      flows,
      { servers: [server('team'), server('team/tools')], tools: [], bindings: [] },
      'added',
    );
    expect(lines).toEqual([
      expect.objectContaining({ cause: expect.objectContaining({ name: 'team/tools' }) }),
    ]);
  });

  it('a hostile server name is shown revealed and on one line, in text and in Markdown', () => {
    const name = 'evil\u001b[2J\nname @octocat';
    const flows = [flow('a', [`${name}/*`]), flow('b', [`${name}/*`])];
    const report = makeReport({
      control: { changed: true, servers: [server(name)], flows: { added: flows, removed: [] } },
    });
    const text = renderTextReport(report, plain);
    expect(text).not.toContain('\u001b');
    expect(text).toContain('evil⟨U+001B⟩[2J ⏎ name');
    const md = renderMarkdownReport(report);
    expect(md).toContain('server `evil⟨U+001B⟩[2J ⏎ name @octocat`');
  });
});
