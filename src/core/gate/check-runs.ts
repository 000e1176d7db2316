// The two gates as check runs (`--report checks|both`): the verdict in the title, the report in the
// text, and every finding with a file and line as an annotation. Pure: the adapter in src/github/ sends them.
import { createFindingPlanes } from '../plane/finding-planes.js';
import type { Config, Finding } from '../../model/types.js';
import type { GateStatuses, StatusPlan } from './types.js';

/** GitHub's limits: annotations per request, characters in `output.text`, `output.summary` and `output.title`. */
export const ANNOTATIONS_PER_REQUEST = 50;
export const MAX_CHECK_TEXT = 65_535;

export type AnnotationLevel = 'failure' | 'warning' | 'notice';

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
}

export interface CheckRunPlan {
  name: StatusPlan['context'];
  /** pending (waiting for sign-off or eval results) stays in progress: it has no conclusion yet */
  status: 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | null;
  title: string;
  summary: string;
  text: string;
  annotations: CheckAnnotation[];
}

const LEVEL: Record<Finding['severity'], AnnotationLevel> = {
  error: 'failure',
  warning: 'warning',
  info: 'notice',
};

/** A finding the base already had is marked so (`new: false`): it does not decide the gate. */
const isPreExisting = (finding: Finding): boolean => (finding as { new?: unknown }).new === false;

export function annotationOf(finding: Finding): CheckAnnotation | null {
  if (finding.path === '') return null;
  const line = Number.isInteger(finding.line) && finding.line > 0 ? finding.line : 1;
  const preExisting = isPreExisting(finding);
  return {
    path: finding.path,
    start_line: line,
    end_line: line,
    annotation_level: preExisting ? 'notice' : (LEVEL[finding.severity] ?? 'warning'),
    title: `${finding.code}${preExisting ? ' (pre-existing)' : ''}`,
    message: clipText(finding.message || finding.code, 4_000),
  };
}

/** Each plane's annotations: a finding goes to every plane whose gate it holds, as the statuses judge it. */
export function annotationsByPlane(
  findings: readonly Finding[],
  config: Config,
): { data: CheckAnnotation[]; control: CheckAnnotation[] } {
  const planesOf = createFindingPlanes(config);
  const out = { data: [] as CheckAnnotation[], control: [] as CheckAnnotation[] };
  for (const finding of findings) {
    const annotation = annotationOf(finding);
    if (!annotation) continue;
    for (const plane of planesOf(finding)) out[plane].push(annotation);
  }
  return out;
}

export interface CheckRunInput {
  statuses: GateStatuses;
  findings: readonly Finding[];
  config: Config;
  /** the report (Markdown); cut to GitHub's limit */
  text: string;
}

export function planCheckRuns(input: CheckRunInput): CheckRunPlan[] {
  const annotations = annotationsByPlane(input.findings, input.config);
  return [input.statuses.control, input.statuses.data].map((status) =>
    checkRunOf(
      status,
      annotations[status.context === 'agentgate/control-plane' ? 'control' : 'data'],
      input.text,
    ),
  );
}

/**
 * The check runs of a run that failed before it could judge (`error` statuses): a check run has no `error`
 * conclusion, so an error concludes `failure`. Posted over an earlier run's success, it is the latest run of
 * that name, the one a required check reads.
 */
export function errorCheckRuns(statuses: GateStatuses, text: string): CheckRunPlan[] {
  return [statuses.control, statuses.data].map((status) => checkRunOf(status, [], text));
}

function checkRunOf(status: StatusPlan, list: CheckAnnotation[], text: string): CheckRunPlan {
  const completed = status.state !== 'pending';
  return {
    name: status.context,
    status: completed ? 'completed' : 'in_progress',
    conclusion: completed ? (status.state === 'success' ? 'success' : 'failure') : null,
    title: clipText(`${status.state}: ${status.description}`, 1_000),
    summary: `**${status.state}** — ${status.description}\n\n${list.length} annotation(s) on changed files.`,
    text: clipText(text, MAX_CHECK_TEXT),
    annotations: list,
  };
}

/** Annotations in GitHub's batches: the first goes with the create, the rest with updates. */
export function annotationBatches(list: readonly CheckAnnotation[]): CheckAnnotation[][] {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < list.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(list.slice(i, i + ANNOTATIONS_PER_REQUEST));
  return batches.length > 0 ? batches : [[]];
}

/** Cut on a line (or code point) boundary, saying so, within `max` UTF-16 units. */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const notice = '\n\n… (cut: the full report is in the job summary and the report-json file)';
  let cut = text.slice(0, Math.max(0, max - notice.length));
  const newline = cut.lastIndexOf('\n');
  if (newline > cut.length / 2) cut = cut.slice(0, newline);
  // never leave half a surrogate pair
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}${notice}`;
}
