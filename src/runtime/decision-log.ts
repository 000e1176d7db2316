import { open, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Decision } from '../core/intent/evaluate-intent.js';
import { buildEntry, checkLine, parseEntry } from './log-chain.js';
import type { BundleRecord, LogEntry, LogKey } from './log-chain.js';
import { MAX_LINE_BYTES, readLines } from './log-lines.js';

export { GENESIS_HASH, hashEntry } from './log-chain.js';
export type { BundleRecord, LogEntry, LogKey } from './log-chain.js';
export { LogLineTooLong, MAX_LINE_BYTES } from './log-lines.js';

/** The log cannot be extended: its last line is not an intact entry. Appending would bury the damage. */
export class DecisionLogDamaged extends Error {}

export interface LogOptions {
  /** `AGENTGATE_LOG_KEY`: the chain is HMAC-SHA256 under it */
  key?: LogKey;
}

export interface VerifyOptions extends LogOptions {
  /** the head hash shipped off the machine: the last entry must carry it, or entries were cut from the end */
  head?: string;
}

export type LogVerification =
  | { kind: 'intact'; entries: number; head: string | null }
  | { kind: 'tampered'; line: number; problem: string; entries: number };

export interface LogRead {
  verification: LogVerification;
  /** every line that parses as an entry, broken chain or not: a report still shows what the log claims */
  entries: LogEntry[];
}

const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

/**
 * Appends one decision to the hash-chained JSONL log at `file` (created when missing). Writers take
 * `<file>.lock` (O_EXCL), check that the last line is an intact entry, then write the new line with a single
 * O_APPEND write and fsync it, so concurrent guards and crashed writers cannot fork or splice the chain.
 */
export async function appendDecision(
  file: string,
  payload: { intent: unknown; decision: Decision; bundle?: BundleRecord },
  now: Date = new Date(),
  options: LogOptions = {},
): Promise<LogEntry> {
  const release = await acquireLock(`${file}.lock`);
  try {
    const handle = await open(file, 'a+');
    try {
      const { size } = await handle.stat();
      const tail = size === 0 ? undefined : await readTail(handle, size, file, options.key);
      const entry = buildEntry(tail?.entry, payload, now, options.key);
      const line = JSON.stringify(entry);
      // a line verify-log would refuse to read is not written: the caller does not act on an unlogged call
      if (Buffer.byteLength(line, 'utf8') >= MAX_LINE_BYTES)
        throw new Error(`the entry is longer than the log's line limit (${MAX_LINE_BYTES} bytes)`);
      const separator = tail && !tail.endsWithNewline ? '\n' : '';
      await handle.appendFile(`${separator}${line}\n`, 'utf8');
      await handle.sync();
      if (size === 0) await syncDirectory(dirname(file));
      return entry;
    } finally {
      await handle.close();
    }
  } finally {
    await release();
  }
}

/**
 * Streams the whole log and stops at the first broken line. With `head`, an intact chain must also end at that
 * hash. Throws only when the file cannot be read, or a line is longer than MAX_LINE_BYTES (LogLineTooLong).
 */
export async function verifyDecisionLog(file: string, options: VerifyOptions = {}): Promise<LogVerification> {
  const { verification } = await scanLog(file, false, options.key);
  if (verification.kind !== 'intact' || options.head === undefined) return verification;
  const head = options.head.toLowerCase();
  if (verification.head === head) return verification;
  const found =
    verification.head === null ? 'the log is empty' : `the last entry's hash is ${verification.head}`;
  return {
    kind: 'tampered',
    line: verification.entries + 1,
    problem: `line ${verification.entries + 1}: expected the log to end at head ${head}, but ${found} (entries were cut from the end, or the head is not this log's)`,
    entries: verification.entries,
  };
}

/**
 * The last entry of the log, or undefined for a missing or empty log. Only that line is read and checked against
 * its own hash (under `key`); a damaged last line throws DecisionLogDamaged, as an append would.
 */
export async function readLogHead(file: string, options: LogOptions = {}): Promise<LogEntry | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    return size === 0 ? undefined : (await readTail(handle, size, file, options.key)).entry;
  } finally {
    await handle.close();
  }
}

/** Reads every entry and the chain's state in one pass (for `intent report`). */
export async function readDecisionLog(file: string, options: LogOptions = {}): Promise<LogRead> {
  return scanLog(file, true, options.key);
}

async function scanLog(file: string, keepGoing: boolean, key: LogKey): Promise<LogRead> {
  await stat(file); // a missing file is unreadable input, not an empty log
  const entries: LogEntry[] = [];
  let previous: LogEntry | undefined;
  let broken: { line: number; problem: string } | undefined;
  let line = 0;
  for await (const text of readLines(file)) {
    line++;
    const check = checkLine(text, line, previous, key);
    if (check.kind === 'ok') {
      previous = check.entry;
      if (keepGoing) entries.push(check.entry);
      continue;
    }
    broken ??= { line, problem: check.problem };
    if (!keepGoing) break;
    const salvaged = salvage(text);
    if (salvaged) entries.push(salvaged);
    previous = salvaged;
  }
  const verification: LogVerification = broken
    ? { kind: 'tampered', line: broken.line, problem: broken.problem, entries: broken.line - 1 }
    : { kind: 'intact', entries: line, head: previous?.hash ?? null };
  return { verification, entries };
}

function salvage(text: string): LogEntry | undefined {
  try {
    const value = JSON.parse(text) as Partial<LogEntry> | null;
    return value && typeof value === 'object' && value.decision && typeof value.decision === 'object'
      ? (value as LogEntry)
      : undefined;
  } catch {
    return undefined;
  }
}

interface Tail {
  entry: LogEntry;
  endsWithNewline: boolean;
}

/**
 * Reads backwards to the start of the last line and checks that line is a self-consistent entry. Each byte of
 * the tail is read and searched once, and never more than MAX_LINE_BYTES of it, so appending after a huge line
 * costs what that line costs, once.
 */
async function readTail(handle: FileHandle, size: number, file: string, key: LogKey): Promise<Tail> {
  const chunk = 64 * 1024;
  const last = Buffer.alloc(1);
  await handle.read(last, 0, 1, size - 1);
  const endsWithNewline = last[0] === 0x0a;
  const lineEnd = endsWithNewline ? size - 1 : size;
  const chunks: Buffer[] = [];
  let start = lineEnd;
  for (;;) {
    if (lineEnd - start > MAX_LINE_BYTES) {
      throw new DecisionLogDamaged(
        `decision log ${file}: the last line is longer than ${MAX_LINE_BYTES} bytes; run \`agentgate intent verify-log ${file}\``,
      );
    }
    const from = Math.max(0, start - chunk);
    const buffer = Buffer.alloc(start - from);
    await handle.read(buffer, 0, buffer.length, from);
    const cut = buffer.lastIndexOf(0x0a);
    chunks.unshift(cut >= 0 ? buffer.subarray(cut + 1) : buffer);
    start = cut >= 0 ? from + cut + 1 : from;
    if (cut >= 0 || from === 0) break;
  }
  const check = parseEntry(Buffer.concat(chunks).toString('utf8'), key);
  // only the entry's own hash can be checked here; its `prev` against the line before is verify-log's job
  if (check.kind === 'broken') {
    const hint = key === undefined ? '' : ' (a log keyed with another key, or not keyed, cannot be extended)';
    throw new DecisionLogDamaged(
      `decision log ${file}: the last line is not an intact entry (${check.problem})${hint}; run \`agentgate intent verify-log ${file}\``,
    );
  }
  return { entry: check.entry, endsWithNewline };
}

async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return async () => {
        await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isStale(lockPath)) {
        // a writer that died holding the lock; its line (if any) is checked like any other tail
        await unlink(lockPath).catch(() => undefined);
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`decision log is locked by ${lockPath} (remove it if no writer is running)`);
      await new Promise((resolve) => setTimeout(resolve, 15 + Math.floor(Math.random() * 20)));
    }
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    return Date.now() - (await stat(lockPath)).mtimeMs > LOCK_STALE_MS;
  } catch {
    return false;
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // makes the new file's directory entry durable; not every platform lets a directory be opened
  try {
    const handle = await open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // best effort
  }
}
