import type { ChalkInstance } from 'chalk';
import { percent, points } from '../core/eval/compute-delta.js';
import type {
  CaseFlip,
  EvalDelta,
  EvalSideSummary,
  EvalVerdictState,
  FlakyCase,
  MetricDelta,
} from '../model/eval.js';
import { cellCode, clip, escapeMarkdown } from './markdown-escape.js';
import { revealLine as t } from './reveal.js';

// a long tail of case ids helps nobody in a PR comment; the JSON output keeps them all
const MAX_LISTED = 25;

const STATE_WORD: Record<EvalVerdictState, string> = { success: 'PASS', failure: 'FAIL', pending: 'PENDING' };
const STATE_ICON: Record<EvalVerdictState, string> = { success: '✅', failure: '❌', pending: '⏳' };

export function renderEvalDeltaJson(delta: EvalDelta): string {
  return `${JSON.stringify(delta, null, 2)}\n`;
}

export function renderEvalDeltaText(delta: EvalDelta, c: ChalkInstance): string {
  const { verdict } = delta;
  const colour = verdict.state === 'success' ? c.green : verdict.state === 'failure' ? c.red : c.yellow;
  const out = [
    `${c.bold('agentgate eval-delta')}  ${colour.bold(STATE_WORD[verdict.state])}  ${t(verdict.description)}`,
    '',
  ];
  const rows = summaryRows(delta);
  const width = Math.max(...rows.map((row) => row[1].length), 4);
  out.push(`  ${''.padEnd(12)}${'base'.padEnd(width + 2)}head`);
  for (const [label, base, head, change] of rows) {
    out.push(
      `  ${label.padEnd(12)}${t(base).padEnd(width + 2)}${t(head)}${change === '' ? '' : `  ${c.dim(change)}`}`,
    );
  }
  out.push(`  ${c.dim(`bounds: ${describeBounds(delta)}`)}`);

  const section = (title: string, lines: string[], total: number) => {
    if (total === 0) return;
    out.push('', c.bold(`${title} (${total})`), ...lines);
    if (total > lines.length) out.push(c.dim(`  … ${total - lines.length} more`));
  };
  section(
    'regressions',
    delta.regressions.slice(0, MAX_LISTED).map((flip) => `  ${c.red('-')} ${t(flipText(flip))}`),
    delta.regressions.length,
  );
  section(
    'fixes',
    delta.fixes.slice(0, MAX_LISTED).map((flip) => `  ${c.green('+')} ${t(flipText(flip))}`),
    delta.fixes.length,
  );
  const flaky = flakyEntries(delta);
  section(
    'flaky (counted by majority, ties fail)',
    flaky
      .slice(0, MAX_LISTED)
      .map(([side, f]) => `  ~ ${t(f.id)}  ${c.dim(`${side} ${f.passes}/${f.runs} passed`)}`),
    flaky.length,
  );
  section(
    'metrics',
    delta.metrics.map(
      (m) => `  ${t(m.name)}  ${num(m.before)} -> ${num(m.after)}  ${c.dim(signed(m.delta))}`,
    ),
    delta.metrics.length,
  );
  section(
    'new cases',
    delta.addedCases.slice(0, MAX_LISTED).map((id) => `  + ${t(id)}`),
    delta.addedCases.length,
  );
  section(
    'cases no longer run',
    delta.removedCases.slice(0, MAX_LISTED).map((id) => `  - ${t(id)}`),
    delta.removedCases.length,
  );
  return `${out.map((line) => line.trimEnd()).join('\n')}\n`;
}

export function renderEvalDeltaMarkdown(delta: EvalDelta): string {
  const { verdict } = delta;
  const out = [
    `### ${STATE_ICON[verdict.state]} Eval delta: ${verdict.state}`,
    '',
    escapeMarkdown(clip(verdict.description)),
    '',
  ];
  out.push('| | base | head | change |', '| --- | ---: | ---: | ---: |');
  // every cell but the file names is numbers agentgate wrote itself
  summaryRows(delta).forEach(([label, base, head, change], index) => {
    const cell =
      index === 0 ? (text: string) => (text === '—' ? text : cellCode(clip(text))) : (text: string) => text;
    out.push(`| ${label} | ${cell(base)} | ${cell(head)} | ${change} |`);
  });
  out.push('', `Bounds: ${escapeMarkdown(describeBounds(delta))}`);

  const table = (title: string, header: string[], rows: string[][], total: number) => {
    if (total === 0) return;
    out.push(
      '',
      `**${title} (${total})**`,
      '',
      `| ${header.join(' | ')} |`,
      `| ${header.map(() => '---').join(' | ')} |`,
    );
    for (const row of rows) out.push(`| ${row.join(' | ')} |`);
    if (total > rows.length) out.push('', `… ${total - rows.length} more (see \`--format json\`)`);
  };
  const flipRows = (flips: CaseFlip[]) =>
    flips
      .slice(0, MAX_LISTED)
      .map((flip) => [cellCode(clip(flip.id)), runsText(flip.base), runsText(flip.head)]);
  table('Regressions', ['case', 'base', 'head'], flipRows(delta.regressions), delta.regressions.length);
  table('Fixes', ['case', 'base', 'head'], flipRows(delta.fixes), delta.fixes.length);
  const flaky = flakyEntries(delta);
  table(
    'Flaky cases (majority of runs, ties fail)',
    ['case', 'side', 'passed'],
    flaky.slice(0, MAX_LISTED).map(([side, f]) => [cellCode(clip(f.id)), side, runsText(f)]),
    flaky.length,
  );
  table(
    'Metrics (mean per case)',
    ['metric', 'base', 'head', 'change'],
    delta.metrics.map((m: MetricDelta) => [
      cellCode(clip(m.name)),
      num(m.before),
      num(m.after),
      signed(m.delta),
    ]),
    delta.metrics.length,
  );
  table(
    'New cases',
    ['case'],
    delta.addedCases.slice(0, MAX_LISTED).map((id) => [cellCode(clip(id))]),
    delta.addedCases.length,
  );
  table(
    'Cases no longer run',
    ['case'],
    delta.removedCases.slice(0, MAX_LISTED).map((id) => [cellCode(clip(id))]),
    delta.removedCases.length,
  );
  return `${out.join('\n')}\n`;
}

type Row = [label: string, base: string, head: string, change: string];

function summaryRows(delta: EvalDelta): Row[] {
  const side = (summary: EvalSideSummary | null, pick: (s: EvalSideSummary) => string) =>
    summary === null ? '—' : pick(summary);
  const { base, head } = delta;
  const rate = (s: EvalSideSummary) =>
    s.passRate === null ? 'no cases' : `${percent(s.passRate)} (${s.passed}/${s.cases})`;
  const scoreChange =
    base?.meanScore != null && head?.meanScore != null ? signed(head.meanScore - base.meanScore) : '';
  return [
    ['results', side(base, describeSource), side(head, describeSource), ''],
    [
      'pass rate',
      side(base, rate),
      side(head, rate),
      delta.passRateDelta === null ? '' : points(delta.passRateDelta),
    ],
    ['runs', side(base, (s) => String(s.runs)), side(head, (s) => String(s.runs)), ''],
    ['errors', side(base, (s) => String(s.errors)), side(head, (s) => String(s.errors)), ''],
    ['mean score', side(base, (s) => num(s.meanScore)), side(head, (s) => num(s.meanScore)), scoreChange],
  ];
}

function describeSource(summary: EvalSideSummary): string {
  const format = summary.format === null ? '' : ` (${summary.format})`;
  return `${summary.path ?? 'results'}${format}`;
}

function describeBounds(delta: EvalDelta): string {
  const parts: string[] = [];
  if (delta.bounds.maxPassRateDrop !== undefined)
    parts.push(`max drop ${(delta.bounds.maxPassRateDrop * 100).toFixed(1)} pts`);
  if (delta.bounds.minPassRate !== undefined)
    parts.push(`min pass rate ${percent(delta.bounds.minPassRate)}`);
  return parts.length === 0 ? 'none set (report only)' : parts.join(', ');
}

function flakyEntries(delta: EvalDelta): [string, FlakyCase][] {
  return [
    ...(delta.base?.flaky ?? []).map((f): [string, FlakyCase] => ['base', f]),
    ...(delta.head?.flaky ?? []).map((f): [string, FlakyCase] => ['head', f]),
  ];
}

function flipText(flip: CaseFlip): string {
  return `${flip.id}  ${runsText(flip.base)} -> ${runsText(flip.head)} passed`;
}

function runsText(runs: { passes: number; runs: number }): string {
  return `${runs.passes}/${runs.runs}`;
}

function num(value: number | null): string {
  return value === null ? '—' : value.toFixed(3);
}

function signed(value: number | null): string {
  if (value === null) return '';
  const rounded = Math.abs(value) < 0.0005 ? 0 : value;
  return `${rounded > 0 ? '+' : rounded < 0 ? '-' : '±'}${Math.abs(rounded).toFixed(3)}`;
}
