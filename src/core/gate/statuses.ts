import { createPathClassification, createPathClassifier, holdsEveryPlane } from '../plane/classify-paths.js';
import { isEvalFinding } from '../../model/findings.js';
import { isNewFinding } from '../plane/new-findings.js';
import type { Config, DiffReport, Finding } from '../../model/types.js';
import { shortDigest } from './signoff-command.js';
import { PUSHERS_UNLINKED, UNSATISFIABLE } from './signoffs.js';
import { CONTROL_CONTEXT, DATA_CONTEXT, MAX_DESCRIPTION } from './types.js';
import type { GateStatuses, SignoffEvaluation, StatusPlan, StatusState } from './types.js';

/**
 * The behavioural verdict, when evals are configured: the results file is produced by an earlier CI step and
 * may not be there yet; when it is, its verdict against the baseline (from `agentgate eval-delta`'s core).
 */
export type EvalResultsState =
  'not-configured' | 'missing' | { state: 'success' | 'failure' | 'pending'; description: string };

export interface StatusInput {
  report: DiffReport;
  config: Config;
  signoffs: SignoffEvaluation;
  evalResults: EvalResultsState;
}

/** Which plane's gate a finding holds up: the plane its file falls in; anything about tool bindings is control. */
export function planeOfFinding(finding: Finding, classify: (path: string) => string): 'data' | 'control' {
  if (isEvalFinding(finding)) return 'data';
  const field = finding.field ?? '';
  if (finding.code === 'unknown-tool-binding' || field === 'tools' || field.startsWith('tools.'))
    return 'control';
  // a finding outside both planes gets the stricter gate
  return classify(finding.path) === 'data' ? 'data' : 'control';
}

export function planStatuses(input: StatusInput): GateStatuses {
  const classify = createPathClassifier(input.config);
  // errors the base already had do not hold this change: it did not bring them
  const errors = input.report.findings.filter((f) => f.severity === 'error' && isNewFinding(f));
  // an agent file of a client holds its text and its grants in one file: an error in it (one that does not
  // parse, a literal secret in its server block) holds both gates
  const classifyFully = createPathClassification(input.config);
  const isAgentFile = (path: string) => {
    const found = classifyFully(path);
    return found.kind === 'data' && found.source !== undefined;
  };
  const everyPlane = (f: Finding) => holdsEveryPlane(f) || isAgentFile(f.path);
  const dataErrors = errors.filter((f) => everyPlane(f) || planeOfFinding(f, classify) === 'data');
  const controlErrors = errors.filter((f) => everyPlane(f) || planeOfFinding(f, classify) === 'control');
  return {
    data: dataStatus(input, dataErrors),
    control: controlStatus(input, controlErrors),
  };
}

function dataStatus(input: StatusInput, errors: Finding[]): StatusPlan {
  const data = input.report.planes.data;
  if (errors.length > 0) return status(DATA_CONTEXT, 'failure', describeErrors(errors));
  if (!data.changed) return status(DATA_CONTEXT, 'success', 'no data-plane changes');
  if (input.evalResults === 'missing') {
    const file = input.config.planes.data.eval?.results ?? 'eval results';
    const untrusted = input.report.findings.some((f) => f.code === 'eval-results-untrusted');
    const why = untrusted ? ': the committed file is not trusted, CI must write it' : '';
    return status(DATA_CONTEXT, 'pending', `waiting for eval results (${file})${why}`);
  }
  if (typeof input.evalResults === 'object' && input.evalResults.state !== 'success') {
    return status(DATA_CONTEXT, input.evalResults.state, `evals: ${input.evalResults.description}`);
  }
  const evals = typeof input.evalResults === 'object' ? `; evals: ${input.evalResults.description}` : '';
  const summary = `${data.prompts.length} prompt(s) changed, ${data.files.length} file(s); checks passed`;
  return status(DATA_CONTEXT, 'success', `${summary}${evals}`);
}

function controlStatus(input: StatusInput, errors: Finding[]): StatusPlan {
  const control = input.report.planes.control;
  if (errors.length > 0) return status(CONTROL_CONTEXT, 'failure', describeErrors(errors));
  if (!control.changed) return status(CONTROL_CONTEXT, 'success', 'no control-plane changes');
  const { signoffs } = input;
  const digest = `digest ${shortDigest(control.digest)}`;
  const what = control.narrowingOnly ? 'narrowing' : `${control.maxRadius ?? 'control-plane'}`;
  if (!signoffs.satisfied) {
    const present = signoffs.counted.length > 0 ? `, ${signoffs.counted.length} present` : '';
    const unverifiable = signoffs.notes.some((n) => n.startsWith('team membership unverifiable'))
      ? '; team membership unverifiable (see comment)'
      : '';
    const unsatisfiable = signoffs.notes.some((n) => n.startsWith(UNSATISFIABLE))
      ? '; unsatisfiable: fewer signers than sign-offs'
      : '';
    const uncountable = signoffs.notes.some((n) => n.startsWith(PUSHERS_UNLINKED))
      ? '; uncountable: a commit maps to no GitHub account, push it again'
      : '';
    return status(
      CONTROL_CONTEXT,
      'pending',
      `needs ${signoffs.required} sign-off(s) for ${what} change (${digest})${present}${unverifiable}${unsatisfiable}${uncountable}`,
    );
  }
  if (signoffs.required === 0) {
    const why = control.narrowingOnly ? 'revocation only' : `${what} change`;
    return status(CONTROL_CONTEXT, 'success', `${why}: no sign-off required (${digest})`);
  }
  return status(
    CONTROL_CONTEXT,
    'success',
    `${signoffs.counted.length} of ${signoffs.required} sign-off(s) for ${what} change (${digest})`,
  );
}

function describeErrors(errors: Finding[]): string {
  const first = errors[0] as Finding;
  const more = errors.length > 1 ? ` (+${errors.length - 1} more)` : '';
  return `${first.code}: ${first.path}:${first.line}${more}`;
}

export function status(context: StatusPlan['context'], state: StatusState, description: string): StatusPlan {
  return { context, state, description: clipDescription(description) };
}

/** GitHub rejects descriptions over 140 characters; cut on a code-point boundary. */
export function clipDescription(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(oneLine);
  return chars.length <= MAX_DESCRIPTION ? oneLine : `${chars.slice(0, MAX_DESCRIPTION - 1).join('')}…`;
}
