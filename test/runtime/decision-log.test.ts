import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../src/core/intent/evaluate-intent.js';
import {
  DecisionLogDamaged,
  GENESIS_HASH,
  LogLineTooLong,
  MAX_LINE_BYTES,
  appendDecision,
  hashEntry,
  readDecisionLog,
  verifyDecisionLog,
} from '../../src/runtime/decision-log.js';
import type { LogEntry } from '../../src/runtime/decision-log.js';
import { summarizeDecisions } from '../../src/runtime/decision-report.js';

let dir: string;
let log: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'agentgate-log-'));
  log = join(dir, 'decisions.jsonl');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const allow: Decision = { decision: 'allow', tool: 'read_ticket', reasons: [], radius: 'read' };
const deny: Decision = {
  decision: 'deny',
  tool: 'delete_db_instance',
  reasons: [{ code: 'protected-target', message: 'prod' }],
  radius: 'irreversible',
};

async function writeEntries(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await appendDecision(log, {
      intent: { tool: 'read_ticket', args: { id: i } },
      decision: i % 2 ? deny : allow,
    });
  }
}

async function lines(): Promise<string[]> {
  return (await readFile(log, 'utf8')).trimEnd().split('\n');
}

async function rewrite(update: (entries: string[]) => string[]): Promise<void> {
  await writeFile(log, update(await lines()).join('\n') + '\n');
}

describe('decision log', () => {
  it('chains each entry to the one before, starting from the genesis hash', async () => {
    await writeEntries(3);
    const entries = (await lines()).map((line) => JSON.parse(line) as LogEntry);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prev).toBe(GENESIS_HASH);
    expect(entries[1]?.prev).toBe(entries[0]?.hash);
    expect(entries[2]?.prev).toBe(entries[1]?.hash);
    for (const entry of entries) expect(hashEntry(entry)).toBe(entry.hash);
    expect(Object.keys(entries[0] ?? {})).toEqual(['seq', 'time', 'prev', 'hash', 'intent', 'decision']);
    expect(await verifyDecisionLog(log)).toEqual({ kind: 'intact', entries: 3, head: entries[2]?.hash });
  });

  it('names the first edited line as a hash mismatch', async () => {
    await writeEntries(4);
    await rewrite((all) => all.map((line, i) => (i === 2 ? line.replace('"allow"', '"deny"') : line)));
    expect(await verifyDecisionLog(log)).toMatchObject({
      kind: 'tampered',
      line: 3,
      problem: 'line 3: hash mismatch',
    });
  });

  it('catches an edit whose hash was recomputed, on the next line', async () => {
    await writeEntries(4);
    await rewrite((all) =>
      all.map((line, i) => {
        if (i !== 1) return line;
        const entry = JSON.parse(line) as LogEntry;
        entry.decision = allow;
        entry.hash = hashEntry(entry);
        return JSON.stringify(entry);
      }),
    );
    expect(await verifyDecisionLog(log)).toMatchObject({
      line: 3,
      problem: 'line 3: prev does not match line 2',
    });
  });

  it('catches a deleted line and a line that is not JSON', async () => {
    await writeEntries(4);
    await rewrite((all) => all.filter((_, i) => i !== 1));
    expect(await verifyDecisionLog(log)).toMatchObject({ problem: 'line 2: prev does not match line 1' });
    await rm(log);
    await writeEntries(3);
    await rewrite((all) => all.map((line, i) => (i === 1 ? line.slice(0, 20) : line)));
    expect(await verifyDecisionLog(log)).toMatchObject({ problem: 'line 2: bad JSON' });
  });

  it('treats a forged first line as tampered', async () => {
    await writeEntries(1);
    await rewrite((all) =>
      all.map((line) => {
        const entry = JSON.parse(line) as LogEntry;
        entry.prev = 'f'.repeat(64);
        entry.hash = hashEntry(entry);
        return JSON.stringify(entry);
      }),
    );
    expect(await verifyDecisionLog(log)).toMatchObject({ problem: 'line 1: prev is not the genesis hash' });
  });

  it('refuses to extend a log whose last line is damaged', async () => {
    await writeEntries(2);
    await appendFile(log, '{"seq":3,"half a line');
    await expect(appendDecision(log, { intent: {}, decision: allow })).rejects.toBeInstanceOf(
      DecisionLogDamaged,
    );
  });

  it('keeps the chain intact under concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        appendDecision(log, { intent: { n: i }, decision: i % 3 ? allow : deny }),
      ),
    );
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'intact', entries: 25 });
  });

  it('treats an empty file as an intact empty log and a missing one as unreadable', async () => {
    await writeFile(log, '');
    expect(await verifyDecisionLog(log)).toEqual({ kind: 'intact', entries: 0, head: null });
    await expect(verifyDecisionLog(join(dir, 'missing.jsonl'))).rejects.toThrow();
  });
});

describe('decision log: order, head and key', () => {
  const reseal = (entry: LogEntry, key?: string): string => {
    entry.hash = hashEntry(entry, key);
    return JSON.stringify(entry);
  };

  /** Rewrites the whole chain from line `from` on, as someone who can recompute every hash would. */
  async function forge(edit: (entry: LogEntry, i: number) => void, key?: string): Promise<void> {
    const entries = (await lines()).map((line) => JSON.parse(line) as LogEntry);
    let prev = GENESIS_HASH;
    const out = entries.map((entry, i) => {
      edit(entry, i);
      entry.prev = prev;
      const line = reseal(entry, key);
      prev = entry.hash;
      return line;
    });
    await writeFile(log, out.join('\n') + '\n');
  }

  it('stamps entries in strictly rising time, even when the clock repeats or steps back', async () => {
    const at = new Date('2026-03-01T10:00:00.000Z');
    await appendDecision(log, { intent: {}, decision: allow }, at);
    await appendDecision(log, { intent: {}, decision: allow }, at);
    await appendDecision(log, { intent: {}, decision: allow }, new Date('2026-02-01T00:00:00.000Z'));
    const times = (await lines()).map((line) => (JSON.parse(line) as LogEntry).time);
    expect(times).toEqual([
      '2026-03-01T10:00:00.000Z',
      '2026-03-01T10:00:00.001Z',
      '2026-03-01T10:00:00.002Z',
    ]);
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'intact', entries: 3 });
  });

  it('fails a rechained log whose times go back or stand still, naming the line', async () => {
    await writeEntries(3);
    await forge((entry, i) => {
      if (i === 2) entry.time = '2020-01-01T00:00:00.000Z';
    });
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'tampered', line: 3 });
    const result = await verifyDecisionLog(log);
    expect(result.kind === 'tampered' && result.problem).toMatch(
      /^line 3: time 2020-01-01T00:00:00.000Z does not rise after line 2/,
    );
    await forge((entry, i) => {
      if (i === 1) entry.time = '2026-01-01T00:00:00.000Z';
      if (i === 2) entry.time = '2026-01-01T00:00:00.000Z';
      if (i === 0) entry.time = '2025-01-01T00:00:00.000Z';
    });
    expect(await verifyDecisionLog(log)).toMatchObject({ line: 3 });
  });

  it.each([
    ['a date without time', '2026-01-01'],
    ['a local time', '2026-01-01T00:00:00+02:00'],
    ['an impossible date', '2026-13-45T00:00:00.000Z'],
    ['not a time', 'yesterday'],
  ])('fails an entry whose time is %s', async (_label, time) => {
    await writeEntries(2);
    await forge((entry, i) => {
      if (i === 1) entry.time = time;
    });
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'tampered', line: 2 });
  });

  it('fails a rechained log whose seq is reordered', async () => {
    await writeEntries(3);
    await forge((entry, i) => {
      entry.seq = [1, 3, 2][i]!;
    });
    expect(await verifyDecisionLog(log)).toMatchObject({ problem: 'line 2: seq is 3, expected 2' });
  });

  it('with --head, proves nothing was cut from the end', async () => {
    await writeEntries(4);
    const full = await verifyDecisionLog(log);
    const head = full.kind === 'intact' ? full.head! : '';
    expect(await verifyDecisionLog(log, { head })).toMatchObject({ kind: 'intact', entries: 4 });
    expect(await verifyDecisionLog(log, { head: head.toUpperCase() })).toMatchObject({ kind: 'intact' });
    await rewrite((all) => all.slice(0, 3));
    // the shortened chain is intact on its own: only the head shows the cut
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'intact', entries: 3 });
    const cut = await verifyDecisionLog(log, { head });
    expect(cut).toMatchObject({ kind: 'tampered', line: 4, entries: 3 });
    expect(cut.kind === 'tampered' && cut.problem).toContain(`expected the log to end at head ${head}`);
    await writeFile(log, '');
    expect(await verifyDecisionLog(log, { head })).toMatchObject({ kind: 'tampered', line: 1 });
  });

  it('keys the chain with HMAC-SHA256: the same key verifies, no key or another key fails', async () => {
    const key = 'k3y-from-the-vault';
    for (let i = 0; i < 3; i++)
      await appendDecision(log, { intent: { i }, decision: allow }, new Date(), { key });
    const entries = (await lines()).map((line) => JSON.parse(line) as LogEntry);
    expect(entries[0]?.hash).toBe(hashEntry(entries[0]!, key));
    expect(entries[0]?.hash).not.toBe(hashEntry(entries[0]!));
    expect(await verifyDecisionLog(log, { key })).toMatchObject({ kind: 'intact', entries: 3 });
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'tampered', line: 1 });
    expect(await verifyDecisionLog(log, { key: 'another key' })).toMatchObject({ kind: 'tampered', line: 1 });
  });

  it('catches a keyed log rewritten by someone without the key, even with every hash recomputed', async () => {
    const key = 'secret';
    await appendDecision(log, { intent: {}, decision: deny }, new Date(), { key });
    await appendDecision(log, { intent: {}, decision: deny }, new Date(), { key });
    await forge((entry) => {
      entry.decision = allow;
    });
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'intact' });
    expect(await verifyDecisionLog(log, { key })).toMatchObject({ kind: 'tampered', line: 1 });
  });

  it('refuses to extend a keyed log without its key, and an unkeyed log with one', async () => {
    await appendDecision(log, { intent: {}, decision: allow }, new Date(), { key: 'a' });
    await expect(appendDecision(log, { intent: {}, decision: allow })).rejects.toBeInstanceOf(
      DecisionLogDamaged,
    );
    await expect(
      appendDecision(log, { intent: {}, decision: allow }, new Date(), { key: 'b' }),
    ).rejects.toBeInstanceOf(DecisionLogDamaged);
    await appendDecision(log, { intent: {}, decision: allow }, new Date(), { key: 'a' });
    expect(await verifyDecisionLog(log, { key: 'a' })).toMatchObject({ kind: 'intact', entries: 2 });
  });
});

describe('decision log: size', () => {
  it('refuses a line longer than the limit with LogLineTooLong naming the line, without buffering it', async () => {
    await writeEntries(2);
    const handle = await import('node:fs/promises').then((fs) => fs.open(log, 'a'));
    const block = Buffer.alloc(1024 * 1024, 0x61);
    for (let written = 0; written <= MAX_LINE_BYTES; written += block.length) await handle.write(block);
    await handle.write('\n');
    await handle.close();
    const error = await verifyDecisionLog(log).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogLineTooLong);
    expect((error as LogLineTooLong).line).toBe(3);
    await expect(readDecisionLog(log)).rejects.toBeInstanceOf(LogLineTooLong);
    // and the writer will not extend a log whose last line is past the limit
    await expect(appendDecision(log, { intent: {}, decision: allow })).rejects.toBeInstanceOf(
      DecisionLogDamaged,
    );
  });

  it('appends after a huge last line in time linear in that line', async () => {
    await writeEntries(1);
    const big = 'x'.repeat(12 * 1024 * 1024);
    await appendDecision(log, { intent: { big }, decision: allow });
    // counted, not timed (a shared machine makes any time limit flaky): the bytes searched for a line break
    let searched = 0;
    const lastIndexOf = Buffer.prototype.lastIndexOf;
    const spy = vi.spyOn(Buffer.prototype, 'lastIndexOf').mockImplementation(function (
      this: Buffer,
      ...args: unknown[]
    ) {
      searched += this.length;
      return lastIndexOf.apply(this, args as Parameters<Buffer['lastIndexOf']>);
    } as never);
    try {
      for (let i = 0; i < 3; i++) await appendDecision(log, { intent: { i }, decision: allow });
    } finally {
      spy.mockRestore();
    }
    // the first of these searches the 12 MiB line once (64 KiB at a time), the others only the short line before
    // them; re-scanning the growing tail on every chunk, as before, searched about 1.2 GB
    expect(searched).toBeGreaterThan(12 * 1024 * 1024);
    expect(searched).toBeLessThan(13 * 1024 * 1024);
    expect(await verifyDecisionLog(log)).toMatchObject({ kind: 'intact', entries: 5 });
  });

  it('refuses to write an entry past the line limit, leaving the log as it was', async () => {
    await writeEntries(1);
    const before = await readFile(log, 'utf8');
    const huge = '\u0001'.repeat(3 * 1024 * 1024); // 18 MiB once JSON-escaped
    await expect(appendDecision(log, { intent: { huge }, decision: allow })).rejects.toThrow(/line limit/);
    expect(await readFile(log, 'utf8')).toBe(before);
  });
});

describe('decision report', () => {
  it('counts decisions by tool and radius inside the window', async () => {
    const times = [
      '2026-01-01T00:00:00Z',
      '2026-01-02T00:00:00Z',
      '2026-01-03T00:00:00Z',
      '2026-01-04T00:00:00Z',
    ];
    for (const [i, time] of times.entries()) {
      await appendDecision(log, { intent: {}, decision: i === 1 ? deny : allow }, new Date(time));
    }
    const { entries, verification } = await readDecisionLog(log);
    const report = summarizeDecisions(entries, verification, {
      since: new Date('2026-01-02T00:00:00Z'),
      until: new Date('2026-01-04T00:00:00Z'),
    });
    expect(report.chain).toEqual({ intact: true, entries: 4 });
    expect(report.totals).toEqual({ allow: 1, deny: 1, 'needs-approval': 0, total: 2 });
    expect(report.tools).toEqual([
      {
        tool: 'delete_db_instance',
        radius: 'irreversible',
        allow: 0,
        deny: 1,
        'needs-approval': 0,
        total: 1,
        fired: 0,
      },
      { tool: 'read_ticket', radius: 'read', allow: 1, deny: 0, 'needs-approval': 0, total: 1, fired: 1 },
    ]);
    expect(report.radii.map((r) => r.radius)).toEqual(['irreversible', 'read']);
    expect(report.reasons).toEqual([{ code: 'protected-target', count: 1 }]);
  });

  it('reports a broken chain instead of passing the log off as intact', async () => {
    await writeEntries(3);
    await rewrite((all) =>
      all.map((line, i) => (i === 0 ? line.replace('read_ticket', 'read_tickets') : line)),
    );
    const { entries, verification } = await readDecisionLog(log);
    const report = summarizeDecisions(entries, verification);
    expect(report.chain).toMatchObject({ intact: false, problem: 'line 1: hash mismatch' });
    expect(report.totals.total).toBe(3);
  });
});
