// Issue 13 (items 1, 4, 7) end to end through the built CLI in real repositories: only new findings fail,
// reports stay readable at scale, SARIF code scanning can track.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

const tool = (name: string, extra = '') =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: read\nscopes: [things:read]\n${extra}`;
const prompt = (tools: string[], text: string, version: number) =>
  `---\nid: agent\nversion: ${version}\ntools: [${tools.join(', ')}]\n---\n${text}\n`;
const ghosts = Array.from({ length: 20 }, (_, i) => `ghost_${i}`);

function diff(...args: string[]) {
  return runCli(['diff', '--base', 'HEAD~1', '--head', 'HEAD', ...args], {
    cwd: repo.dir,
    env: { NO_COLOR: '1' },
  });
}

describe('pre-existing findings', () => {
  beforeEach(async () => {
    repo.write('registry/tools/read.yaml', tool('read_things'));
    repo.write('registry/prompts/agent.md', prompt(['read_things', ...ghosts], 'You help people.', 1));
    await repo.commit('base with 20 broken bindings');
  });

  it('a one-word prompt edit exits 0, counts the old errors once and lists them on request', async () => {
    repo.write('registry/prompts/agent.md', prompt(['read_things', ...ghosts], 'You help users.', 2));
    await repo.commit('reword');
    const text = diff();
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('20 pre-existing findings not brought by this change (20 errors)');
    expect(text.stdout).not.toContain('ghost_3');
    const all = diff('--all-findings');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('ghost_3');
    expect(all.stdout).toContain('(pre-existing)');
    const json = JSON.parse(diff('--format', 'json').stdout) as DiffReport;
    expect(json.findings).toHaveLength(20);
    expect(json.findings.every((f) => f.new === false)).toBe(true);
    const markdown = diff('--format', 'markdown').stdout;
    expect(markdown).toContain('20 pre-existing findings not brought by this change (20 errors)');
    const sarif = JSON.parse(diff('--format', 'sarif').stdout);
    expect(sarif.runs[0].results).toEqual([]);
  });

  it('a binding error the change brings fails, and only it is listed', async () => {
    repo.write('registry/prompts/agent.md', prompt(['read_things', 'phantom', ...ghosts], 'You help.', 2));
    await repo.commit('bind a phantom');
    const text = diff();
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('phantom');
    expect(text.stdout).not.toContain('ghost_3');
    expect(text.stdout).toContain('20 pre-existing findings');
  });
});

describe('readable at scale', () => {
  it('prints one credential change of an 18-tool server once', async () => {
    const tools = Array.from(
      { length: 18 },
      (_, i) => `  - { name: t${i}, annotations: { readOnlyHint: true } }`,
    );
    const server = (scopes: string) =>
      `apiVersion: agentgate/v1\nkind: McpServer\nname: gh\ntransport: { command: npx, args: [gh-mcp] }\ncredentials:\n  - { name: GH_TOKEN, scopes: [${scopes}] }\ntools:\n${tools.join('\n')}\n`;
    repo.write('registry/tools/gh.yaml', server('repo:read'));
    await repo.commit('server');
    repo.write('registry/tools/gh.yaml', server('repo:read, repo:write'));
    await repo.commit('widen its credential');
    for (const format of ['text', 'markdown']) {
      const out = diff('--format', format).stdout;
      expect(out.match(/repo:write/g)).toHaveLength(1);
      expect(out).toContain('18 tool(s) of server');
    }
    const text = diff().stdout;
    expect(text.split('\n')[1]).toBe('control: 18 modified (18 write), 1 server; data: no changes');
    const sarif = JSON.parse(diff('--format', 'sarif').stdout) as {
      runs: { results: { ruleId: string; message: { text: string } }[] }[];
    };
    const results = sarif.runs[0]!.results;
    expect(results.filter((r) => r.message.text.includes('repo:write'))).toHaveLength(1);
    expect(results.filter((r) => r.ruleId === 'escalation/write').map((r) => r.message.text)).toEqual([
      expect.stringContaining('18 tool(s) of server gh: radius read -> write'),
    ]);
  });

  it('shows a one-line edit in a 60-line description as a few diff lines, not both texts', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => `    Line ${i} of the description.`);
    const manifest = (body: string[]) => tool('read_docs', `description: |\n${body.join('\n')}\n`);
    repo.write('registry/tools/docs.yaml', manifest(lines));
    await repo.commit('docs tool');
    const edited = [...lines];
    edited[30] = '    Line 30 of the description, reworded.';
    repo.write('registry/tools/docs.yaml', manifest(edited));
    await repo.commit('reword line 30');
    for (const format of ['text', 'markdown']) {
      const out = diff('--format', format).stdout;
      expect(out).toContain('-Line 30 of the description.');
      expect(out).toContain('+Line 30 of the description, reworded.');
      expect(out).toContain('Line 27 of the description.');
      expect(out).not.toContain('Line 10 of the description.');
      expect(out).not.toContain('Line 50 of the description.');
    }
  });

  it('shows a prompt text edit as a line diff in text and Markdown', async () => {
    const body = Array.from({ length: 40 }, (_, i) => `Rule ${i}: be precise.`);
    repo.write('registry/prompts/agent.md', prompt([], body.join('\n'), 1));
    await repo.commit('prompt');
    body[20] = 'Rule 20: be kind.';
    repo.write('registry/prompts/agent.md', prompt([], body.join('\n'), 2));
    await repo.commit('one word');
    for (const format of ['text', 'markdown']) {
      const out = diff('--format', format).stdout;
      expect(out).toContain('-Rule 20: be precise.');
      expect(out).toContain('+Rule 20: be kind.');
      expect(out).not.toContain('Rule 5: be precise.');
    }
  });

  it('keeps a 500-tool change readable in the terminal and in Markdown', async () => {
    repo.write('registry/tools/keep.yaml', tool('keep_me'));
    await repo.commit('base');
    for (let i = 0; i < 500; i += 1)
      repo.write(`registry/tools/gen/t${i}.yaml`, tool(`gen_${String(i).padStart(3, '0')}`));
    repo.write(
      'registry/tools/gen/boss.yaml',
      tool('zz_admin_all').replace('effect: read', 'effect: privileged'),
    );
    await repo.commit('500 tools');
    const text = diff();
    expect(text.stdout.split('\n').length).toBeLessThan(200);
    expect(text.stdout).toMatch(/^control: 501 added \(1 privileged, 500 read\)/m);
    expect(text.stdout).toContain('+451 more tools');
    expect(text.stdout).toContain('+481 more files');
    // the cap keeps the most telling: the privileged tool is listed although it sorts last by name
    expect(text.stdout).toContain('zz_admin_all');
    const markdown = diff('--format', 'markdown').stdout;
    expect(markdown.length).toBeLessThan(30_000);
    expect(markdown).toContain('**Summary:** control: 501 added (1 privileged, 500 read)');
    expect(markdown).toContain('+451 more tools');
    expect(markdown).toContain('zz_admin_all');
  });
});

describe('SARIF of a diff', () => {
  it('locates a new dangerous path at the line that binds its sink, and the escalation at the manifest', async () => {
    repo.write(
      'registry/tools/tickets.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: read_ticket\neffect: read\nuntrustedInput: true\nscopes: [tickets:read]\n',
    );
    repo.write(
      'registry/prompts/agent.md',
      '---\nid: agent\nversion: 1\ntools:\n  - read_ticket\n---\nHi.\n',
    );
    await repo.commit('base');
    repo.write(
      'registry/tools/accounts.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: delete_account\neffect: irreversible\nscopes: [accounts:delete]\n',
    );
    repo.write(
      'registry/prompts/agent.md',
      '---\nid: agent\nversion: 2\ntools:\n  - read_ticket\n  - delete_account\n---\nHi.\n',
    );
    await repo.commit('bind a delete tool beside untrusted input');
    const log = JSON.parse(diff('--format', 'sarif').stdout) as {
      runs: {
        automationDetails: { id: string };
        results: { ruleId: string; locations: { physicalLocation: unknown }[] }[];
      }[];
    };
    const run = log.runs[0]!;
    expect(run.automationDetails.id).toBe('agentgate/diff/');
    const where = (ruleId: string) =>
      run.results.find((r) => r.ruleId === ruleId)?.locations[0]?.physicalLocation;
    expect(where('flow/untrusted-to-action')).toEqual({
      artifactLocation: { uri: 'registry/prompts/agent.md' },
      region: { startLine: 6 },
    });
    expect(where('escalation/irreversible')).toEqual({
      artifactLocation: { uri: 'registry/tools/accounts.yaml' },
      region: { startLine: 3 },
    });
  });
});
