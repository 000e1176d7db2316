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

  // SPEC 9 now: the registry folder form is the default layout's `registry` folder, never `tools/` found by chance
  it('accepts a directory that is itself the registry folder (named registry): its parent is the root', async () => {
    write('registry/tools/a.yaml', TOOL('tool_a'));
    write('registry/prompts/p.md', 'text\n');
    const registry = await loadRegistry(join(dir, 'registry'));
    expect(registry.tools.map((t) => t.source.path)).toEqual(['registry/tools/a.yaml']);
    expect(registry.prompts.map((p) => p.id)).toEqual(['p']);
  });

  it('never picks a folder because it exists: tools/ at the root is in no plane', async () => {
    write('tools/a.yaml', TOOL('tool_a'));
    write('prompts/p.md', 'text\n');
    const registry = await loadRegistry(dir);
    expect(registry.tools).toEqual([]);
    expect(registry.prompts).toEqual([]);
  });

  it("reads the config's plane paths, and nothing at the default paths the config moved away from", async () => {
    write(
      'agentgate.yaml',
      'version: 1\nplanes:\n  control:\n    paths: ["agents/**/*.tool.yaml"]\n  data:\n    paths: ["agents/text/**"]\n',
    );
    write('agents/x/a.tool.yaml', TOOL('tool_a'));
    write('agents/x/b.yaml', TOOL('not_governed'));
    write('agents/text/p.md', 'text\n');
    write('registry/tools/evil.yaml', TOOL('evil'));
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.name)).toEqual(['tool_a']);
    expect(registry.prompts.map((p) => p.id)).toEqual(['p']);
  });

  it("the registry folder form reads the parent's config", async () => {
    write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["registry/tools/live/**"]\n');
    write('registry/tools/live/a.yaml', TOOL('tool_a'));
    write('registry/tools/attic/b.yaml', TOOL('tool_b'));
    const registry = await loadRegistry(join(dir, 'registry'));
    expect(registry.tools.map((t) => t.name)).toEqual(['tool_a']);
  });

  it('refuses a config below the root with an error finding, and never reads its plane paths', async () => {
    write('registry/tools/a.yaml', TOOL('tool_a'));
    write(
      'registry/tools/nested/AgentGate.YML',
      'version: 1\nplanes:\n  control:\n    paths: ["shadow/**"]\n',
    );
    write('registry/agentgate.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["shadow/**"]\n');
    write('shadow/b.yaml', TOOL('tool_b'));
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.name)).toEqual(['tool_a']);
    const nested = registry.findings.filter((f) => f.code === 'config-below-root');
    expect(nested.map((f) => [f.path, f.severity])).toEqual([
      ['registry/agentgate.yaml', 'error'],
      ['registry/tools/nested/AgentGate.YML', 'error'],
    ]);
  });

  it('refuses a config it cannot read rather than falling back to the defaults', async () => {
    write('agentgate.yaml', 'version: 1\nplanes: [\n');
    write('registry/tools/a.yaml', TOOL('tool_a'));
    await expect(loadRegistry(dir)).rejects.toThrow('agentgate.yaml');
  });

  it('refuses paths holding control characters or separators, and loads nothing from them', async () => {
    for (const name of [
      'x\n.yaml',
      'y\r.yaml',
      'z\u2028.yaml',
      'w\u202e.yaml',
      'v\u0085.yaml',
      'u\u200b.yaml',
    ])
      write(`registry/tools/${name}`, TOOL(`t${name.charCodeAt(1)}`));
    write('registry/tools/ok.yaml', TOOL('ok'));
    write('registry/prompts/p\u2029.md', '---\ntools: [ok]\n---\nhi\n');
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.name)).toEqual(['ok']);
    expect(registry.prompts).toEqual([]);
    expect(registry.findings.map((f) => [f.code, f.severity])).toEqual(
      Array.from({ length: 7 }, () => ['path-refused', 'error']),
    );
  });

  it('skips .git even when the plane globs cover the whole tree', async () => {
    write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["**/*.tool.yaml"]\n');
    write('.git/x.tool.yaml', TOOL('hidden'));
    write('a/b.tool.yaml', TOOL('seen'));
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.name)).toEqual(['seen']);
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

describe('loadRegistry: names that are not what they seem', () => {
  it('refuses a file or folder whose name is not UTF-8, without opening it', async () => {
    mkdirSync(join(dir, 'registry/tools'), { recursive: true });
    const tools = Buffer.from(join(dir, 'registry/tools/'));
    writeFileSync(
      Buffer.concat([tools, Buffer.from([0x78, 0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]),
      TOOL('bad_name'),
    );
    mkdirSync(Buffer.concat([tools, Buffer.from([0x64, 0xfe])]));
    writeFileSync(
      Buffer.concat([tools, Buffer.from([0x64, 0xfe, 0x2f, 0x61, 0x2e, 0x79, 0x61, 0x6d, 0x6c])]),
      TOOL('in_bad_dir'),
    );
    write('registry/tools/ok.yaml', TOOL('ok'));
    const registry = await loadRegistry(dir);
    expect(registry.tools.map((t) => t.name)).toEqual(['ok']);
    expect(registry.findings.map((f) => [f.code, f.message.includes('U+FFFD')])).toEqual([
      ['path-refused', true],
      ['path-refused', true],
    ]);
  });

  it('refuses a folder with a newline in its name as a whole', async () => {
    write('registry/tools/a\nb/c.yaml', TOOL('hidden'));
    const registry = await loadRegistry(dir);
    expect(registry.tools).toEqual([]);
    expect(registry.findings.map((f) => [f.code, f.path])).toEqual([['path-refused', 'registry/tools/a\nb']]);
  });
});

describe('loadRegistry: globs that reach outside the root', () => {
  it('reads nothing outside the folder, whatever the config globs say', async () => {
    write('outside/tools/a.yaml', TOOL('outside_tool'));
    write('repo/agentgate.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["../outside/tools/**"]\n');
    const registry = await loadRegistry(join(dir, 'repo'));
    expect(registry.tools).toEqual([]);
  });
});

describe('loadRegistry: the config itself', () => {
  it('refuses a config that is a symbolic link', async () => {
    write('elsewhere.yaml', 'version: 1\nplanes:\n  control:\n    paths: ["x/**"]\n');
    symlinkSync(join(dir, 'elsewhere.yaml'), join(dir, 'agentgate.yaml'));
    await expect(loadRegistry(dir)).rejects.toThrow('must be a regular file');
  });
});

describe('loadRegistry and the commit reader agree', () => {
  it('keeps the servers a manifest declares, as a commit read does', async () => {
    write(
      'registry/tools/fs.yaml',
      'apiVersion: agentgate/v1\nkind: McpServer\nname: fs\ntools:\n  - name: read_file\n',
    );
    write('registry/tools/a.yaml', TOOL('tool_a'));
    const registry = await loadRegistry(dir);
    expect(registry.servers?.map((server) => server.name)).toEqual(['fs']);
    expect(registry.tools.map((tool) => tool.name)).toContain('tool_a');
  });

  it('leaves servers out when no file declares one', async () => {
    write('registry/tools/a.yaml', TOOL('tool_a'));
    expect((await loadRegistry(dir)).servers).toBeUndefined();
  });
});
