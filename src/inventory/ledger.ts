// The org's authority history: one hash-chained JSONL line per repository whose capability digest changed, in the
// same chain format as the decision log, so `agentgate intent verify-log` checks both.
import { appendFile, readFile } from 'node:fs/promises';
import { checkLine, GENESIS_HASH, hashLine } from '../runtime/log-chain.js';
import type { LogEntry, LogKey } from '../runtime/log-chain.js';
import type { Radius } from '../model/types.js';
import { UsageError } from '../errors.js';
import type { Inventory } from './types.js';

export interface LedgerLine {
  seq: number;
  time: string;
  repository: string;
  commit: string;
  digest: string;
  maxRadius: Radius;
  counts: Record<Radius, number>;
  prev: string;
  hash: string;
}

export interface Ledger {
  lines: LedgerLine[];
  /** each repository's latest line */
  latest: Map<string, LedgerLine>;
}

/** Reads and verifies a ledger; a missing file is an empty ledger, a broken chain refuses (fail closed). */
export async function readLedger(file: string, key: LogKey): Promise<Ledger> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], latest: new Map() };
    throw new UsageError(
      `${file}: cannot read the ledger (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const lines: LedgerLine[] = [];
  const latest = new Map<string, LedgerLine>();
  let previous: LogEntry | undefined;
  const rows = text.split('\n');
  if (rows.at(-1) === '') rows.pop();
  for (const [index, row] of rows.entries()) {
    const check = checkLine(row, index + 1, previous, key);
    if (check.kind === 'broken')
      throw new UsageError(
        `${file}: the ledger is broken (${check.problem}): nothing appended; run agentgate intent verify-log ${file}`,
      );
    previous = check.entry;
    const line = check.entry as unknown as LedgerLine;
    lines.push(line);
    latest.set(line.repository, line);
  }
  return { lines, latest };
}

/** The lines to append: one per inventory whose digest differs from its repository's latest line. */
export function ledgerLinesFor(
  ledger: Ledger,
  inventories: readonly Inventory[],
  now: Date,
  key: LogKey,
): LedgerLine[] {
  const out: LedgerLine[] = [];
  let last = ledger.lines.at(-1);
  for (const inventory of inventories) {
    if (ledger.latest.get(inventory.repository)?.digest === inventory.digest) continue;
    const lastTime = last === undefined ? Number.NaN : Date.parse(last.time);
    // time rises strictly, as verify-log demands: lines of one merge are a millisecond apart
    const at = Number.isNaN(lastTime) ? now.getTime() : Math.max(now.getTime(), lastTime + 1);
    const body = {
      seq: (last?.seq ?? 0) + 1,
      time: new Date(at).toISOString(),
      repository: inventory.repository,
      commit: inventory.commit,
      digest: inventory.digest,
      maxRadius: inventory.maxRadius,
      counts: { ...inventory.counts },
      prev: last?.hash ?? GENESIS_HASH,
    };
    const line: LedgerLine = { ...body, hash: hashLine(body, key) };
    out.push(line);
    last = line;
  }
  return out;
}

/** Appends in one write: a reader never sees half a merge's lines. */
export async function appendLedger(file: string, lines: readonly LedgerLine[]): Promise<void> {
  if (lines.length === 0) return;
  await appendFile(file, lines.map((line) => `${JSON.stringify(line)}\n`).join(''), 'utf8');
}
