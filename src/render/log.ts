import type { ChalkInstance } from 'chalk';
import { isGateFileNoise } from '../core/history/log-entries.js';
import type { LogEntry, LogView } from '../core/history/log-entries.js';
import { revealLine } from './reveal.js';

/** One heading per commit (sha, date, author, subject), then one line per tool or prompt it changed. */
export function renderLogText(view: LogView, c: ChalkInstance): string {
  if (view.entries.length === 0) {
    return `${c.dim(view.plane === 'control' ? 'no control-plane changes in this history' : 'no data-plane changes in this history')}\n`;
  }
  const out: string[] = [];
  for (const item of foldNoise(view)) {
    if ('folded' in item) {
      out.push(c.dim(foldedLine(item.folded)));
      continue;
    }
    const entry = item;
    const who = revealLine(`${entry.author} <${entry.email}>`);
    out.push(
      `${c.yellow(entry.sha.slice(0, 8))} ${entry.date.slice(0, 10)} ${who}  ${c.bold(revealLine(entry.subject))}`,
    );
    for (const line of entry.lines) {
      const shown = revealLine(line);
      out.push(`    ${view.plane === 'control' ? colourLine(shown, c) : shown}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** Runs of two or more commits that only touched CI plumbing among the gate files, each folded to one line. */
function foldNoise(view: LogView): (LogEntry | { folded: LogEntry[] })[] {
  if (view.plane !== 'control') return view.entries;
  const out: (LogEntry | { folded: LogEntry[] })[] = [];
  let run: LogEntry[] = [];
  const flush = () => {
    if (run.length > 1) out.push({ folded: run });
    else out.push(...run);
    run = [];
  };
  for (const entry of view.entries) {
    if (isGateFileNoise(entry)) run.push(entry);
    else {
      flush();
      out.push(entry);
    }
  }
  flush();
  return out;
}

const MAX_FOLDED_PATHS = 5;

function foldedLine(run: LogEntry[]): string {
  const paths = [...new Set(run.flatMap((entry) => entry.files.map((file) => file.path)))].sort();
  const shown = paths.slice(0, MAX_FOLDED_PATHS).join(', ');
  const more = paths.length > MAX_FOLDED_PATHS ? ` and ${paths.length - MAX_FOLDED_PATHS} more` : '';
  const span = `${run[run.length - 1]!.sha.slice(0, 8)}..${run[0]!.sha.slice(0, 8)}`;
  return revealLine(
    `… ${run.length} commits (${span}) changed only CI files among the gate files, no authority (--authority leaves them out): ${shown}${more}`,
  );
}

/** Authority gained in red, given up in green. */
function colourLine(line: string, c: ChalkInstance): string {
  if (line.startsWith('added ') || line.includes(' widened') || line.includes('(escalation)'))
    return c.red(line);
  if (line.startsWith('removed ') || (line.includes(' narrowed') && !line.includes(' widened')))
    return c.green(line);
  return line;
}
