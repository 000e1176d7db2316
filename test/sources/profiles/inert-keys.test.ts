// Keys that only describe cost no sign-off: the profile's, the universal ones of front matter, and the ones the
// BASE commit's config adds per source kind. A key the client reads as authority is never inert, whoever says so,
// and a key is inert by its name at the top level only.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/core/plane/config.js';
import type { Config, DiffReport } from '../../../src/model/types.js';
import { copilotAgentsAdapter } from '../../../src/sources/formats/copilot-agents.js';
import {
  CLAUDE_CODE,
  CLIENT_PROFILES,
  COPILOT,
  UNIVERSAL_INERT,
  authorityKeys,
  inertKeysFor,
} from '../../../src/sources/profiles/index.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

const AGENT = '.github/agents/triage.agent.md';
const agent = (front: string, body = 'You sort incoming issues.\n') =>
  `---\nname: triage\ndescription: sorts issues\ntools: ['search/codebase']\n${front}---\n${body}`;
const SETTINGS = '.claude/settings.json';
const settings = (extra: Record<string, unknown>) =>
  JSON.stringify({ permissions: { allow: ['Read'] }, ...extra }, null, 2);

const configOf = (yaml: string): Config => {
  const parsed = parseConfig(yaml, 'agentgate.yaml');
  expect(parsed.errors).toEqual([]);
  return parsed.config;
};

/** The digest of a diff that changes nothing in the control plane, for "the digest did not move". */
const quietDigest = (files: Files, config: Config = DEFAULT_CONFIG) =>
  diffTrees(files, { ...files, 'README.md': 'unrelated\n' }, { config }).planes.control.digest;

const control = (report: DiffReport) => {
  const plane = report.planes.control;
  return { ...plane, servers: plane.servers ?? [], permissions: plane.permissions ?? [] };
};

describe('inert keys of the profiles', () => {
  it("a Copilot agent's descriptive front matter is data plane: 0 sign-offs, digest unmoved, a meta change", () => {
    const base = { [AGENT]: agent('user-invokable: true\ncategory: support\ntags: [a]\ntarget: vscode\n') };
    const head = {
      [AGENT]: agent('user-invokable: false\ncategory: triage\ntags: [a, b]\ntarget: github-copilot\n'),
    };
    const report = diffTrees(base, head);
    expect(control(report).permissions).toEqual([]);
    expect(control(report).requiredSignoffs).toBe(0);
    expect(control(report).digest).toBe(quietDigest(base));
    expect(report.planes.data.prompts.map((p) => [p.id, p.change])).toEqual([
      ['copilot:agents/triage', 'modified'],
    ]);
    expect(report.findings.filter((f) => f.code === 'unknown-authority-key')).toEqual([]);
  });

  it('a description edit alone needs no sign-off', () => {
    const base = { [AGENT]: agent('') };
    const head = { [AGENT]: agent('').replace('sorts issues', 'sorts and labels issues') };
    expect(control(diffTrees(base, head)).requiredSignoffs).toBe(0);
  });

  it('Claude Code includeCoAuthoredBy and the look of a session cost no sign-off', () => {
    const base = { [SETTINGS]: settings({ includeCoAuthoredBy: true, spinnerTipsEnabled: true }) };
    const head = { [SETTINGS]: settings({ includeCoAuthoredBy: false, outputStyle: 'Explanatory' }) };
    const report = diffTrees(base, head);
    expect(control(report).permissions).toEqual([]);
    expect(control(report).requiredSignoffs).toBe(0);
    expect(control(report).digest).toBe(quietDigest(base));
  });

  it("a Roo mode's icon and description are inert; its groups are not", () => {
    const modes = (icon: string, groups: string) =>
      `customModes:\n  - slug: docs\n    name: Docs\n    iconName: ${icon}\n    description: writes docs\n    groups: [${groups}]\n`;
    const quiet = diffTrees({ '.roomodes': modes('book', 'read') }, { '.roomodes': modes('pen', 'read') });
    expect(control(quiet).permissions).toEqual([]);
    expect(control(quiet).requiredSignoffs).toBe(0);
    const loud = diffTrees(
      { '.roomodes': modes('book', 'read') },
      { '.roomodes': modes('book', 'read, command') },
    );
    expect(control(loud).permissions.map((p) => p.rule)).toEqual(['customModes.docs.groups=command']);
  });

  it('an unknown key stays control: the residual rule needs the write sign-off count', () => {
    const base = { [AGENT]: agent('escalation-contact: a\n') };
    const head = { [AGENT]: agent('escalation-contact: b\n') };
    const report = diffTrees(base, head);
    expect(control(report).permissions.map((p) => [p.rule, p.kind])).toEqual([
      ['escalation-contact=a', 'widened'],
      ['escalation-contact=b', 'widened'],
    ]);
    expect(control(report).requiredSignoffs).toBe(DEFAULT_CONFIG.planes.control.signoffs.write);
    expect(control(report).digest).not.toBe(quietDigest(base));
  });

  it('a descriptive name inside a server entry is not inert there: it is the server, compared as the server', () => {
    const server = (description: string) =>
      `mcp-servers:\n  tracker:\n    url: https://tracker.example.org/mcp\n    description: ${description}\n`;
    const base = { [AGENT]: agent(server('old')) };
    const head = { [AGENT]: agent(server('new')) };
    const report = diffTrees(base, head);
    const changed = control(report).servers.length + control(report).permissions.length;
    expect(changed).toBeGreaterThan(0);
    expect(control(report).digest).not.toBe(quietDigest(base));
  });

  it('an inert key is inert by its name: a grant written inside it is not read by the client, nor by the gate', () => {
    const base = { [AGENT]: agent('metadata:\n  team: support\n') };
    const head = { [AGENT]: agent("metadata:\n  team: support\n  tools: ['runCommands']\n") };
    const report = diffTrees(base, head);
    expect(control(report).bindings).toEqual([]);
    expect(control(report).requiredSignoffs).toBe(0);
    // the edit is listed in the data plane, where its owners see it
    expect(report.planes.data.prompts.map((p) => p.id)).toEqual(['copilot:agents/triage']);
  });

  it("an inert name does not cover a tool list's pre-approval that merely looks like it", () => {
    const command = (tools: string) => `---\ndescription: ship it\nallowed-tools: ${tools}\n---\nShip.\n`;
    const base = { '.claude/commands/ship.md': command('Read') };
    const head = { '.claude/commands/ship.md': command('Read, description=x') };
    const report = diffTrees(base, head);
    expect(control(report).permissions.map((p) => p.rule)).toContain('description=x');
    expect(control(report).requiredSignoffs).toBeGreaterThan(0);
  });
});

describe('inert keys from the base config', () => {
  const CONFIG = 'version: 1\nsources:\n  copilot:\n    inert: [escalation-contact, tools]\n';

  it('sources.<kind>.inert of the base config makes a key data plane', () => {
    const config = configOf(CONFIG);
    expect(config.sources?.copilot?.inert).toEqual(['escalation-contact', 'tools']);
    const base = { [AGENT]: agent('escalation-contact: a\n') };
    const head = { [AGENT]: agent('escalation-contact: b\n') };
    const report = diffTrees(base, head, { config });
    expect(control(report).permissions).toEqual([]);
    expect(control(report).requiredSignoffs).toBe(0);
    expect(control(report).digest).toBe(quietDigest(base, config));
  });

  it('an adapter id works as well as a kind, and the key stays control for other kinds', () => {
    const config = configOf('version: 1\nsources:\n  copilot-agents:\n    inert: [escalation-contact]\n');
    const agentFile = diffTrees(
      { [AGENT]: agent('escalation-contact: a\n') },
      { [AGENT]: agent('escalation-contact: b\n') },
      { config },
    );
    expect(control(agentFile).permissions).toEqual([]);
    const skill = (value: string) =>
      `---\nname: notes\ndescription: notes\nescalation-contact: ${value}\n---\nTake notes.\n`;
    const claude = diffTrees(
      { '.claude/skills/notes/SKILL.md': skill('a') },
      { '.claude/skills/notes/SKILL.md': skill('b') },
      { config },
    );
    expect(control(claude).requiredSignoffs).toBeGreaterThan(0);
  });

  it('a key marked inert in the head config only still costs a sign-off (the base config judges)', () => {
    const base = { [AGENT]: agent('escalation-contact: a\n') };
    const head = {
      [AGENT]: agent('escalation-contact: b\n'),
      'agentgate.yaml': CONFIG,
    };
    const report = diffTrees(base, head);
    expect(control(report).permissions.map((p) => p.rule)).toEqual([
      'escalation-contact=a',
      'escalation-contact=b',
    ]);
    expect(control(report).requiredSignoffs).toBeGreaterThan(0);
  });

  it('a key both inert and authority is authority: a config cannot make tools, hooks or permissions inert', () => {
    const config = configOf(
      'version: 1\nsources:\n  copilot:\n    inert: [tools, mcp-servers, handoffs]\n  claude-code:\n    inert: [permissions, hooks, env, statusLine]\n',
    );
    const agents = diffTrees(
      { [AGENT]: agent('handoffs: [a]\n') },
      {
        [AGENT]: agent('handoffs: [a, b]\n').replace(
          "['search/codebase']",
          "['search/codebase', 'runCommands']",
        ),
      },
      { config },
    );
    expect(control(agents).requiredSignoffs).toBeGreaterThan(0);
    expect(control(agents).bindings.flatMap((b) => b.added)).toEqual(['runCommands']);
    expect(control(agents).permissions.map((p) => p.rule)).toContain('handoffs=b');
    const claude = diffTrees(
      { [SETTINGS]: settings({ statusLine: { type: 'command', command: 'echo a' } }) },
      {
        [SETTINGS]: JSON.stringify({
          permissions: { allow: ['Read', 'Bash(curl:*)'] },
          env: { NODE_OPTIONS: '--require ./x.js' },
          statusLine: { type: 'command', command: 'curl https://x.example' },
        }),
      },
      { config },
    );
    const rules = control(claude).permissions.map((p) => p.rule);
    expect(rules).toContain('Bash(curl:*)');
    expect(rules.some((rule) => rule.startsWith('env.NODE_OPTIONS='))).toBe(true);
    expect(rules.some((rule) => rule.startsWith('statusLine='))).toBe(true);
    expect(control(claude).requiredSignoffs).toBe(DEFAULT_CONFIG.planes.control.signoffs.privileged);
  });

  it('the config is read per adapter at parse time: an adapter read without it keeps the key control', () => {
    const file = { path: AGENT, oid: '', text: agent('escalation-contact: a\n') };
    expect(copilotAgentsAdapter.parse(file).permissions.map((p) => p.rule)).toEqual(['escalation-contact=a']);
    expect(copilotAgentsAdapter.parse(file, { inert: ['escalation-contact'] }).permissions).toEqual([]);
  });
});

describe('inertKeysFor', () => {
  it('front matter takes the universal keys; a settings file only its profile and config keys', () => {
    const front = inertKeysFor(COPILOT, { frontMatter: true });
    for (const key of [...UNIVERSAL_INERT, 'user-invokable']) expect(front.has(key)).toBe(true);
    const top = inertKeysFor(CLAUDE_CODE, { frontMatter: false, extra: ['cleanupPeriodDays'] });
    expect(top.has('includeCoAuthoredBy')).toBe(true);
    expect(top.has('cleanupPeriodDays')).toBe(true);
    expect(top.has('description')).toBe(false);
  });

  it("authority wins: no profile lists a key both inert and authority, and a config's claim is dropped", () => {
    for (const profile of CLIENT_PROFILES) {
      const authority = authorityKeys(profile);
      expect(profile.inert.filter((key) => authority.has(key))).toEqual([]);
      const claimed = inertKeysFor(profile, { frontMatter: true, extra: [...authority] });
      expect([...authority].filter((key) => claimed.has(key))).toEqual([]);
    }
    const extra = inertKeysFor(COPILOT, { frontMatter: true, extra: ['x-note'], authority: ['x-note'] });
    expect(extra.has('x-note')).toBe(false);
  });
});
