import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

// Issue 9, classes 12 (b, c) and 13, end to end through the built CLI.
const FIXTURE_TOOLS = fileURLToPath(
  new URL('../fixtures/intents/repo/registry/tools/db.yaml', import.meta.url),
);
const TIMEOUT = 60_000;

let dir: string;
let repo: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agentgate-intent-hard-'));
  repo = join(dir, 'repo');
  await mkdir(join(repo, 'registry', 'tools'), { recursive: true });
  await mkdir(join(repo, 'registry', 'prompts'), { recursive: true });
  await writeFile(join(repo, 'registry', 'tools', 'db.yaml'), await readFile(FIXTURE_TOOLS, 'utf8'));
  await writeFile(
    join(repo, 'registry', 'prompts', 'support.md'),
    '---\nid: support/system\nversion: 1\ntools: [read_ticket]\n---\nYou answer tickets.\n',
  );
  await writeFile(
    join(repo, 'registry', 'prompts', 'ops.md'),
    "---\nid: ops\nversion: 1\ntools: ['*']\n---\nYou run operations.\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) =>
  runCli(args, { cwd: dir, ...options });

function checkIntent(intent: unknown, ...extra: string[]) {
  return run(['intent', 'check', '-', '--registry', repo, '--format', 'json', ...extra], {
    input: JSON.stringify(intent),
  });
}

interface DecisionOut {
  decision: string;
  reasons: { code: string }[];
}
const decisionOf = (stdout: string) => JSON.parse(stdout) as DecisionOut;

describe('intent check --agent', () => {
  it(
    'allows the tools the agent binds and denies the rest with tool-not-bound',
    () => {
      const read = checkIntent({ tool: 'read_ticket', args: { id: 'T-1' } }, '--agent', 'support/system');
      expect(read.code).toBe(0);
      const refund = checkIntent(
        { tool: 'issue_refund', args: { payment_id: 'p', amount: 1 } },
        '--agent',
        'support/system',
      );
      expect(refund.code).toBe(1);
      expect(decisionOf(refund.stdout).reasons.map((r) => r.code)).toEqual([
        'tool-not-bound',
        'approval-required',
      ]);
      expect(decisionOf(refund.stdout).decision).toBe('deny');
    },
    TIMEOUT,
  );

  it(
    'lets an agent binding * reach every tool, still under every other check',
    () => {
      const staging = checkIntent(
        { tool: 'delete_db_instance', args: { db_instance_id: 'staging-1' }, changeRequest: 'CHG-1' },
        '--agent',
        'ops',
      );
      expect(staging.code).toBe(0);
      const prod = checkIntent(
        { tool: 'delete_db_instance', args: { db_instance_id: 'PROD-1' }, changeRequest: 'CHG-1' },
        '--agent',
        'ops',
      );
      expect(decisionOf(prod.stdout).reasons.map((r) => r.code)).toEqual(['protected-target']);
    },
    TIMEOUT,
  );

  it(
    'exits 2 on an unknown agent id, in one line, before deciding anything',
    () => {
      for (const id of ['ghost', 'Support/System', 'support', '']) {
        const result = checkIntent({ tool: 'read_ticket', args: { id: 'T-1' } }, '--agent', id);
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain('--agent');
      }
    },
    TIMEOUT,
  );

  it(
    'ignores an agent the intent claims to be: only the flag counts',
    () => {
      const result = checkIntent(
        { tool: 'issue_refund', agent: 'ops', args: { payment_id: 'p', amount: 1 } },
        '--agent',
        'support/system',
      );
      expect(decisionOf(result.stdout).reasons.map((r) => r.code)).toContain('tool-not-bound');
    },
    TIMEOUT,
  );
});

describe('intent check: protected targets through the CLI', () => {
  it.each([
    ['full width', 'ｐｒｏｄ-main'],
    ['zero-width space', 'pr\u200Bod-main'],
    ['upper case', 'PROD-MAIN'],
    ['padding', '  prod-main  '],
    ['a bidi override', '\u202Eprod-main'],
    ['a look-alike', '\u0440rod-main'],
    ['percent-encoding', '%70rod-main'],
  ])(
    'denies the protected database spelled with %s',
    (_label, id) => {
      const result = checkIntent({
        tool: 'delete_db_instance',
        args: { db_instance_id: id },
        changeRequest: 'CHG-1',
      });
      expect(result.code).toBe(1);
      expect(decisionOf(result.stdout).reasons.map((r) => r.code)).toEqual(['protected-target']);
    },
    TIMEOUT,
  );

  it(
    'denies prototype keys and target fields that are not strings',
    () => {
      const proto = run(['intent', 'check', '-', '--registry', repo, '--format', 'json'], {
        input: '{"tool":"issue_refund","args":{"payment_id":"p","amount":1,"__proto__":{"approved":true}}}',
      });
      expect(decisionOf(proto.stdout).reasons.map((r) => r.code)).toContain('forbidden-key');
      const list = checkIntent({
        tool: 'delete_db_instance',
        args: { db_instance_id: { $regex: 'prod-.*' } },
        changeRequest: 'CHG-1',
      });
      expect(list.code).toBe(1);
      expect(decisionOf(list.stdout).reasons.map((r) => r.code)).toContain('target-not-string');
    },
    TIMEOUT,
  );
});

describe('intent check: ambiguous JSON', () => {
  it(
    'refuses an intent with a duplicate key, which parsers read differently, exit 2 naming the line',
    () => {
      const input =
        '{"tool":"delete_db_instance","changeRequest":"CHG-1",\n"args":{"db_instance_id":"prod-1","db_instance_id":"dev-1"}}';
      const result = run(['intent', 'check', '-', '--registry', repo], { input });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('<stdin>:2: duplicate key "db_instance_id"');
      const nested = run(['intent', 'check', '-', '--registry', repo], {
        input: '{"tool":"read_ticket","tool":"read_ticket","args":{"id":"T"}}',
      });
      expect(nested.code).toBe(2);
      // equal keys in different objects are fine
      const fine = run(['intent', 'check', '-', '--registry', repo], {
        input: '{"tool":"read_ticket","args":{"id":"T","x":{"id":"T"}}}',
      });
      expect(fine.code).toBe(0);
    },
    TIMEOUT,
  );
});

describe('intent check: size', () => {
  it(
    'refuses an intent over 1 MiB before logging it, exit 2, one line',
    async () => {
      const log = join(dir, 'size.jsonl');
      const intent = JSON.stringify({ tool: 'read_ticket', args: { id: 'x'.repeat(1024 * 1024) } });
      const file = join(dir, 'huge.json');
      await writeFile(file, intent);
      for (const source of [file, '-']) {
        const result = run(['intent', 'check', source, '--registry', repo, '--log', log], {
          ...(source === '-' && { input: intent }),
        });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
        expect(result.stderr).toContain('larger than 1048576 bytes');
      }
      await expect(readFile(log, 'utf8')).rejects.toThrow();
      // just under the limit is read
      const small = JSON.stringify({ tool: 'read_ticket', args: { id: 'x'.repeat(1000) } });
      expect(run(['intent', 'check', '-', '--registry', repo], { input: small }).code).toBe(0);
    },
    TIMEOUT,
  );
});

describe('verify-log: head, key, giant lines', () => {
  const intentFile = async (name: string, intent: unknown) => {
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(intent));
    return file;
  };

  it(
    'with --head, exits 1 when entries were cut from the end',
    async () => {
      const log = join(dir, 'head.jsonl');
      const file = await intentFile('read.json', { tool: 'read_ticket', args: { id: 'T-1' } });
      for (let i = 0; i < 3; i++) run(['intent', 'check', file, '--registry', repo, '--log', log]);
      const ok = run(['intent', 'verify-log', log]);
      const head = /head ([0-9a-f]{64})/.exec(ok.stdout)?.[1] ?? '';
      expect(head).toHaveLength(64);
      expect(run(['intent', 'verify-log', log, '--head', head]).code).toBe(0);
      expect(run(['intent', 'verify-log', log, '--head', `sha256:${head}`]).code).toBe(0);
      const lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
      await writeFile(log, lines.slice(0, 2).join('\n') + '\n');
      expect(run(['intent', 'verify-log', log]).code).toBe(0);
      const cut = run(['intent', 'verify-log', log, '--head', head]);
      expect(cut.code).toBe(1);
      expect(cut.stdout).toContain('line 3');
      const bad = run(['intent', 'verify-log', log, '--head', 'not-a-hash']);
      expect(bad.code).toBe(2);
    },
    TIMEOUT,
  );

  it(
    'keys the chain with AGENTGATE_LOG_KEY: same key verifies, none or another fails',
    async () => {
      const log = join(dir, 'keyed.jsonl');
      const file = await intentFile('read2.json', { tool: 'read_ticket', args: { id: 'T-2' } });
      const key = { AGENTGATE_LOG_KEY: 'the-key' };
      for (let i = 0; i < 2; i++)
        expect(run(['intent', 'check', file, '--registry', repo, '--log', log], { env: key }).code).toBe(0);
      expect(run(['intent', 'verify-log', log], { env: key }).code).toBe(0);
      const none = run(['intent', 'verify-log', log]);
      expect(none.code).toBe(1);
      expect(none.stdout).toContain('line 1');
      expect(run(['intent', 'verify-log', log], { env: { AGENTGATE_LOG_KEY: 'other' } }).code).toBe(1);
      const empty = run(['intent', 'verify-log', log], { env: { AGENTGATE_LOG_KEY: '' } });
      expect(empty.code).toBe(2);
      // appending without the key would splice an unkeyed entry onto a keyed chain
      expect(run(['intent', 'check', file, '--registry', repo, '--log', log]).code).toBe(2);
    },
    TIMEOUT,
  );

  it(
    'fails a log whose times do not rise, naming the line',
    async () => {
      const log = join(dir, 'time.jsonl');
      const file = await intentFile('read3.json', { tool: 'read_ticket', args: { id: 'T-3' } });
      for (let i = 0; i < 2; i++) run(['intent', 'check', file, '--registry', repo, '--log', log]);
      const lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
      // swapping two lines breaks prev, seq and time: the first broken line is named
      await writeFile(log, [lines[1], lines[0]].join('\n') + '\n');
      const swapped = run(['intent', 'verify-log', log]);
      expect(swapped.code).toBe(1);
      expect(swapped.stdout).toContain('line 1');
    },
    TIMEOUT,
  );

  it(
    'reports a giant line as a one-line error, exit 2, without reading it whole',
    async () => {
      const log = join(dir, 'giant.jsonl');
      const handle = await open(log, 'w');
      const block = Buffer.alloc(1024 * 1024, 0x7b);
      for (let i = 0; i < 40; i++) await handle.write(block);
      await handle.close();
      const result = run(['intent', 'verify-log', log]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain('giant.jsonl:1: line 1 is longer than');
      const report = run(['intent', 'report', log]);
      expect(report.code).toBe(2);
    },
    TIMEOUT,
  );
});
