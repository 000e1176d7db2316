// `mcp import --from FILE --server NAME` and `mcp verify --from`: the server is started as the client config
// holds it, the manifest pins it under the entry's own name, and drift in how it is started is drift.
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRegistry } from '../../src/load/load-registry.js';
import { runCli } from '../helpers/run-cli.js';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const ENV_ECHO = fileURLToPath(new URL('../helpers/env-echo-server.mjs', import.meta.url));
const FS_SERVER = 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js';
const SECRET = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const TIMEOUT = 120_000;

let dir: string;
let manifest: string;
let imported: string;

async function writeConfig(path: string, value: unknown): Promise<string> {
  const full = join(dir, path);
  await mkdir(join(full, '..'), { recursive: true });
  await writeFile(full, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
}

const fsEntry = (root: string, extra: Record<string, unknown> = {}) => ({
  command: 'node',
  args: [FS_SERVER, root],
  ...extra,
});

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-mcp-from-')));
  // the config's relative path to the server resolves against the project folder, as a client resolves it
  await symlink(NODE_MODULES, join(dir, 'node_modules'));
  await mkdir(join(dir, 'registry', 'tools'), { recursive: true });
  await mkdir(join(dir, 'data'));
  await writeConfig('.mcp.json', {
    mcpServers: {
      fs: fsEntry('data', { env: { GITHUB_TOKEN: SECRET } }),
      docs: { type: 'http', url: 'https://docs.example.com/mcp' },
    },
  });
  manifest = join(dir, 'registry', 'tools', 'fs.yaml');
  const result = runCli(['mcp', 'import', '--from', '.mcp.json', '--server', 'fs', '--out', manifest], {
    cwd: dir,
    env: { GITHUB_TOKEN: 'from-the-environment-0000' },
  });
  expect(result.code, result.stderr).toBe(0);
  imported = await readFile(manifest, 'utf8');
}, TIMEOUT);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mcp import --from a client config', () => {
  it('names the manifest after the entry and writes the command as the config holds it', async () => {
    const doc = parse(imported) as {
      name: string;
      transport: Record<string, unknown>;
      tools: { name: string }[];
    };
    expect(doc.name).toBe('fs');
    expect(doc.transport).toEqual({ type: 'stdio', command: 'node', args: [FS_SERVER, 'data'] });
    expect(imported).not.toContain(dir);
    expect(doc.tools.map((tool) => tool.name)).toContain('read_text_file');
    const registry = await loadRegistry(dir);
    expect(registry.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(registry.tools.map((tool) => tool.name)).toContain('fs.read_text_file');
  });

  it('records the names of the credentials the config gives the server, never a value', () => {
    expect(parse(imported)).toMatchObject({ credentials: [{ name: 'GITHUB_TOKEN' }] });
    expect(imported).not.toContain(SECRET);
    expect(imported).not.toContain('from-the-environment');
  });

  it(
    'warns about a literal secret in the config without printing it',
    async () => {
      const result = runCli(['mcp', 'import', '--from', '.mcp.json', '--server', 'fs'], {
        cwd: dir,
        env: { GITHUB_TOKEN: '' },
      });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/warning: \.mcp\.json:\d+: .*GITHUB_TOKEN.*literal credential/);
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    },
    TIMEOUT,
  );

  it(
    'starts the server in the project folder with each credential taken from the environment, never the file',
    async () => {
      await writeConfig('envy/.mcp.json', {
        mcpServers: {
          envy: {
            command: 'node',
            args: [ENV_ECHO, 'GITHUB_TOKEN', 'UNRELATED'],
            env: { GITHUB_TOKEN: SECRET },
          },
        },
      });
      const result = runCli(['mcp', 'import', '--from', 'envy/.mcp.json', '--server', 'envy'], {
        cwd: dir,
        env: { GITHUB_TOKEN: 'from-the-environment-1111', UNRELATED: 'not-for-the-server' },
      });
      expect(result.code, result.stderr).toBe(0);
      const description = (parse(result.stdout) as { tools: { description: string }[] }).tools[0]
        ?.description;
      expect(description).toBe(
        `GITHUB_TOKEN=from-the-environment-1111 UNRELATED=(unset) cwd=${join(dir, 'envy')}`,
      );
      expect(result.stdout + result.stderr).not.toContain(SECRET);
    },
    TIMEOUT,
  );

  it(
    "reads VS Code's servers map and keeps ${workspaceFolder} in the manifest while resolving it to start",
    async () => {
      await writeConfig('.vscode/mcp.json', {
        servers: { files: { type: 'stdio', command: 'node', args: [FS_SERVER, '${workspaceFolder}/data'] } },
      });
      const result = runCli(['mcp', 'import', '--from', '.vscode/mcp.json', '--server', 'files'], {
        cwd: dir,
      });
      expect(result.code, result.stderr).toBe(0);
      expect(parse(result.stdout)).toMatchObject({
        name: 'files',
        transport: { command: 'node', args: [FS_SERVER, '${workspaceFolder}/data'] },
      });
      expect(result.stdout).not.toContain(dir);
    },
    TIMEOUT,
  );

  it(
    'reads a Codex config.toml from another folder, resolving the relative path against its project',
    async () => {
      await writeConfig(
        'nested/.codex/config.toml',
        `[mcp_servers.files]\ncommand = "node"\nargs = ["../${FS_SERVER}", "."]\n`,
      );
      const result = runCli(['mcp', 'import', '--from', 'nested/.codex/config.toml', '--server', 'files'], {
        cwd: dir,
      });
      expect(result.code, result.stderr).toBe(0);
      expect(parse(result.stdout)).toMatchObject({ transport: { args: [`../${FS_SERVER}`, '.'] } });
    },
    TIMEOUT,
  );

  it(
    'notes absolute paths typed after -- (a pin that only verifies on this machine), never for --from',
    () => {
      const typed = runCli(['mcp', 'import', '--name', 'fs', '--', 'node', join(dir, FS_SERVER), 'data'], {
        cwd: dir,
      });
      expect(typed.code, typed.stderr).toBe(0);
      expect(typed.stderr).toContain('the manifest pins 1 absolute path(s) of this machine');
      const configured = runCli(['mcp', 'import', '--from', '.mcp.json', '--server', 'fs'], { cwd: dir });
      expect(configured.stderr).not.toContain('absolute path');
    },
    TIMEOUT,
  );

  it('refuses an entry the config does not declare: exit 2, one line naming the file and its servers', () => {
    const result = runCli(['mcp', 'import', '--from', '.mcp.json', '--server', 'github'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      "agentgate: .mcp.json: no server named 'github' (it has 'fs', 'docs')",
    ]);
  });

  it('refuses a config that does not parse, naming file and line', async () => {
    await writeConfig('broken/.mcp.json', '{\n  "mcpServers": {\n    "fs": { "command": "node", }\n');
    const result = runCli(['mcp', 'import', '--from', 'broken/.mcp.json', '--server', 'fs'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^agentgate: broken\/\.mcp\.json:\d+: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses an unreadable config, an entry name no manifest can carry, and contradictory options', async () => {
    expect(
      runCli(['mcp', 'import', '--from', 'missing.json', '--server', 'fs'], { cwd: dir }).stderr,
    ).toContain('missing.json: cannot read (ENOENT)');
    await writeConfig('upper/.mcp.json', { mcpServers: { 'My Server': fsEntry('.') } });
    const upper = runCli(['mcp', 'import', '--from', 'upper/.mcp.json', '--server', 'My Server'], {
      cwd: dir,
    });
    expect(upper.code).toBe(2);
    expect(upper.stderr).toContain("--server 'My Server': not usable as a manifest name");
    for (const args of [
      ['--from', '.mcp.json'],
      ['--server', 'fs'],
      ['--from', '.mcp.json', '--server', 'fs', '--name', 'other'],
      ['--from', '.mcp.json', '--server', 'fs', '--', 'node', 'x.js'],
      ['--from', '.mcp.json', '--server', 'fs', '--header', 'X-Key=env:HOME'],
    ]) {
      const result = runCli(['mcp', 'import', ...args], { cwd: dir });
      expect(result.code, args.join(' ')).toBe(2);
    }
  });

  it('refuses an entry with a ${input:…} it cannot prompt for, naming the reference', async () => {
    await writeConfig('inputs/.vscode/mcp.json', {
      inputs: [{ id: 'root', type: 'promptString', description: 'root' }],
      servers: { files: { command: 'node', args: [FS_SERVER, '${input:root}'] } },
    });
    const result = runCli(['mcp', 'import', '--from', 'inputs/.vscode/mcp.json', '--server', 'files'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'${input:root}' is a value VS Code prompts for");
  });
});

describe('mcp verify compares how the server is started', () => {
  it(
    'passes against the config it was imported from',
    () => {
      const result = runCli(
        ['mcp', 'verify', '--manifest', manifest, '--from', '.mcp.json', '--server', 'fs'],
        {
          cwd: dir,
        },
      );
      expect(result.stdout).toContain('no drift');
      expect(result.code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'reports drift in the arguments only: the same server pointed at another root',
    async () => {
      await mkdir(join(dir, 'elsewhere'), { recursive: true });
      // the same tools, another root
      await writeConfig('moved/.mcp.json', {
        mcpServers: { fs: { command: 'node', args: [`../${FS_SERVER}`, '../elsewhere'] } },
      });
      const result = runCli(
        [
          'mcp',
          'verify',
          '--manifest',
          manifest,
          '--from',
          'moved/.mcp.json',
          '--server',
          'fs',
          '--format',
          'json',
        ],
        { cwd: dir },
      );
      expect(result.code, result.stderr).toBe(1);
      const out = JSON.parse(result.stdout) as { transport: { field: string }[]; differences: unknown[] };
      expect(out.transport.map((difference) => difference.field)).toEqual(['transport.args']);
      expect(out.differences).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'reports another root given after -- (it used to say "no drift")',
    () => {
      const result = runCli(
        ['mcp', 'verify', '--manifest', manifest, '--', 'node', join(dir, FS_SERVER), join(dir, 'data')],
        { cwd: dir },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('transport.args: ');
      expect(result.stdout).not.toContain('transport.command');
    },
    TIMEOUT,
  );

  it(
    'reports a config entry whose name differs from the manifest',
    async () => {
      await writeConfig('renamed/.mcp.json', {
        mcpServers: { files: { command: 'node', args: [`../${FS_SERVER}`, '../data'] } },
      });
      const result = runCli(
        ['mcp', 'verify', '--manifest', manifest, '--from', 'renamed/.mcp.json', '--server', 'files'],
        { cwd: dir },
      );
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('name: the config entry "files" is not the manifest\'s "fs"');
    },
    TIMEOUT,
  );
});
