import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegistry } from '../../src/load/load-registry.js';
import { runCli } from '../helpers/run-cli.js';

const EVERYTHING_SERVER = fileURLToPath(
  new URL('../../node_modules/@modelcontextprotocol/server-everything/dist/index.js', import.meta.url),
);
const FS_SERVER = fileURLToPath(
  new URL('../../node_modules/@modelcontextprotocol/server-filesystem/dist/index.js', import.meta.url),
);
const TIMEOUT = 120_000;
const everything = [process.execPath, EVERYTHING_SERVER, 'stdio'];

let dir: string;
let manifest: string;
let imported: string;

type ManifestTool = {
  name: string;
  inputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
};

async function editManifest(edit: (tools: ManifestTool[]) => void): Promise<string> {
  const doc = parse(imported) as { tools: ManifestTool[] };
  edit(doc.tools);
  const path = join(dir, `edited-${Math.random().toString(36).slice(2)}.yaml`);
  await writeFile(path, JSON.stringify(doc, null, 2));
  return path;
}

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-mcp-')));
  await mkdir(join(dir, 'registry', 'tools'), { recursive: true });
  manifest = join(dir, 'registry', 'tools', 'everything.yaml');
  const result = runCli(['mcp', 'import', '--name', 'everything', '--out', manifest, '--', ...everything], {
    cwd: dir,
  });
  expect(result.code, result.stderr).toBe(0);
  imported = await readFile(manifest, 'utf8');
}, TIMEOUT);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('agentgate mcp import', () => {
  it('writes a valid McpServer manifest with the whole tool contract and a radius comment per tool', async () => {
    const doc = parse(imported) as { kind: string; name: string; tools: ManifestTool[] };
    expect(doc.kind).toBe('McpServer');
    expect(doc.name).toBe('everything');
    const echo = doc.tools.find((tool) => tool.name === 'echo');
    expect(echo).toMatchObject({ inputSchema: { properties: { message: { type: 'string' } } } });
    expect(echo?.annotations).toMatchObject({ readOnlyHint: true });
    expect(imported).toMatch(/# radius: read .*\n\s+- name: echo\n/);
    const registry = await loadRegistry(dir);
    expect(registry.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(registry.tools.map((tool) => tool.name)).toContain('everything.echo');
  });

  it(
    'names the server from its own report when --name is not given',
    () => {
      const result = runCli(['mcp', 'import', '--', process.execPath, FS_SERVER, dir], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^name: secure-filesystem-server$/m);
      expect(result.stdout).toMatch(/# radius: irreversible .*\n\s+- name: move_file\n/);
    },
    TIMEOUT,
  );
});

describe('agentgate mcp verify', () => {
  it(
    'passes when the live server matches the manifest it was imported into',
    () => {
      const result = runCli(['mcp', 'verify', '--manifest', manifest, '--', ...everything], { cwd: dir });
      expect(result.stdout).toContain('no drift');
      expect(result.code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'fails on a changed inputSchema, naming the tool and the schema path',
    async () => {
      const edited = await editManifest((tools) => {
        const echo = tools.find((tool) => tool.name === 'echo')!;
        (echo.inputSchema as { properties: { message: { type: string } } }).properties.message.type =
          'number';
      });
      const result = runCli(['mcp', 'verify', '--manifest', edited, '--', ...everything], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('echo.inputSchema/properties/message/type: "number" -> "string"');
    },
    TIMEOUT,
  );

  it(
    'lists every difference: flipped annotations, removed and new tools',
    async () => {
      const edited = await editManifest((tools) => {
        const echo = tools.find((tool) => tool.name === 'echo')!;
        echo.annotations = { ...echo.annotations, readOnlyHint: false };
        const index = tools.findIndex((tool) => tool.name === 'get-sum');
        tools.splice(index, 1);
        tools.push({ name: 'retired_tool' });
      });
      const result = runCli(
        ['mcp', 'verify', '--manifest', edited, '--format', 'json', '--', ...everything],
        { cwd: dir },
      );
      expect(result.code).toBe(1);
      const out = JSON.parse(result.stdout) as {
        drift: boolean;
        differences: { tool: string; change: string; field?: string }[];
      };
      expect(out.drift).toBe(true);
      expect(out.differences).toEqual([
        expect.objectContaining({ tool: 'echo', change: 'changed', field: 'annotations/readOnlyHint' }),
        expect.objectContaining({ tool: 'get-sum', change: 'added' }),
        expect.objectContaining({ tool: 'retired_tool', change: 'removed' }),
      ]);
    },
    TIMEOUT,
  );

  it(
    'exits 2 on a manifest it cannot read',
    () => {
      const result = runCli(['mcp', 'verify', '--manifest', join(dir, 'missing.yaml'), '--', ...everything], {
        cwd: dir,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('missing.yaml');
    },
    TIMEOUT,
  );
});
