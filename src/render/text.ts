import type { ChalkInstance } from 'chalk';
import type { EvalDelta } from '../model/eval.js';
import { describePreexisting, isNewFinding } from '../core/plane/new-findings.js';
import type { ChangedFile, DiffReport, Finding, Flow, Radius } from '../model/types.js';
import { capList } from './cap-list.js';
import { revealLine as t } from './reveal.js';
import { summarizeReport } from './summary-line.js';
import { groupPaths, MAX_GROUP_AGENTS } from './path-groups.js';
import type { PathLine } from './path-groups.js';
import { floorLines } from './markdown-floor.js';
import { changedPromptText } from './prompt-texts.js';
import type { PromptTextLookup } from './prompt-texts.js';
import { colourRadius, fieldLines, MAX_ITEMS, toolAndServerLines } from './text-control.js';

export { colourRadius } from './text-control.js';

const STATUS_LETTER: Record<ChangedFile['status'], string> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R',
};

export interface TextReportOptions {
  /** also list the findings the base already had */
  allFindings?: boolean;
  /** prompt texts, for line diffs of changed prompts */
  promptTexts?: PromptTextLookup;
}

const MAX_FILES = 20;

/** The terminal view: a summary line, planes, each tool with its radius, new paths, the sign-off needed. */
export function renderTextReport(
  report: DiffReport,
  c: ChalkInstance,
  options: TextReportOptions = {},
): string {
  const out: string[] = [];
  const radius = (r: Radius | null) => colourRadius(r, c);
  out.push(c.bold(`agentgate diff  ${describeRef(report.base)} -> ${describeRef(report.head)}`));
  out.push(t(summarizeReport(report)), '');

  const data = report.planes.data;
  out.push(planeHeading('DATA PLANE', data.changed, data.files.length, data.reviewers, c));
  out.push(...fileLines(data.files, c));
  const prompts = capList(data.prompts, MAX_ITEMS);
  for (const prompt of prompts.shown) {
    // a client's agent file has no version: none is printed, none asked for
    const versioned = prompt.versionBefore !== null || prompt.versionAfter !== null;
    const version = versioned
      ? `  ${c.dim(`version ${prompt.versionBefore ?? '-'} -> ${prompt.versionAfter ?? '-'}`)}`
      : '';
    out.push(`    prompt ${t(prompt.id)}  ${prompt.change}${version}`);
    const text = changedPromptText(prompt, options.promptTexts);
    if (text) out.push(...fieldLines({ field: 'text', kind: 'changed', ...text }, c, { always: true }));
  }
  if (prompts.more > 0) out.push(c.dim(`    +${prompts.more} more prompts`));
  if (data.eval) out.push(...evalLines(data.eval, c));
  out.push('');

  const control = report.planes.control;
  out.push(planeHeading('CONTROL PLANE', control.changed, control.files.length, control.reviewers, c));
  out.push(...fileLines(control.files, c));
  out.push(...toolAndServerLines(control.tools, control.servers ?? [], c));
  const unmodelled = capList(control.unmodelled ?? [], MAX_ITEMS);
  if (unmodelled.shown.length > 0)
    out.push('', c.bold('  files no parser models (reviewed as write changes)'));
  for (const path of unmodelled.shown) out.push(`    ${t(path)}`);
  if (unmodelled.more > 0) out.push(c.dim(`    +${unmodelled.more} more files`));
  if (control.bindings.length > 0) out.push('', c.bold('  bindings'));
  const bindings = capList(control.bindings, MAX_ITEMS);
  for (const binding of bindings.shown) {
    const parts = [
      ...binding.added.map((n) => c.yellow(`+${t(n)}`)),
      ...binding.removed.map((n) => c.green(`-${t(n)}`)),
    ];
    out.push(`    ${t(binding.agent)}: ${parts.join(' ')}`);
  }
  if (bindings.more > 0) out.push(c.dim(`    +${bindings.more} more agents`));
  const rules = capList(control.permissions ?? [], MAX_ITEMS);
  if (rules.shown.length > 0) out.push('', c.bold('  permission rules'));
  for (const rule of rules.shown) {
    const sign =
      rule.kind === 'widened'
        ? c.yellow(rule.change === 'added' ? '+' : '-')
        : c.green(rule.change === 'added' ? '+' : '-');
    out.push(
      `    ${sign} ${t(rule.effect)} ${t(rule.rule)}  ${c.dim(`${t(rule.scope)} ${rule.kind} ${rule.radius}`)}`,
    );
  }
  if (rules.more > 0) out.push(c.dim(`    +${rules.more} more rules`));
  if (control.flows.added.length > 0) out.push('', c.bold('  new dangerous paths'));
  for (const line of groupPaths(control.flows.added, control, 'added'))
    out.push(`    ${c.red('!')} ${pathLine(line)}`);
  if (control.flows.removed.length > 0) out.push('', c.bold('  paths removed'));
  for (const line of groupPaths(control.flows.removed, control, 'removed'))
    out.push(`    ${c.green('-')} ${pathLine(line)}`);
  out.push('');
  out.push(...ungovernedLines(report.ungoverned ?? [], c));

  out.push(...findingLines(report.findings, options.allFindings === true, c));
  for (const waiver of report.waivers.applied)
    out.push(
      c.dim(
        t(
          `waived: ${waiver.code} on ${waiver.tool} until ${waiver.expires} (${waiver.owner}: ${waiver.reason})`,
        ),
      ),
    );

  for (const line of floorLines(report.floor)) out.push(c.dim(t(line)));
  out.push(c.bold('SIGN-OFF'));
  if (!control.changed) out.push('  no control-plane changes: no sign-off needed');
  else if (control.requiredSignoffs === 0)
    out.push(`  ${control.narrowingOnly ? 'narrowing only: ' : ''}no sign-off required`);
  else {
    const what = control.maxRadius ? `${radius(control.maxRadius)} change` : 'control-plane change';
    out.push(`  needs ${c.bold(String(control.requiredSignoffs))} sign-off(s) for a ${what}`);
  }
  out.push(`  digest ${control.digest}`);
  return `${out.join('\n')}\n`;
}

/** New findings (all with `allFindings`), capped; pre-existing ones counted on one line. */
function findingLines(findings: Finding[], all: boolean, c: ChalkInstance): string[] {
  const listed = capList(all ? findings : findings.filter(isNewFinding), MAX_ITEMS);
  const old = describePreexisting(findings);
  const out: string[] = [];
  if (listed.shown.length > 0) out.push(c.bold('FINDINGS'));
  for (const finding of listed.shown) {
    const mark = all && !isNewFinding(finding) ? c.dim(' (pre-existing)') : '';
    out.push(`  ${findingLine(finding, c)}${mark}`);
  }
  if (listed.more > 0)
    out.push(c.dim(`  +${listed.more} more findings (agentgate diff --format json lists all)`));
  if (old !== null) out.push(c.dim(`  ${old}${all ? '' : ' — list them with --all-findings'}`));
  if (out.length > 0) out.push('');
  return out;
}

function fileLines(files: ChangedFile[], c: ChalkInstance): string[] {
  const listed = capList(files, MAX_FILES);
  const out = listed.shown.map((file) => `  ${fileLine(file)}`);
  if (listed.more > 0) out.push(c.dim(`  +${listed.more} more files`));
  return out;
}

function evalLines(delta: EvalDelta, c: ChalkInstance): string[] {
  const { state, description } = delta.verdict;
  const colour = state === 'success' ? c.green : state === 'failure' ? c.red : c.yellow;
  const lines = [`  eval ${colour.bold(state)}: ${t(description)}`];
  for (const flip of delta.regressions.slice(0, 5)) lines.push(`    ${c.red('-')} regressed: ${t(flip.id)}`);
  for (const flip of delta.fixes.slice(0, 5)) lines.push(`    ${c.green('+')} fixed: ${t(flip.id)}`);
  return lines;
}

function planeHeading(
  title: string,
  changed: boolean,
  files: number,
  reviewers: string[],
  c: ChalkInstance,
): string {
  if (!changed) return `${c.bold(title)}  ${c.dim('no changes')}`;
  const who = reviewers.length > 0 ? `  reviewers ${t(reviewers.join(' '))}` : '';
  return `${c.bold(title)}  changed, ${files} file(s)${who}`;
}

const MAX_UNGOVERNED = 20;

/** Changed files in no plane: listed so that nothing changes unseen, but briefly (they gate nothing). */
function ungovernedLines(files: ChangedFile[], c: ChalkInstance): string[] {
  if (files.length === 0) return [];
  const more = files.length > MAX_UNGOVERNED ? [c.dim(`  … and ${files.length - MAX_UNGOVERNED} more`)] : [];
  return [
    c.bold(`UNGOVERNED (${files.length} changed file(s) in no plane)`),
    ...files.slice(0, MAX_UNGOVERNED).map((file) => `  ${fileLine(file)}`),
    ...more,
    '',
  ];
}

function fileLine(file: ChangedFile): string {
  return file.oldPath
    ? `${STATUS_LETTER[file.status]} ${t(file.oldPath)} -> ${t(file.path)}`
    : `${STATUS_LETTER[file.status]} ${t(file.path)}`;
}

/** One line of dangerous paths: a flow of one agent, or one cause and the agents it gives paths to. */
function pathLine(line: PathLine): string {
  if (line.kind === 'flow') return flowLine(line.flow);
  const { cause, kinds, agents } = line;
  const what =
    cause.kind === 'server'
      ? `server ${cause.name}${cause.source ? ` (${cause.source})` : ''}`
      : cause.kind === 'tool'
        ? `tool ${cause.name}`
        : `the new binding ${cause.name}`;
  const named = agents.slice(0, MAX_GROUP_AGENTS).join(', ');
  const more = agents.length > MAX_GROUP_AGENTS ? ` and ${agents.length - MAX_GROUP_AGENTS} more` : '';
  const unattributed = line.unattributed
    ? ' (unattributed: through a server their client does not declare)'
    : '';
  return t(`${kinds.join(', ')} through ${what} in ${agents.length} agents: ${named}${more}${unattributed}`);
}

export function flowLine(flow: Flow): string {
  // a path through a server the agent's client does not declare is kept, and said to be unattributed
  const unattributed = flow.unattributed ? ` (unattributed: ${flow.unattributed.join(', ')})` : '';
  return t(
    `${flow.kind} in ${flow.agent}: ${flow.sources.join(', ')} -> ${flow.sinks.join(', ')}${unattributed}`,
  );
}

function findingLine(finding: Finding, c: ChalkInstance): string {
  const level =
    finding.severity === 'error'
      ? c.red('error')
      : finding.severity === 'warning'
        ? c.yellow('warning')
        : c.dim('info');
  return `${level} ${t(finding.code)} ${c.dim(`${t(finding.path)}:${finding.line}`)} ${t(finding.message)}`;
}

function describeRef(ref: DiffReport['base']): string {
  return ref.sha ? `${t(ref.ref)} (${ref.sha.slice(0, 8)})` : t(ref.ref);
}
