import { createReadStream } from 'node:fs';
import { open, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { Decision } from '../core/evaluate-intent.js';
import { buildEntry, checkLine, parseEntry } from './log-chain.js';
import type { LogEntry } from './log-chain.js';

export { GENESIS_HASH, hashEntry } from './log-chain.js';
export type { LogEntry } from './log-chain.js';

/** The log cannot be extended: its last line is not an intact entry. Appending would bury the damage. */
export class DecisionLogDamaged extends Error {}

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
  payload: { intent: unknown; decision: Decision },
  now: Date = new Date(),
): Promise<LogEntry> {
  const release = await acquireLock(`${file}.lock`);
  try {
    const handle = await open(file, 'a+');
    try {
      const { size } = await handle.stat();
      const tail = size === 0 ? undefined : await readTail(handle, size, file);
      const entry = buildEntry(tail?.entry, payload, now);
      const separator = tail && !tail.endsWithNewline ? '\n' : '';
      await handle.appendFile(`${separator}${JSON.stringify(entry)}\n`, 'utf8');
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

/** Streams the whole log and stops at the first broken line. Throws only when the file cannot be read. */
export async function verifyDecisionLog(file: string): Promise<LogVerification> {
  return (await scanLog(file, false)).verification;
}

/** Reads every entry and the chain's state in one pass (for `intent report`). */
export async function readDecisionLog(file: string): Promise<LogRead> {
  return scanLog(file, true);
}

async function scanLog(file: string, keepGoing: boolean): Promise<LogRead> {
  await stat(file); // a missing file is unreadable input, not an empty log
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const entries: LogEntry[] = [];
  let previous: LogEntry | undefined;
  let broken: { line: number; problem: string } | undefined;
  let line = 0;
  for await (const text of lines) {
    line++;
    const check = checkLine(text, line, previous);
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

/** Reads backwards to the start of the last line and checks that line is a self-consistent entry. */
async function readTail(handle: FileHandle, size: number, file: string): Promise<Tail> {
  const chunk = 64 * 1024;
  let end = size;
  let text = '';
  let endsWithNewline = false;
  for (;;) {
    const start = Math.max(0, end - chunk);
    const buffer = Buffer.alloc(end - start);
    await handle.read(buffer, 0, buffer.length, start);
    text = buffer.toString('utf8') + text;
    if (end === size) endsWithNewline = text.endsWith('\n');
    const body = endsWithNewline ? text.slice(0, -1) : text;
    const cut = body.lastIndexOf('\n');
    if (cut >= 0 || start === 0) {
      const check = parseEntry(body.slice(cut + 1));
      // only the entry's own hash can be checked here; its `prev` against the line before is verify-log's job
      if (check.kind === 'broken') {
        throw new DecisionLogDamaged(
          `decision log ${file}: the last line is not an intact entry (${check.problem}); run \`agentgate intent verify-log ${file}\``,
        );
      }
      const entry = check.entry;
      return { entry, endsWithNewline };
    }
    end = start;
  }
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
