import type { ChalkInstance } from 'chalk';
import type { EvalDelta } from '../core/eval/types.js';
import type {
  ChangedFile,
  DiffReport,
  FieldChange,
  Finding,
  Flow,
  Radius,
  ServerChange,
  ToolChange,
} from '../core/types.js';
import { revealLine as t } from './reveal.js';

const STATUS_LETTER: Record<ChangedFile['status'], string> = {
  added: 'A',
  modified: 'M',
  deleted: 'D',
  renamed: 'R',
};
const CHANGE_SIGN: Record<ToolChange['change'], string> = {
  added: '+',
  removed: '-',
  modified: '~',
  renamed: '>',
};

/** The terminal view: planes first, then each tool with its radius, then new paths, then the sign-off needed. */
export function renderTextReport(report: DiffReport, c: ChalkInstance): string {
  const out: string[] = [];
  const radius = (r: Radius | null) => colourRadius(r, c);
  out.push(c.bold(`agentgate diff  ${describeRef(report.base)} -> ${describeRef(report.head)}`), '');

  const data = report.planes.data;
  out.push(planeHeading('DATA PLANE', data.changed, data.files.length, data.reviewers, c));
  for (const file of data.files) out.push(`  ${fileLine(file)}`);
  for (const prompt of data.prompts) {
    const version = `version ${prompt.versionBefore ?? '-'} -> ${prompt.versionAfter ?? '-'}`;
    out.push(`    prompt ${t(prompt.id)}  ${prompt.change}  ${c.dim(version)}`);
  }
  if (data.eval) out.push(...evalLines(data.eval, c));
  out.push('');

  const control = report.planes.control;
  out.push(planeHeading('CONTROL PLANE', control.changed, control.files.length, control.reviewers, c));
  for (const file of control.files) out.push(`  ${fileLine(file)}`);
  if (control.tools.length > 0) out.push('', c.bold('  tools'));
  for (const tool of control.tools) {
    out.push(`  ${changeLine(tool, '', c)}`);
    for (const change of tool.changes) out.push(`      ${fieldLine(change, c)}`);
  }
  const servers = control.servers ?? [];
  if (servers.length > 0) out.push('', c.bold('  servers'));
  for (const server of servers) {
    out.push(`  ${changeLine(server, `  ${c.dim(t(server.source))}`, c)}`);
    for (const change of server.changes) out.push(`      ${fieldLine(change, c)}`);
  }
  const unmodelled = control.unmodelled ?? [];
  if (unmodelled.length > 0) out.push('', c.bold('  files no parser models (reviewed as write changes)'));
  for (const path of unmodelled) out.push(`    ${t(path)}`);
  if (control.bindings.length > 0) out.push('', c.bold('  bindings'));
  for (const binding of control.bindings) {
    const parts = [
      ...binding.added.map((n) => c.yellow(`+${t(n)}`)),
      ...binding.removed.map((n) => c.green(`-${t(n)}`)),
    ];
    out.push(`    ${t(binding.agent)}: ${parts.join(' ')}`);
  }
  const rules = control.permissions ?? [];
  if (rules.length > 0) out.push('', c.bold('  permission rules'));
  for (const rule of rules) {
    const sign =
      rule.kind === 'widened'
        ? c.yellow(rule.change === 'added' ? '+' : '-')
        : c.green(rule.change === 'added' ? '+' : '-');
    out.push(
      `    ${sign} ${t(rule.effect)} ${t(rule.rule)}  ${c.dim(`${t(rule.scope)} ${rule.kind} ${rule.radius}`)}`,
    );
  }
  if (control.flows.added.length > 0) out.push('', c.bold('  new dangerous paths'));
  for (const flow of control.flows.added) out.push(`    ${c.red('!')} ${flowLine(flow)}`);
  if (control.flows.removed.length > 0) out.push('', c.bold('  paths removed'));
  for (const flow of control.flows.removed) out.push(`    ${c.green('-')} ${flowLine(flow)}`);
  out.push('');
  out.push(...ungovernedLines(report.ungoverned ?? [], c));

  if (report.findings.length > 0) {
    out.push(c.bold('FINDINGS'));
    for (const finding of report.findings) out.push(`  ${findingLine(finding, c)}`);
    out.push('');
  }
  for (const waiver of report.waivers.applied)
    out.push(
      c.dim(
        t(
          `waived: ${waiver.code} on ${waiver.tool} until ${waiver.expires} (${waiver.owner}: ${waiver.reason})`,
        ),
      ),
    );

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

/** One tool or server: sign, name (and former name), change, radius before -> after, flag. */
function changeLine(item: ToolChange | ServerChange, suffix: string, c: ChalkInstance): string {
  const rename = item.oldName ? ` (was ${t(item.oldName)})` : '';
  const arrow =
    item.radiusBefore && item.radiusBefore !== item.radiusAfter
      ? `${colourRadius(item.radiusBefore, c)} -> `
      : '';
  const flag = item.escalation ? c.red(' escalation') : item.narrowing ? c.green(' narrowing') : '';
  const radius = colourRadius(item.radiusAfter ?? item.radiusBefore, c);
  return `${CHANGE_SIGN[item.change]} ${c.bold(t(item.name))}${rename}  ${item.change}  radius ${arrow}${radius}${flag}${suffix}`;
}

function evalLines(delta: EvalDelta, c: ChalkInstance): string[] {
  const { state, description } = delta.verdict;
  const colour = state === 'success' ? c.green : state === 'failure' ? c.red : c.yellow;
  const lines = [`  eval ${colour.bold(state)}: ${t(description)}`];
  for (const flip of delta.regressions.slice(0, 5)) lines.push(`    ${c.red('-')} regressed: ${t(flip.id)}`);
  for (const flip of delta.fixes.slice(0, 5)) lines.push(`    ${c.green('+')} fixed: ${t(flip.id)}`);
  return lines;
}

export function colourRadius(radius: Radius | null, c: ChalkInstance): string {
  if (radius === null) return c.dim('-');
  const label = radius.toUpperCase();
  switch (radius) {
    case 'privileged':
      return c.bgRed.white.bold(label);
    case 'irreversible':
      return c.red.bold(label);
    case 'write':
      return c.yellow(label);
    case 'read':
      return c.cyan(label);
    default:
      return c.dim(label);
  }
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

function fieldLine(change: FieldChange, c: ChalkInstance): string {
  const colour = change.kind === 'widened' ? c.red : change.kind === 'narrowed' ? c.green : c.dim;
  const parts: string[] = [];
  if (change.added?.length) parts.push(change.added.map((v) => `+${t(v)}`).join(' '));
  if (change.removed?.length) parts.push(change.removed.map((v) => `-${t(v)}`).join(' '));
  if (change.before !== undefined || change.after !== undefined)
    parts.push(`${show(change.before)} -> ${show(change.after)}`);
  if (change.details?.length) parts.push(t(change.details.join('; ')));
  return `${t(change.field)} ${colour(change.kind)}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}`;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  return t(typeof value === 'string' ? value : JSON.stringify(value));
}

export function flowLine(flow: Flow): string {
  return t(`${flow.kind} in ${flow.agent}: ${flow.sources.join(', ')} -> ${flow.sinks.join(', ')}`);
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
