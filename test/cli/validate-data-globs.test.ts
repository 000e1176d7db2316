import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';

// Source claims win over data globs, and `validate` says so: a data-plane glob that covers a client's file is
// broader than its author meant.

let dir: string;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

function findings(): Finding[] {
  const result = runCli(['validate', '--format', 'json'], { cwd: dir });
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
}

const covering = (list: Finding[]) => list.filter((finding) => finding.code === 'data-glob-covers-source');
const MCP_JSON = JSON.stringify({
  mcpServers: { files: { command: 'npx', args: ['-y', 'files-mcp@1.0.0'] } },
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-validate-data-globs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('validate warns when a data-plane glob covers a source path', () => {
  it('names the glob, the path and the config line, as a warning', () => {
    write('agentgate.yaml', 'version: 1\nplanes:\n  data:\n    paths: ["registry/prompts/**"]\n');
    write('registry/prompts/.mcp.json', MCP_JSON);
    write('registry/prompts/nested/.claude/settings.json', '{"permissions": {"allow": ["Bash"]}}\n');
    write('registry/prompts/help.md', '---\nversion: 1\n---\nHelp.\n');
    const found = covering(findings());
    expect(found.map((finding) => [finding.severity, finding.path, finding.line])).toEqual([
      ['warning', 'agentgate.yaml', 4],
      ['warning', 'agentgate.yaml', 4],
    ]);
    expect(found[0]!.message).toContain('"registry/prompts/**"');
    expect(found[0]!.message).toContain('"registry/prompts/.mcp.json"');
    expect(found[1]!.message).toContain('"registry/prompts/nested/.claude/settings.json"');
  });

  it('says nothing when the data globs cover prompts alone', () => {
    write('agentgate.yaml', 'version: 1\nplanes:\n  data:\n    paths: ["registry/prompts/**"]\n');
    write('registry/prompts/help.md', '---\nversion: 1\n---\nHelp.\n');
    write('.mcp.json', MCP_JSON);
    expect(covering(findings())).toEqual([]);
  });

  it('a broad custom data path over a whole tree warns once per client file it covers', () => {
    write('agentgate.yaml', 'version: 1\nplanes:\n  data:\n    paths: ["**/*.json", "docs/**"]\n');
    write('.cursor/mcp.json', MCP_JSON);
    write('docs/notes.md', 'notes\n');
    const found = covering(findings());
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"**/*.json"');
    expect(found[0]!.message).toContain('".cursor/mcp.json"');
  });
});
