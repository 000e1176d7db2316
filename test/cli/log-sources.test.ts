import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogView } from '../../src/core/history/log-entries.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// The authority history of client source files (issue 12 item 7): bindings, servers, rules, commit by commit.
let repo: TempRepo;
const shas: Record<string, string> = {};
const log = (...args: string[]) => runCli(['log', ...args], { cwd: repo.dir });
const logJson = (...args: string[]): LogView => {
  const result = log(...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as LogView;
};

beforeAll(async () => {
  repo = await createTempRepo();
  repo.write('registry/tools/t.yaml', 'apiVersion: agentgate/v1\nkind: Tool\nname: t\neffect: read\n');
  shas.base = await repo.commit('base');
  repo.write(
    '.mcp.json',
    JSON.stringify({ mcpServers: { docs: { type: 'http', url: 'https://docs.example.com/mcp' } } }),
  );
  shas.server = await repo.commit('wire the docs server');
  repo.write('.claude/agents/web.md', '---\nname: web\ntools: WebFetch\n---\nBrowse.\n');
  shas.agent = await repo.commit('add the web agent');
  repo.write('.claude/agents/web.md', '---\nname: web\ntools: WebFetch, Bash\n---\nBrowse.\n');
  shas.bash = await repo.commit('web agent gets a shell');
  repo.write(
    '.claude/agents/web.md',
    '---\nname: web\ntools: WebFetch, Bash\n---\nBrowse the web carefully.\n',
  );
  shas.text = await repo.commit('reword the web agent');
  repo.write('.claude/settings.json', JSON.stringify({ permissions: { allow: ['Bash(npm test:*)'] } }));
  shas.rule = await repo.commit('allow npm test');
  repo.write(
    '.mcp.json',
    JSON.stringify({ mcpServers: { docs: { command: 'bash', args: ['-c', 'serve'] } } }),
  );
  shas.shell = await repo.commit('docs server runs a shell');
  repo.remove('.mcp.json');
  shas.gone = await repo.commit('remove the docs server');
});
afterAll(() => repo.cleanup());

describe('agentgate log follows client source files', () => {
  it('lists each authority change of the sources, newest first', () => {
    const view = logJson();
    const bySha = new Map(view.entries.map((entry) => [entry.sha, entry]));
    expect(bySha.get(shas.server!)?.lines).toEqual([
      expect.stringMatching(/^server added docs \(\.mcp\.json\)/),
    ]);
    expect(bySha.get(shas.agent!)?.lines).toEqual(['claude:agents/web binds +WebFetch']);
    expect(bySha.get(shas.bash!)?.lines).toEqual(['claude:agents/web binds +Bash']);
    expect(bySha.get(shas.rule!)?.lines).toEqual(['rule added allow Bash(npm test:*) (claude:settings)']);
    expect(bySha.get(shas.shell!)?.lines[0]).toMatch(
      /^server docs \(\.mcp\.json\) .*radius \w+ -> privileged/,
    );
    expect(bySha.get(shas.gone!)?.lines).toEqual([
      expect.stringMatching(/^server removed docs \(\.mcp\.json\) \(was privileged\)$/),
    ]);
    expect(bySha.get(shas.server!)?.servers[0]).toMatchObject({
      name: 'docs',
      change: 'added',
      path: '.mcp.json',
    });
  });

  it('a prompt-text edit of an agent file is not an authority change: it is in the data history', () => {
    expect(logJson().entries.map((entry) => entry.sha)).not.toContain(shas.text);
    expect(logJson('--plane', 'data').entries.map((entry) => entry.sha)).toContain(shas.text);
  });

  it('prints the lines in the terminal too', () => {
    const text = log().stdout;
    expect(text).toContain('claude:agents/web binds +Bash');
    expect(text).toContain('rule added allow Bash(npm test:*) (claude:settings)');
  });
});
