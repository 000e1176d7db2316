import { mkdtemp, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/core/evaluate-intent.js';
import {
  DecisionLogDamaged,
  GENESIS_HASH,
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
