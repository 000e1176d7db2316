import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/canonical-json.js';
import type { Decision } from '../core/evaluate-intent.js';

/** One line of the decision log. `hash` covers every other field; `prev` chains it to the line before. */
export interface LogEntry {
  seq: number;
  time: string;
  prev: string;
  hash: string;
  intent: unknown;
  decision: Decision;
}

export const GENESIS_HASH = '0'.repeat(64);

/** sha256 (hex) of the canonical JSON of the entry without its `hash` field. */
export function hashEntry(entry: Omit<LogEntry, 'hash'> | LogEntry): string {
  const { hash: _hash, ...rest } = entry as LogEntry;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * The next entry after `last` (or the first one). The payload goes through a JSON round trip first so that
 * the hash covers exactly what a reader will parse back (undefined dropped, -0 -> 0, and so on).
 */
export function buildEntry(
  last: { seq: number; hash: string } | undefined,
  payload: { intent: unknown; decision: Decision },
  time: Date,
): LogEntry {
  const plain = JSON.parse(JSON.stringify(payload)) as { intent?: unknown; decision: Decision };
  const body = {
    seq: (last?.seq ?? 0) + 1,
    time: time.toISOString(),
    prev: last?.hash ?? GENESIS_HASH,
    intent: plain.intent ?? null,
    decision: plain.decision,
  };
  const hash = hashEntry(body);
  return {
    seq: body.seq,
    time: body.time,
    prev: body.prev,
    hash,
    intent: body.intent,
    decision: body.decision,
  };
}

export type LineCheck = { kind: 'ok'; entry: LogEntry } | { kind: 'broken'; problem: string };

/** Parses one line and checks the entry against its own hash, without looking at its neighbours. */
export function parseEntry(text: string): LineCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'broken', problem: 'bad JSON' };
  }
  const shapeProblem = describeShapeProblem(parsed);
  if (shapeProblem) return { kind: 'broken', problem: shapeProblem };
  const entry = parsed as LogEntry;
  if (hashEntry(entry) !== entry.hash) return { kind: 'broken', problem: 'hash mismatch' };
  return { kind: 'ok', entry };
}

/**
 * Checks one line against the chain so far. Line numbers are 1-based and equal `seq`: a deleted or inserted
 * line shows up as a broken `prev` (and `seq`) on the line after it.
 */
export function checkLine(text: string, line: number, previous: LogEntry | undefined): LineCheck {
  const parsed = parseEntry(text);
  if (parsed.kind === 'broken') return broken(line, parsed.problem);
  const entry = parsed.entry;
  if (previous === undefined && entry.prev !== GENESIS_HASH)
    return broken(line, 'prev is not the genesis hash');
  if (previous !== undefined && entry.prev !== previous.hash)
    return broken(line, `prev does not match line ${line - 1}`);
  if (entry.seq !== line) return broken(line, `seq is ${entry.seq}, expected ${line}`);
  return parsed;
}

function broken(line: number, problem: string): LineCheck {
  return { kind: 'broken', problem: `line ${line}: ${problem}` };
}

function describeShapeProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return 'not a log entry (not an object)';
  const record = value as Record<string, unknown>;
  if (!Number.isInteger(record.seq)) return 'not a log entry ("seq" is not an integer)';
  for (const key of ['time', 'prev', 'hash'] as const) {
    if (typeof record[key] !== 'string') return `not a log entry ("${key}" is not a string)`;
  }
  if (!('intent' in record)) return 'not a log entry (no "intent")';
  const decision = record.decision as Record<string, unknown> | null | undefined;
  if (decision === null || typeof decision !== 'object' || typeof decision.decision !== 'string') {
    return 'not a log entry ("decision" is not a decision)';
  }
  return undefined;
}
