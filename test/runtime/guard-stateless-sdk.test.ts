import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_PATH } from '../helpers/run-cli.js';

// The guard between a real client and a real server of the 2.x SDK, which speaks the stateless 2026-07-28
// revision: no initialize, each request names its revision, each result says it is complete.
const NOTES_SERVER = fileURLToPath(new URL('../fixtures/mcp-stateless/notes-server.mjs', import.meta.url));
const TIMEOUT = 120_000;

let dir: string;
let repo: string;

beforeAll(async () => {
  expect(existsSync(CLI_PATH), 'build first: npm run build').toBe(true);
  dir = await realpath(await mkdtemp(join(tmpdir(), 'agentgate-guard-stateless-')));
  repo = join(dir, 'repo');
  await mkdir(join(repo, 'registry', 'tools'), { recursive: true });
  await mkdir(join(repo, 'registry', 'prompts'), { recursive: true });
  const byTitle = '{ type: object, required: [title], properties: { title: { type: string } } }';
  await writeFile(
    join(repo, 'registry', 'tools', 'notes.yaml'),
    `apiVersion: agentgate/v1
kind: McpServer
name: notes
transport: { type: stdio, command: node, args: [notes-server.mjs] }
tools:
  - name: read_note
    annotations: { readOnlyHint: true }
    inputSchema: ${byTitle}
  - name: tear_out_note
    annotations: { readOnlyHint: false, destructiveHint: true }
    inputSchema: ${byTitle}
`,
  );
  await writeFile(
    join(repo, 'registry', 'prompts', 'reader.md'),
    '---\nid: reader\nversion: 1\ntools: [notes.read_note]\n---\nYou read notes.\n',
  );
}, TIMEOUT);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const guardArgs = (log: string) => [
  CLI_PATH,
  'guard',
  '--registry',
  repo,
  '--server',
  'notes',
  '--agent',
  'reader',
  '--log',
  log,
  '--',
  process.execPath,
  NOTES_SERVER,
];

function text(result: unknown): string {
  const content = (result as { content?: { type: string; text?: string }[] }).content ?? [];
  return content.map((part) => part.text ?? '').join('\n');
}

async function decisions(log: string): Promise<string[]> {
  return (await readFile(log, 'utf8'))
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as { decision: { decision: string } }).decision.decision);
}

describe('guard between a 2026-07-28 client and server (2.x SDK)', () => {
  it(
    'serves a client pinned to the stateless revision: no initialize, each call judged on its own',
    async () => {
      const log = join(dir, 'pinned.jsonl');
      const [command, ...args] = [process.execPath, ...guardArgs(log)] as [string, ...string[]];
      const transport = new StdioClientTransport({ command, args, cwd: dir, stderr: 'pipe' });
      const sent: string[] = [];
      const send = transport.send.bind(transport);
      transport.send = (message: Parameters<typeof send>[0]) => {
        sent.push((message as { method?: string }).method ?? '');
        return send(message);
      };
      const client = new Client(
        { name: 'stateless-agent', version: '1' },
        { versionNegotiation: { mode: { pin: '2026-07-28' } } },
      );
      try {
        await client.connect(transport);
        expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
        const listed = await client.listTools();
        expect(listed.tools.map((tool) => tool.name)).toEqual(['read_note']);

        const read = await client.callTool({ name: 'read_note', arguments: { title: 'welcome' } });
        expect(read.isError).not.toBe(true);
        expect(text(read)).toBe('first page of the notebook');

        const torn = await client.callTool({ name: 'tear_out_note', arguments: { title: 'welcome' } });
        expect(torn.isError).toBe(true);
        expect(text(torn)).toContain('tool-not-bound');

        // refused means never forwarded: the note is still there
        const again = await client.callTool({ name: 'read_note', arguments: { title: 'welcome' } });
        expect(text(again)).toBe('first page of the notebook');
      } finally {
        await client.close();
      }
      expect(sent).not.toContain('initialize');
      expect(await decisions(log)).toEqual(['allow', 'deny', 'allow']);
    },
    TIMEOUT,
  );

  it(
    'still serves a client on the older revision after initialize, and refuses it a call before',
    async () => {
      const log = join(dir, 'legacy.jsonl');
      const [command, ...args] = [process.execPath, ...guardArgs(log)] as [string, ...string[]];
      const client = new Client({ name: 'legacy-agent', version: '1' });
      try {
        await client.connect(new StdioClientTransport({ command, args, cwd: dir, stderr: 'pipe' }));
        expect(client.getNegotiatedProtocolVersion()).not.toBe('2026-07-28');
        const read = await client.callTool({ name: 'read_note', arguments: { title: 'welcome' } });
        expect(text(read)).toBe('first page of the notebook');
      } finally {
        await client.close();
      }

      const raw = join(dir, 'raw.jsonl');
      const child = spawn(command, guardArgs(raw), { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
      try {
        const answer = new Promise<Record<string, unknown>>((resolve) => {
          createInterface({ input: child.stdout }).on('line', (line) => {
            const message = JSON.parse(line) as Record<string, unknown>;
            if (message.id === 1) resolve(message);
          });
        });
        const envelope = {
          'io.modelcontextprotocol/protocolVersion': '2025-11-25',
          'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
          'io.modelcontextprotocol/clientCapabilities': {},
        };
        const params = { name: 'read_note', arguments: { title: 'welcome' }, _meta: envelope };
        child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params })}\n`);
        expect((await answer).error).toMatchObject({ message: expect.stringContaining('before initialize') });
      } finally {
        child.kill();
      }
      expect(existsSync(raw)).toBe(false);
    },
    TIMEOUT,
  );
});
