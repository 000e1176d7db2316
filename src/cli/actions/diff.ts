import { Chalk } from 'chalk';
import { isUnreadableFinding } from '../../core/finding-codes.js';
import { compareRadius } from '../../core/radius.js';
import { isRadius } from '../../core/types.js';
import type { DiffReport } from '../../core/types.js';
import { computeDiff } from '../../load/compute-diff.js';
import { renderMarkdownReport } from '../../render/markdown.js';
import { renderSarif } from '../../render/sarif.js';
import { renderTextReport } from '../../render/text.js';
import { UsageError } from '../../errors.js';

export interface DiffOptions {
  base?: string;
  head?: string;
  format: 'text' | 'json' | 'markdown' | 'sarif';
  failOn?: string;
}

export async function runDiff(options: DiffOptions, cwd: string): Promise<number> {
  const failOn = parseFailOn(options.failOn);
  const { report } = await computeDiff({ cwd, base: options.base, head: options.head ?? null });
  const unreadable = report.findings.filter(isUnreadableFinding);
  const first = unreadable[0];
  if (first) {
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more; run agentgate validate)` : '';
    throw new UsageError(`${first.message}${more}`);
  }
  process.stdout.write(renderReport(report, options.format));
  const gateFailed =
    report.findings.some((finding) => finding.severity === 'error') ||
    report.planes.data.eval?.verdict.state === 'failure';
  return gateFailed || (failOn !== null && failOn(report)) ? 1 : 0;
}

function renderReport(report: DiffReport, format: DiffOptions['format']): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderMarkdownReport(report);
    case 'sarif':
      return renderSarif(report.findings);
    default: {
      const colour = process.env.NO_COLOR ? 0 : new Chalk().level;
      return renderTextReport(report, new Chalk({ level: colour }));
    }
  }
}

function parseFailOn(condition: string | undefined): ((report: DiffReport) => boolean) | null {
  if (condition === undefined) return null;
  if (condition === 'control') return (report) => report.planes.control.changed;
  if (condition === 'escalation') return (report) => report.planes.control.escalation;
  if (isRadius(condition)) {
    return (report) => {
      const reached = report.planes.control.maxRadius;
      return reached !== null && compareRadius(reached, condition) >= 0;
    };
  }
  throw new UsageError(
    `--fail-on: expected control, escalation or a radius (read, write, irreversible, privileged), got '${condition}'`,
  );
}
