// readConfiguredServer: one entry of an MCP client config, refused (exit 2, one line) whenever it cannot be read
// as the client would read it.
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfiguredServer } from '../../src/cli/actions/mcp-config.js';
import { UsageError } from '../../src/errors.js';

let dir: string;

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-mcp-config-')));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function config(path: string, text: string): Promise<string> {
  await mkdir(join(dir, path, '..'), { recursive: true });
  await writeFile(join(dir, path), text);
  return path;
}

function refusal(file: string, name: string): string {
  try {
    readConfiguredServer(file, name, dir);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('readConfiguredServer', () => {
  it('finds the project folder from the path the format lives at', async () => {
    await config(
      'app/.vscode/mcp.json',
      '{ "servers": { "fs": { "command": "npx", "args": ["-y", "x@1"] } } }',
    );
    const found = readConfiguredServer('app/.vscode/mcp.json', 'fs', dir);
    expect(found.root).toBe(join(dir, 'app'));
    expect(found.server.transport).toMatchObject({ type: 'stdio', command: 'npx', args: ['-y', 'x@1'] });
  });

  it('escapes hostile names when it lists what the file has', async () => {
    await config('hostile/.mcp.json', JSON.stringify({ mcpServers: { 'a\u001b[31mred': { command: 'x' } } }));
    const message = refusal('hostile/.mcp.json', 'b');
    expect(message).not.toContain('\u001b');
    expect(message).toContain('\\u001b');
    expect(message.split('\n')).toHaveLength(1);
  });

  it.each([
    [
      'a duplicate entry',
      '{ "mcpServers": { "fs": { "command": "a" }, "fs": { "command": "b" } } }',
      /appears more than once/,
    ],
    [
      'a command that is not a string',
      '{ "mcpServers": { "fs": { "command": 7 } } }',
      /command must be a string/,
    ],
    ['an entry that is not an object', '{ "mcpServers": { "fs": "npx server" } }', /must be an object/],
    ['a top level that is a list', '[1, 2]', /top level must be an object/],
    ['an empty file', '', /\.mcp\.json:\d+: /],
  ])('refuses %s, naming the file', async (_, text, message) => {
    const file = await config(`case-${Math.random().toString(36).slice(2)}/.mcp.json`, text);
    const refused = refusal(file, 'fs');
    expect(refused).toMatch(message);
    expect(refused.startsWith(file)).toBe(true);
  });

  it('says so when a file at an unknown path holds no server at all', async () => {
    await config('notes.json', '{ "hello": "world" }');
    expect(refusal('notes.json', 'fs')).toContain('no format it reads finds a server in it');
  });
});
