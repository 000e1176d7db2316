import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../model/canonical-json.js';
import type { Decision } from '../core/intent/evaluate-intent.js';

/** One line of the decision log. `hash` covers every other field; `prev` chains it to the line before. */
export interface LogEntry {
  seq: number;
  time: string;
  prev: string;
  hash: string;
  intent: unknown;
  decision: Decision;
  /** the released bundle the decision was made under: its version at the head of the log refuses a rollback */
  bundle?: BundleRecord;
}

export interface BundleRecord {
  version: number;
  digest: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * The chain's key (`AGENTGATE_LOG_KEY`), or undefined for a plain sha256 chain. With a key, whoever can write
 * the log but does not hold the key cannot recompute the chain after an edit.
 */
export type LogKey = string | undefined;

/** Times as `Date.toISOString` writes them: one spelling per instant, so "rises" is a string comparison too. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * sha256 (hex) of the canonical JSON of the entry without its `hash` field; HMAC-SHA256 under `key` when the
 * chain is keyed.
 */
export function hashEntry(entry: Omit<LogEntry, 'hash'> | LogEntry, key?: LogKey): string {
  return hashLine(entry as unknown as Record<string, unknown>, key);
}

/** The chain's hash of any line agentgate writes (decision log, ledger): every field but `hash`. */
export function hashLine(line: Record<string, unknown>, key?: LogKey): string {
  const { hash: _hash, ...rest } = line;
  const digest = key === undefined ? createHash('sha256') : createHmac('sha256', key);
  return digest.update(canonicalJson(rest), 'utf8').digest('hex');
}

/**
 * The next entry after `last` (or the first one). The payload goes through a JSON round trip first so that
 * the hash covers exactly what a reader will parse back (undefined dropped, -0 -> 0, and so on). Time rises
 * strictly: an entry in the same millisecond as the last one (or after the clock stepped back) is stamped one
 * millisecond after it, so a verifier can demand order without false alarms.
 */
export function buildEntry(
  last: { seq: number; hash: string; time: string } | undefined,
  payload: { intent: unknown; decision: Decision; bundle?: BundleRecord },
  time: Date,
  key?: LogKey,
): LogEntry {
  const plain = JSON.parse(JSON.stringify(payload)) as {
    intent?: unknown;
    decision: Decision;
    bundle?: BundleRecord;
  };
  const lastTime = last === undefined ? Number.NaN : Date.parse(last.time);
  const at = Number.isNaN(lastTime) ? time.getTime() : Math.max(time.getTime(), lastTime + 1);
  const body = {
    seq: (last?.seq ?? 0) + 1,
    time: new Date(at).toISOString(),
    prev: last?.hash ?? GENESIS_HASH,
    intent: plain.intent ?? null,
    decision: plain.decision,
    ...(plain.bundle !== undefined && { bundle: plain.bundle }),
  };
  const hash = hashEntry(body, key);
  return {
    seq: body.seq,
    time: body.time,
    prev: body.prev,
    hash,
    intent: body.intent,
    decision: body.decision,
    ...(body.bundle !== undefined && { bundle: body.bundle }),
  };
}

export type LineCheck = { kind: 'ok'; entry: LogEntry } | { kind: 'broken'; problem: string };

/** Parses one line and checks the entry against its own hash, without looking at its neighbours. */
export function parseEntry(text: string, key?: LogKey): LineCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'broken', problem: 'bad JSON' };
  }
  const shapeProblem = describeShapeProblem(parsed);
  if (shapeProblem) return { kind: 'broken', problem: shapeProblem };
  const entry = parsed as LogEntry;
  if (hashEntry(entry, key) !== entry.hash) {
    return { kind: 'broken', problem: key === undefined ? 'hash mismatch' : 'hash mismatch (under the key)' };
  }
  return { kind: 'ok', entry };
}

/**
 * Checks one line against the chain so far. Line numbers are 1-based and equal `seq`: a deleted or inserted
 * line shows up as a broken `prev` (and `seq`) on the line after it. `time` must rise strictly, so entries
 * cannot be reordered or back-dated even by someone who can recompute the chain.
 */
export function checkLine(
  text: string,
  line: number,
  previous: LogEntry | undefined,
  key?: LogKey,
): LineCheck {
  const parsed = parseEntry(text, key);
  if (parsed.kind === 'broken') return broken(line, parsed.problem);
  const entry = parsed.entry;
  if (previous === undefined && entry.prev !== GENESIS_HASH)
    return broken(line, 'prev is not the genesis hash');
  if (previous !== undefined && entry.prev !== previous.hash)
    return broken(line, `prev does not match line ${line - 1}`);
  if (entry.seq !== line) return broken(line, `seq is ${entry.seq}, expected ${line}`);
  if (!ISO_TIME.test(entry.time) || Number.isNaN(Date.parse(entry.time)))
    return broken(line, `time ${JSON.stringify(entry.time)} is not an ISO 8601 UTC time`);
  if (previous !== undefined && !(entry.time > previous.time))
    return broken(line, `time ${entry.time} does not rise after line ${line - 1} (${previous.time})`);
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
  if ('repository' in record) return describeLedgerProblem(record);
  if (!('intent' in record)) return 'not a log entry (no "intent")';
  const decision = record.decision as Record<string, unknown> | null | undefined;
  if (decision === null || typeof decision !== 'object' || typeof decision.decision !== 'string') {
    return 'not a log entry ("decision" is not a decision)';
  }
  return undefined;
}

/** A line of an inventory ledger: one repository's authority at a commit. */
function describeLedgerProblem(record: Record<string, unknown>): string | undefined {
  for (const key of ['repository', 'commit', 'digest', 'maxRadius'] as const)
    if (typeof record[key] !== 'string') return `not a ledger line ("${key}" is not a string)`;
  const counts = record.counts;
  if (counts === null || typeof counts !== 'object' || Array.isArray(counts))
    return 'not a ledger line ("counts" is not an object)';
  return undefined;
}
