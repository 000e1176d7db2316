// What `check` leaves for later steps: the full JSON report and the SARIF in files (a job summary holds at most
// 1 MiB, an output line is no place for a report), and the figures an Action output can carry.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { GateStatuses, SignoffEvaluation } from '../core/gate/types.js';
import type { DiffReport, Flow, Radius } from '../model/types.js';
import type { GitHubEnv } from '../github/env.js';
import { writeFileAtomic } from '../load/write-file-atomic.js';
import { renderSarif } from '../render/sarif.js';
import { UsageError } from '../errors.js';

export interface CheckFigures {
  maxRadius: Radius | null;
  requiredSignoffs: number;
  signoffsPresent: number;
  flowsAdded: Flow[];
}

export function figuresOf(report: DiffReport, signoffs: SignoffEvaluation): CheckFigures {
  const control = report.planes.control;
  return {
    maxRadius: control.changed ? control.maxRadius : null,
    requiredSignoffs: control.changed ? signoffs.required : 0,
    signoffsPresent: signoffs.counted.length,
    flowsAdded: control.flows.added,
  };
}

export interface ReportFiles {
  reportJson: string | null;
  sarif: string | null;
}

/** Writes the files asked for; a path that cannot be written is bad input (exit 2), said in one line. */
export function writeReportFiles(
  cwd: string,
  paths: { reportJson?: string; sarif?: string },
  content: { report: DiffReport; statuses: GateStatuses; signoffs: SignoffEvaluation },
): ReportFiles {
  const out: ReportFiles = { reportJson: null, sarif: null };
  if (paths.reportJson) {
    const full = {
      ...content.report,
      gate: { statuses: content.statuses, signoffs: content.signoffs },
    };
    out.reportJson = writeTo(cwd, paths.reportJson, `${JSON.stringify(full, null, 2)}\n`);
  }
  if (paths.sarif) out.sarif = writeTo(cwd, paths.sarif, renderSarif(content.report.findings));
  return out;
}

function writeTo(cwd: string, path: string, text: string): string {
  const target = resolve(cwd, path);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, text);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return target;
}

/** Appends to the job summary; a summary that cannot be written is worth a warning, not a failed gate. */
export function writeSummary(env: GitHubEnv, summary: string, warn: (line: string) => void): void {
  if (!env.summaryPath) return;
  try {
    appendFileSync(env.summaryPath, `${summary}\n`);
  } catch (error) {
    warn(
      `agentgate: could not write the job summary: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
