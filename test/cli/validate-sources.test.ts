import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const tool = (name: string) =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: read\ndescription: Read ${name}.\n`;
const MCP_JSON = JSON.stringify({
  mcpServers: {
    files: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-filesystem@1.0.0', '.'] },
  },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-validate-sources-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function json(args: string[] = []): { code: number; findings: Finding[] } {
  const result = runCli(['validate', '--format', 'json', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

describe('validate over every configured path (issue 11.7)', () => {
  it('reads both control paths and both data paths: every tool counted, no false unknown-tool-binding', () => {
    write(
      'agentgate.yaml',
      'planes:\n  control:\n    paths: ["tools/a/**", "ops/tools/**"]\n  data:\n    paths: ["prompts/**", "more/prompts/**"]\n',
    );
    write('tools/a/one.yaml', tool('read_one'));
    write('ops/tools/two.yaml', tool('read_two'));
    write('prompts/p.md', '---\nversion: 1\ntools: [read_one, read_two]\n---\nHelp.\n');
    write('more/prompts/q.md', '---\nversion: 1\ntools: [read_two]\n---\nHelp.\n');
    const result = runCli(['validate'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'ok: 2 tools, 2 prompts checked\n', stderr: '' });
  });

  it('still reports a binding no path holds', () => {
    write('agentgate.yaml', 'planes:\n  control:\n    paths: ["tools/a/**", "ops/tools/**"]\n');
    write('tools/a/one.yaml', tool('read_one'));
    write('registry/prompts/p.md', '---\nversion: 1\ntools: [read_three]\n---\nHelp.\n');
    const { code, findings } = json();
    expect(code).toBe(1);
    expect(findings.map((f) => f.code)).toEqual(['unknown-tool-binding']);
  });
});

describe('validate over the source files of the work tree', () => {
  it('checks servers, agents and rules at their default paths with no config', () => {
    write('.mcp.json', MCP_JSON);
    write(
      '.claude/agents/reviewer.md',
      '---\nname: reviewer\ntools: Read, Grep, mcp__files__read_file\n---\nReview.\n',
    );
    write(
      '.claude/settings.json',
      JSON.stringify({ permissions: { allow: ['Bash(npm test:*)'], deny: ['WebFetch'] } }),
    );
    const result = runCli(['validate'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(
      /: 0 tools, 0 prompts, 1 server, 1 agent, 2 permission rules from 3 source files checked$/,
    );
    expect(result.stdout).not.toContain('unknown-tool-binding');
    expect(result.code).toBe(0);
  });

  it('an unknown binding is a finding on the agent file with a suggestion', () => {
    write('.claude/agents/reviewer.md', '---\nname: reviewer\ntools: Read, Greb\n---\nReview.\n');
    const { findings } = json();
    const unknown = findings.filter((f) => f.code === 'unknown-tool-binding');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ path: '.claude/agents/reviewer.md', tool: 'claude:agents/reviewer' });
    expect(unknown[0]!.message).toContain('did you mean "Grep"?');
  });

  it('a binding to a server no source declares names the missing server', () => {
    write('.github/agents/triage.agent.md', "---\ntools: ['read', 'tracker/*']\n---\nTriage.\n");
    const { findings } = json();
    const unknown = findings.filter((f) => f.code === 'unknown-tool-binding');
    expect(unknown.map((f) => f.message)).toEqual([expect.stringContaining('whose MCP server no source')]);
  });

  it('bindings resolve through the repository servers: server/*, mcp__server__tool, a bare tool name', () => {
    write(
      '.vscode/mcp.json',
      JSON.stringify({ servers: { tracker: { type: 'http', url: 'https://t.example/mcp' } } }),
    );
    write(
      '.github/agents/triage.agent.md',
      "---\ntools: ['read', 'tracker/*', 'tracker/open_issue']\n---\nTriage.\n",
    );
    write('.claude/agents/t.md', '---\nname: t\ntools: mcp__tracker__open_issue, mcp__tracker\n---\nT.\n');
    const { findings } = json();
    expect(findings.filter((f) => f.code === 'unknown-tool-binding')).toEqual([]);
  });

  it('a registry prompt may bind a declared server whole', () => {
    write('.mcp.json', MCP_JSON);
    write('registry/prompts/p.md', '---\nversion: 1\ntools: ["files/*"]\n---\nHelp.\n');
    const { code, findings } = json();
    expect(findings.filter((f) => f.code === 'unknown-tool-binding')).toEqual([]);
    expect(code).toBe(0);
  });

  it('front matter that does not parse is an error naming the file; the rest is still checked', () => {
    write('.claude/agents/bad.md', '---\ntools: [Read\n---\nx\n');
    write('.claude/agents/ok.md', '---\nname: ok\ntools: Reed\n---\nx\n');
    const { code, findings } = json();
    expect(code).toBe(1);
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'source-parse', path: '.claude/agents/bad.md' }),
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'unknown-tool-binding', path: '.claude/agents/ok.md' }),
    );
  });

  it('a linked source file is refused, never followed', () => {
    write('elsewhere.json', MCP_JSON);
    symlinkSync(join(dir, 'elsewhere.json'), join(dir, '.mcp.json'));
    const { findings } = json();
    expect(findings).toContainEqual(expect.objectContaining({ code: 'symlink-refused', path: '.mcp.json' }));
  });

  it('ignores node_modules and .git: no client reads its config from there', () => {
    write('node_modules/pkg/.mcp.json', '{ not json');
    write('.git/x.agent.md', '---\ntools: 3\n---\n');
    const result = runCli(['validate'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'ok: 0 tools, 0 prompts checked\n', stderr: '' });
  });
});
