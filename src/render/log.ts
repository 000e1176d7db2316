import type { ChalkInstance } from 'chalk';
import type { LogView } from '../core/history/log-entries.js';
import { revealLine } from './reveal.js';

/** One heading per commit (sha, date, author, subject), then one line per tool or prompt it changed. */
export function renderLogText(view: LogView, c: ChalkInstance): string {
  if (view.entries.length === 0) {
    return `${c.dim(view.plane === 'control' ? 'no control-plane changes in this history' : 'no data-plane changes in this history')}\n`;
  }
  const out: string[] = [];
  for (const entry of view.entries) {
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

/** Authority gained in red, given up in green. */
function colourLine(line: string, c: ChalkInstance): string {
  if (line.startsWith('added ') || line.includes(' widened') || line.includes('(escalation)'))
    return c.red(line);
  if (line.startsWith('removed ') || (line.includes(' narrowed') && !line.includes(' widened')))
    return c.green(line);
  return line;
}
