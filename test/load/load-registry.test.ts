import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, loadRegistry, readRegistrySources } from '../../src/load/load-registry.js';

let dir: string;

function write(path: string, text: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const TOOL = (name: string) => `apiVersion: agentgate/v1\nkind: Tool\nname: ${name}\neffect: read\n`;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-load-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('loadRegistry', () => {
  it('reads tools (yaml, yml, json) and prompts from registry/ under the directory, nested folders included', async () => {
    write('registry/tools/a.yaml', TOOL('tool_a'));
    write('registry/tools/deep/b.yml', TOOL('tool_b'));
    write('registry/tools/c.json', '{"apiVersion":"agentgate/v1","kind":"Tool","name":"tool_c"}');
    write('registry/tools/README.md', '# not a manifest\n');
    write('registry/prompts/support/system.md', '---\nversion: 1\ntools: [tool_a]\n---\nHello\n');
    write('registry/prompts/examples.jsonl', '{}\n');
    const registry = await loadRegistry(dir);
    expect(registry.findings).toEqual([]);
    expect(registry.tools.map((t) => [t.name, t.source.path])).toEqual([
      ['tool_a', 'registry/tools/a.yaml'],
      ['tool_c', 'registry/tools/c.json'],
      ['tool_b', 'registry/tools/deep/b.yml'],
    ]);
    expect(registry.prompts.map((p) => p.id)).toEqual(['support/system']);
  });

  it('accepts a directory that is itself the registry folder', async () => {
    write('tools/a.yaml', TOOL('tool_a'));
    write('prompts/p.md', 'text\n');
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.source.path)).toEqual(['tools/a.yaml']);
    expect(registry.prompts.map((p) => p.id)).toEqual(['p']);
  });

  it('takes explicit tool and prompt folders', async () => {
    write('agents/tools/a.yaml', TOOL('tool_a'));
    write('agents/text/p.md', 'text\n');
    const registry = await loadRegistry(dir, { toolsPath: 'agents/tools', promptsPath: 'agents/text' });
    expect(registry.tools.map((t) => t.name)).toEqual(['tool_a']);
    expect(registry.prompts.map((p) => p.id)).toEqual(['p']);
  });

  it('refuses symbolic links, to files and to folders, with findings', async () => {
    write('outside/secret.yaml', TOOL('secret_tool'));
    write('registry/tools/a.yaml', TOOL('tool_a'));
    symlinkSync(join(dir, 'outside/secret.yaml'), join(dir, 'registry/tools/link.yaml'));
    symlinkSync(join(dir, 'outside'), join(dir, 'registry/tools/linked-dir'));
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.name)).toEqual(['tool_a']);
    expect(registry.findings.map((f) => [f.code, f.path, f.severity])).toEqual([
      ['symlink-refused', 'registry/tools/link.yaml', 'error'],
      ['symlink-refused', 'registry/tools/linked-dir', 'error'],
    ]);
  });

  it('refuses files over 1 MiB and files that are not UTF-8', async () => {
    write('registry/tools/big.yaml', `${TOOL('big')}# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
    write('registry/tools/latin1.yaml', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    const registry = await loadRegistry(dir);
    expect(registry.tools).toEqual([]);
    expect(registry.findings.map((f) => [f.code, f.path])).toEqual([
      ['file-too-large', 'registry/tools/big.yaml'],
      ['encoding', 'registry/tools/latin1.yaml'],
    ]);
  });

  it('passes parse findings through', async () => {
    write('registry/tools/a.yaml', 'apiVersion: agentgate/v1\nkind: Tool\nname: a\nname: b\n');
    const registry = await loadRegistry(dir);
    expect(registry.findings.map((f) => [f.code, f.line])).toEqual([['duplicate-key', 4]]);
  });

  it('gives each file the blob id git would give it', async () => {
    write('registry/prompts/empty.txt', '');
    const sources = await readRegistrySources(dir);
    expect(sources.files[0]!.oid).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
  });

  it('throws for a directory that does not exist', async () => {
    await expect(loadRegistry(join(dir, 'nope'))).rejects.toThrow('registry directory not found');
  });
});
