import { readDecisionLog, verifyDecisionLog } from '../../runtime/decision-log.js';
import type { LogRead, LogVerification } from '../../runtime/decision-log.js';
import { summarizeDecisions } from '../../runtime/decision-report.js';
import { UsageError } from '../errors.js';
import type { IntentReportOptions } from '../commands/intent.js';
import { renderReportText, terminalChalk } from './intent-format.js';

/** `agentgate intent verify-log FILE`: 0 intact, 1 tampered (first broken line named), 2 unreadable. */
export async function runIntentVerifyLog(file: string): Promise<number> {
  const result = await readOrFail(file, verifyDecisionLog);
  if (result.kind === 'intact') {
    const head = result.head === null ? 'empty log' : `head ${result.head}`;
    process.stdout.write(`${file}: intact, ${result.entries} entries (${head})\n`);
    return 0;
  }
  process.stdout.write(`${file}: tampered: ${result.problem}\n`);
  return 1;
}

/** `agentgate intent report FILE`: who fired what over a window. */
export async function runIntentReport(file: string, options: IntentReportOptions): Promise<number> {
  const window = { since: parseTime('--since', options.since), until: parseTime('--until', options.until) };
  const read = await readOrFail(file, readDecisionLog);
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
