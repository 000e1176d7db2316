import { createFindingPlanes } from '../plane/finding-planes.js';
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

export function planStatuses(input: StatusInput): GateStatuses {
  // errors the base already had do not hold this change: it did not bring them
  const errors = input.report.findings.filter((f) => f.severity === 'error' && isNewFinding(f));
  const planesOf = createFindingPlanes(input.config);
  const dataErrors = errors.filter((f) => planesOf(f).includes('data'));
  const controlErrors = errors.filter((f) => planesOf(f).includes('control'));
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
