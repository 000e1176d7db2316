// Lists of names are sets: one rule per member, so an added member widens at its own radius, a removed one narrows
// (a deny list the other way round), and reordering changes nothing. Lists whose order is their meaning (a
// command's arguments, a workflow's steps) stay compared whole, in their order.
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../src/model/types.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

const changes = (report: DiffReport) =>
  (report.planes.control.permissions ?? []).map((p) => [p.rule, p.change, p.kind, p.radius]);

const pair = (path: string, before: string, after: string): [Files, Files] => [
  { [path]: before },
  { [path]: after },
];

const GEMINI = '.gemini/settings.json';
const gemini = (settings: Record<string, unknown>) => JSON.stringify(settings);

describe('Gemini tool lists, member by member', () => {
  it('a tool added to coreTools is one widening rule; removed, one narrowing rule', () => {
    const [base, head] = pair(
      GEMINI,
      gemini({ coreTools: ['ReadFileTool', 'GlobTool'] }),
      gemini({ coreTools: ['ReadFileTool', 'GlobTool', 'ShellTool(ls -l)'] }),
    );
    expect(changes(diffTrees(base, head))).toEqual([
      ['coreTools=ShellTool(ls -l)', 'added', 'widened', expect.any(String)],
    ]);
    expect(changes(diffTrees(head, base))).toEqual([
      ['coreTools=ShellTool(ls -l)', 'removed', 'narrowed', expect.any(String)],
    ]);
    expect(diffTrees(head, base).planes.control.requiredSignoffs).toBe(0);
  });

  it('excludeTools is a deny list: a new member narrows, a removed one widens', () => {
    const [base, head] = pair(
      GEMINI,
      gemini({ excludeTools: ['ShellTool'] }),
      gemini({ excludeTools: ['ShellTool', 'WebFetchTool'] }),
    );
    expect(changes(diffTrees(base, head))).toEqual([
      ['excludeTools=WebFetchTool', 'added', 'narrowed', expect.any(String)],
    ]);
    expect(changes(diffTrees(head, base)).map((c) => c.slice(0, 3))).toEqual([
      ['excludeTools=WebFetchTool', 'removed', 'widened'],
    ]);
  });

  it('v1 allowedTools pre-approves: each member its own privileged rule, never the list replaced', () => {
    const [base, head] = pair(
      GEMINI,
      gemini({ allowedTools: ['ReadFileTool'] }),
      gemini({ allowedTools: ['ReadFileTool', 'ShellTool(git status)'] }),
    );
    expect(changes(diffTrees(base, head))).toEqual([
      ['allowedTools=ShellTool(git status)', 'added', 'widened', 'privileged'],
    ]);
  });

  it('reordering a list changes nothing', () => {
    const [base, head] = pair(
      GEMINI,
      gemini({ coreTools: ['ReadFileTool', 'GlobTool'], excludeTools: ['A', 'B'] }),
      gemini({ coreTools: ['GlobTool', 'ReadFileTool'], excludeTools: ['B', 'A'] }),
    );
    const report = diffTrees(base, head);
    expect(changes(report)).toEqual([]);
    expect(report.planes.control.requiredSignoffs).toBe(0);
  });
});

describe('agent front matter lists', () => {
  const AGENT = '.github/agents/lead.agent.md';
  const agent = (front: string) => `---\nname: lead\ndescription: leads\n${front}---\nLead.\n`;

  it("a Copilot agent's tools gain exactly the tool added; one removed is narrowing only", () => {
    const [base, head] = pair(
      AGENT,
      agent("tools: ['search/codebase', 'edit']\n"),
      agent("tools: ['edit', 'search/codebase', 'runCommands']\n"),
    );
    const forward = diffTrees(base, head).planes.control.bindings;
    expect(forward.map((b) => [b.agent, b.added, b.removed])).toEqual([
      ['copilot:agents/lead', ['runCommands'], []],
    ]);
    const back = diffTrees(head, base);
    expect(back.planes.control.bindings.map((b) => [b.added, b.removed])).toEqual([[[], ['runCommands']]]);
    expect(back.planes.control.narrowingOnly).toBe(true);
  });

  it('handoffs are compared member by member', () => {
    const [base, head] = pair(AGENT, agent('handoffs: [triage]\n'), agent('handoffs: [triage, deploy]\n'));
    expect(changes(diffTrees(base, head)).map((c) => c.slice(0, 3))).toEqual([
      ['handoffs=deploy', 'added', 'widened'],
    ]);
    expect(changes(diffTrees(head, base)).map((c) => c.slice(0, 3))).toEqual([
      ['handoffs=deploy', 'removed', 'narrowed'],
    ]);
  });

  it('a Claude Code subagent listing server names: one rule per name', () => {
    const path = '.claude/agents/ops.md';
    const sub = (servers: string) => `---\nname: ops\ndescription: ops\nmcpServers: ${servers}\n---\nOps.\n`;
    const [base, head] = pair(path, sub('[github]'), sub('[github, pager]'));
    expect(changes(diffTrees(base, head)).map((c) => c.slice(0, 3))).toEqual([
      ['mcpServers=pager', 'added', 'widened'],
    ]);
  });
});

describe('gh-aw lists', () => {
  const WORKFLOW = '.github/workflows/triage.md';
  const workflow = (front: string) => `---\non: issues\npermissions: read-all\n${front}---\nTriage.\n`;

  it('a GitHub toolset added is one rule; removed, narrowing', () => {
    const tools = (sets: string) => `tools:\n  github:\n    toolsets: [${sets}]\n`;
    const [base, head] = pair(WORKFLOW, workflow(tools('issues')), workflow(tools('issues, pull_requests')));
    expect(changes(diffTrees(base, head)).map((c) => c.slice(0, 3))).toEqual([
      ['github.toolsets=pull_requests', 'added', 'widened'],
    ]);
    expect(changes(diffTrees(head, base)).map((c) => c.slice(0, 3))).toEqual([
      ['github.toolsets=pull_requests', 'removed', 'narrowed'],
    ]);
  });

  it('imports are a set; steps keep their order', () => {
    const [base, head] = pair(
      WORKFLOW,
      workflow('imports: [shared/a.md, shared/b.md]\n'),
      workflow('imports: [shared/b.md, shared/a.md, shared/c.md]\n'),
    );
    expect(changes(diffTrees(base, head)).map((c) => c.slice(0, 3))).toEqual([
      ['imports=shared/c.md', 'added', 'widened'],
    ]);
    const steps = (first: string, second: string) => `steps:\n  - run: ${first}\n  - run: ${second}\n`;
    const [before, after] = pair(
      WORKFLOW,
      workflow(steps('npm ci', 'npm test')),
      workflow(steps('npm test', 'npm ci')),
    );
    const reordered = diffTrees(before, after);
    expect(changes(reordered).length).toBe(2);
    expect(reordered.planes.control.requiredSignoffs).toBeGreaterThan(0);
  });
});

describe('ordered lists stay whole', () => {
  it("reordering a Codex notify command's arguments is a change", () => {
    const path = '.codex/config.toml';
    const [base, head] = pair(
      path,
      'notify = ["notify-send", "--urgency", "low"]\n',
      'notify = ["--urgency", "notify-send", "low"]\n',
    );
    const report = diffTrees(base, head);
    expect(changes(report).map((c) => c.slice(0, 2))).toEqual([
      ['notify=["--urgency","notify-send","low"]', 'added'],
      ['notify=["notify-send","--urgency","low"]', 'removed'],
    ]);
    expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
  });
});

describe('Claude Code settings lists', () => {
  const SETTINGS = '.claude/settings.json';
  it('permission rules are a set: reordered, nothing; one added, one widening rule at its own radius', () => {
    const settings = (allow: string[]) => JSON.stringify({ permissions: { allow } });
    const [base, head] = pair(
      SETTINGS,
      settings(['Read', 'Bash(ls:*)']),
      settings(['Bash(ls:*)', 'Read', 'Bash(git status)']),
    );
    expect(changes(diffTrees(base, head))).toEqual([['Bash(git status)', 'added', 'widened', 'read']]);
  });

  it('a list under a key agentgate does not model is kept member by member (still control)', () => {
    const settings = (tools: string[]) => JSON.stringify({ allowedTools: tools });
    const [base, head] = pair(SETTINGS, settings(['Read']), settings(['Read', 'Edit']));
    const report = diffTrees(base, head);
    expect(changes(report).map((c) => c.slice(0, 3))).toEqual([['allowedTools=Edit', 'added', 'widened']]);
    expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
  });
});

describe('Codex deny lists', () => {
  it('a pattern added to shell_environment_policy.exclude narrows; removed, it widens', () => {
    const path = '.codex/config.toml';
    const policy = (patterns: string) => `[shell_environment_policy]\nexclude = [${patterns}]\n`;
    const [base, head] = pair(path, policy('"AWS_*"'), policy('"AWS_*", "*_TOKEN"'));
    expect(changes(diffTrees(base, head)).map((c) => c.slice(0, 3))).toEqual([
      ['shell_environment_policy.exclude=*_TOKEN', 'added', 'narrowed'],
    ]);
    expect(diffTrees(base, head).planes.control.requiredSignoffs).toBe(0);
    expect(changes(diffTrees(head, base)).map((c) => c.slice(0, 3))).toEqual([
      ['shell_environment_policy.exclude=*_TOKEN', 'removed', 'widened'],
    ]);
  });
});
