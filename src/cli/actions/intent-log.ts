import { revealUnseen } from '../../text/reveal-unseen.js';
import { LogLineTooLong, readDecisionLog, verifyDecisionLog } from '../../runtime/decision-log.js';
import type { LogRead, LogVerification } from '../../runtime/decision-log.js';
import { summarizeDecisions } from '../../runtime/decision-report.js';
import { UsageError } from '../../errors.js';
import { renderReportText } from '../../render/decision.js';
import { terminalChalk } from './terminal-chalk.js';
import { logKeyFromEnvironment } from './intent-log-key.js';

export interface IntentReportOptions {
  since?: string;
  until?: string;
  format: 'text' | 'json';
}

export interface IntentVerifyOptions {
  head?: string;
}

/**
 * `agentgate intent verify-log FILE [--head HASH]`: 0 intact (and ending at HASH), 1 tampered (first broken
 * line named), 2 unreadable. The chain is checked under AGENTGATE_LOG_KEY when it is set.
 */
export async function runIntentVerifyLog(file: string, options: IntentVerifyOptions = {}): Promise<number> {
  // `sha256:` as digests are often written; the hash itself is what verify-log printed
  const head = options.head?.replace(/^sha256:/i, '');
  if (head !== undefined && !/^[0-9a-f]{64}$/i.test(head)) {
    throw new UsageError(
      `--head: expected the 64 hex digits verify-log prints, got '${revealUnseen(head.slice(0, 80))}'`,
    );
  }
  const key = logKeyFromEnvironment();
  const result = await readOrFail(file, (path) =>
    verifyDecisionLog(path, { key, ...(head !== undefined && { head }) }),
  );
  if (result.kind === 'intact') {
    const head = result.head === null ? 'empty log' : `head ${result.head}`;
    process.stdout.write(`${file}: intact, ${result.entries} entries (${head})\n`);
    return 0;
  }
  // the problem can quote a field of the log, which whoever tampered with it wrote
  process.stdout.write(`${file}: tampered: ${revealUnseen(result.problem)}\n`);
  return 1;
}

/** `agentgate intent report FILE`: who fired what over a window. */
export async function runIntentReport(file: string, options: IntentReportOptions): Promise<number> {
  const window = { since: parseTime('--since', options.since), until: parseTime('--until', options.until) };
  const key = logKeyFromEnvironment();
  const read = await readOrFail(file, (path) => readDecisionLog(path, { key }));
  const report = summarizeDecisions(read.entries, read.verification, window);
  process.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : renderReportText(report, terminalChalk()),
  );
  return 0;
}

async function readOrFail<T extends LogVerification | LogRead>(
  file: string,
  read: (file: string) => Promise<T>,
): Promise<T> {
  try {
    return await read(file);
  } catch (error) {
    if (error instanceof LogLineTooLong) throw new UsageError(`${file}:${error.line}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: cannot read${code ? ` (${code})` : ''}`);
  }
}

function parseTime(flag: string, value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    throw new UsageError(`${flag}: expected an ISO 8601 time, got '${value}'`);
  return time;
}
