import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/intents/', import.meta.url));
const TIMEOUT = 60_000;

let dir: string;
// a deployed copy of the fixture repository: inside this repository's work tree it would not be a top level
let REPO: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agentgate-intent-'));
  REPO = join(dir, 'repo');
  await cp(join(FIXTURES, 'repo'), REPO, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const check = (file: string, ...extra: string[]) =>
  runCli(['intent', 'check', join(FIXTURES, file), '--registry', REPO, ...extra], { cwd: dir });

describe('agentgate intent check', () => {
  it(
    'denies the seed incident with exit 1 and the SPEC 9 JSON',
    () => {
      const result = check('delete-prod.json', '--format', 'json');
      expect(result.code).toBe(1);
      const out = JSON.parse(result.stdout) as {
        decision: string;
        tool: string;
        reasons: { code: string; message: string }[];
      };
      expect(out.decision).toBe('deny');
      expect(out.tool).toBe('delete_db_instance');
      expect(out.reasons.map((r) => r.code)).toEqual(['protected-target']);
      expect(typeof out.reasons[0]?.message).toBe('string');
    },
    TIMEOUT,
  );

  it(
    'allows the staging clean-up with a change request, exit 0',
    () => {
      const result = check('delete-staging.json');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^allow\s+delete_db_instance/);
    },
    TIMEOUT,
  );

  it(
    'exits 1 on needs-approval',
    () => {
      const result = check('refund.json', '--format', 'json');
      expect(result.code).toBe(1);
      expect(JSON.parse(result.stdout)).toMatchObject({
        decision: 'needs-approval',
        reasons: [{ code: 'approval-required' }],
      });
    },
    TIMEOUT,
  );

  it(
    'reads the intent from stdin with -',
    () => {
      const input = JSON.stringify({ tool: 'read_ticket', args: { id: 'T-1' } });
      const result = runCli(['intent', 'check', '-', '--registry', REPO, '--format', 'json'], {
        cwd: dir,
        input,
      });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        decision: 'allow',
        tool: 'read_ticket',
        reasons: [],
      });
    },
    TIMEOUT,
  );

  it(
    'exits 2 on bad JSON, naming the file and line',
    () => {
      const result = check('bad-json.json');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/bad-json\.json:4: bad JSON/);
      expect(runCli(['intent', 'check', join(dir, 'nope.json'), '--registry', REPO], { cwd: dir }).code).toBe(
        2,
      );
    },
    TIMEOUT,
  );
});

describe('agentgate intent --log, verify-log and report', () => {
  it(
    'appends each decision to a chain that verifies, and names the first tampered line',
    async () => {
      const log = join(dir, 'decisions.jsonl');
      for (const file of ['delete-prod.json', 'delete-staging.json', 'refund.json'])
        check(file, '--log', log);
      const ok = runCli(['intent', 'verify-log', log], { cwd: dir });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('intact, 3 entries');

      const lines = (await readFile(log, 'utf8')).trimEnd().split('\n');
      const tampered = join(dir, 'tampered.jsonl');
      await writeFile(tampered, [lines[0], lines[2]].join('\n') + '\n');
      const bad = runCli(['intent', 'verify-log', tampered], { cwd: dir });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain('line 2: prev does not match line 1');

      const report = runCli(['intent', 'report', log, '--format', 'json'], { cwd: dir });
      expect(report.code).toBe(0);
      const summary = JSON.parse(report.stdout) as { tools: { tool: string; allow: number; deny: number }[] };
      expect(summary.tools).toEqual([
        expect.objectContaining({ tool: 'delete_db_instance', allow: 1, deny: 1, fired: 1 }),
        expect.objectContaining({ tool: 'issue_refund', 'needs-approval': 1, fired: 0 }),
      ]);
      const future = runCli(
        ['intent', 'report', log, '--since', '2999-01-01T00:00:00Z', '--format', 'json'],
        { cwd: dir },
      );
      expect((JSON.parse(future.stdout) as { totals: { total: number } }).totals.total).toBe(0);
      expect(runCli(['intent', 'report', log, '--since', 'yesterday'], { cwd: dir }).code).toBe(2);
    },
    TIMEOUT,
  );

  it(
    'refuses to record onto a log whose last line is damaged, exit 2',
    async () => {
      const log = join(dir, 'damaged.jsonl');
      await writeFile(log, '{"seq":1,"broken\n');
      const result = check('delete-staging.json', '--log', log);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('last line is not an intact entry');
    },
    TIMEOUT,
  );
});
