import type { ChangedFile, DiffReport, Finding, Flow, PromptChange, RefInfo } from '../model/types.js';
import { describePreexisting, isNewFinding } from '../core/plane/new-findings.js';
import { capList } from './cap-list.js';
import { foldServerTools } from './fold-server-tools.js';
import { cellCode, clip, codeSpan, escapeMarkdown } from './markdown-escape.js';
import { capRows, codeList, foldedRow, listed, MAX_ROWS, serverRow, toolRow } from './markdown-rows.js';
import { textDiffSection } from './markdown-text-diff.js';
import type { TextChange } from './markdown-text-diff.js';
import { changedPromptText } from './prompt-texts.js';
import type { PromptTextLookup } from './prompt-texts.js';
import { summarizeReport } from './summary-line.js';
import { floorSection } from './markdown-floor.js';
import { groupPaths, MAX_GROUP_AGENTS } from './path-groups.js';
import type { PathLine } from './path-groups.js';

export interface MarkdownReportOptions {
  /** also list the findings the base already had */
  allFindings?: boolean;
  /** lead with the summary line (default); the PR comment puts it above its own gate table instead */
  summary?: boolean;
  /** prompt texts, for line diffs of changed prompts */
  promptTexts?: PromptTextLookup;
}

const FLOW_LABEL: Record<Flow['kind'], string> = {
  'untrusted-to-action': 'untrusted input → high-radius action',
  'lethal-trifecta': 'lethal trifecta (untrusted input + sensitive data + outside egress)',
};

/**
 * The two-plane diff as GitHub-flavoured Markdown: `agentgate diff --format markdown`, the PR comment and
 * the job summary. Every name, path and message from the PR is escaped; nothing here can mention anyone.
 */
export function renderMarkdownReport(report: DiffReport, options: MarkdownReportOptions = {}): string {
  const out: string[] = [];
  out.push(`### agentgate diff ${describeRef(report.base)} → ${describeRef(report.head)}`, '');
  // numbers and fixed words only: nothing from the PR, so nothing to escape
  if (options.summary !== false) out.push(`**Summary:** ${summarizeReport(report)}`, '');
  out.push(
    ...controlSection(report),
    ...dataSection(report, options.promptTexts),
    ...ungovernedSection(report.ungoverned ?? []),
  );
  out.push(...findingsSection(report.findings, options.allFindings === true));
  out.push(...waiversSection(report));
  out.push(...floorSection(report.floor));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function describeRef(ref: RefInfo): string {
  if (ref.sha && ref.ref === ref.sha) return codeSpan(ref.sha.slice(0, 12));
  const sha = ref.sha ? ` (${ref.sha.slice(0, 7)})` : '';
  return `${codeSpan(ref.ref)}${sha}`;
}

function controlSection(report: DiffReport): string[] {
  const control = report.planes.control;
  const out = ['#### Control plane (authority)', ''];
  if (!control.changed) return [...out, 'No control-plane changes.', ''];
  out.push(signoffLine(report), '', `Capability digest: ${codeSpan(control.digest)}`, '');
  const servers = control.servers ?? [];
  const view = foldServerTools(control.tools, servers);
  const texts: TextChange[] = [];
  if (view.listed.length > 0 || view.folded.length > 0) {
    out.push('| tool | change | radius | widened | other changes |', '| --- | --- | --- | --- | --- |');
    const tools = capRows(view.listed);
    for (const tool of tools.shown) out.push(toolRow(tool, texts));
    for (const group of view.folded) out.push(foldedRow(group));
    out.push('');
    if (tools.more > 0)
      out.push(`+${tools.more} more tools (\`agentgate diff --format json\` lists all)`, '');
  }
  if (servers.length > 0) {
    out.push('| MCP server | change | radius | widened | other changes |', '| --- | --- | --- | --- | --- |');
    const shown = capRows(servers);
    for (const server of shown.shown) out.push(serverRow(server, texts));
    out.push('');
    if (shown.more > 0) out.push(`+${shown.more} more servers`, '');
  }
  out.push(...textDiffSection(texts));
  const unmodelled = control.unmodelled ?? [];
  if (unmodelled.length > 0) {
    out.push('**Files no parser models** (each reviewed as a write change):', '');
    for (const path of unmodelled.slice(0, 50)) out.push(`- ${codeSpan(path)}`);
    if (unmodelled.length > 50) out.push(`- and ${unmodelled.length - 50} more`);
    out.push('');
  }
  if (control.flows.added.length > 0) {
    out.push('**New dangerous paths**', '');
    out.push(
      ...listed(
        groupPaths(control.flows.added, control, 'added').map((line) => `- ${pathLine(line)}`),
        'paths',
      ),
    );
  }
  if (control.flows.removed.length > 0) {
    out.push('**Dangerous paths removed**', '');
    out.push(
      ...listed(
        groupPaths(control.flows.removed, control, 'removed').map((line) => `- ${pathLine(line)}`),
        'paths',
      ),
    );
  }
  if (control.bindings.length > 0) {
    out.push('| agent | tools bound | tools unbound |', '| --- | --- | --- |');
    const bindings = capList(control.bindings, MAX_ROWS);
    for (const binding of bindings.shown) {
      out.push(`| ${cellCode(binding.agent)} | ${codeList(binding.added)} | ${codeList(binding.removed)} |`);
    }
    out.push('');
    if (bindings.more > 0) out.push(`+${bindings.more} more agents`, '');
  }
  const rules = control.permissions ?? [];
  if (rules.length > 0) {
    out.push('| permission rule | effect | change | scope | radius |', '| --- | --- | --- | --- | --- |');
    for (const rule of rules) {
      out.push(
        `| ${cellCode(rule.rule)} | ${rule.effect} | ${rule.change}, ${rule.kind} | ${cellCode(rule.scope)} | ${rule.radius} |`,
      );
    }
    out.push('');
  }
  out.push(...filesBlock(control.files), ...reviewersLine(control.reviewers));
  return out;
}

function signoffLine(report: DiffReport): string {
  const control = report.planes.control;
  const radius = control.maxRadius ? `**${control.maxRadius}**` : 'a';
  const escalation = control.escalation ? ' (escalation)' : '';
  if (control.requiredSignoffs === 0) {
    const why = control.narrowingOnly ? 'narrowing only (revocations)' : `${radius} change`;
    return `Sign-offs required: **0**, ${why}${escalation}.`;
  }
  return `Sign-offs required: **${control.requiredSignoffs}** for ${radius} change${escalation}.`;
}

/** One list item of dangerous paths: a flow of one agent, or one cause and the agents it gives paths to. */
function pathLine(line: PathLine): string {
  if (line.kind === 'flow') return flowLine(line.flow);
  const { cause, kinds, agents } = line;
  const what =
    cause.kind === 'server'
      ? `server ${codeSpan(cause.name)}${cause.source ? ` in ${codeSpan(cause.source)}` : ''}`
      : cause.kind === 'tool'
        ? `tool ${codeSpan(cause.name)}`
        : `the new binding ${codeSpan(cause.name)}`;
  const unattributed = line.unattributed
    ? ' (unattributed: through a server their client does not declare)'
    : '';
  return `${kinds.map((kind) => FLOW_LABEL[kind]).join('; ')} through ${what}, in ${agents.length} agents: ${codeList(agents, MAX_GROUP_AGENTS)}${unattributed}`;
}

function flowLine(flow: Flow): string {
  const unattributed = flow.unattributed ? ` (unattributed: ${codeList(flow.unattributed)})` : '';
  return `${FLOW_LABEL[flow.kind]} in ${codeSpan(flow.agent)}: ${codeList(flow.sources)} → ${codeList(flow.sinks)}${unattributed}`;
}

function dataSection(report: DiffReport, promptTexts: PromptTextLookup | undefined): string[] {
  const data = report.planes.data;
  const out = ['#### Data plane (behaviour)', ''];
  if (!data.changed) return [...out, 'No data-plane changes.', ''];
  if (data.prompts.length > 0) {
    out.push('| prompt | change | version |', '| --- | --- | --- |');
    const prompts = capList(data.prompts, MAX_ROWS);
    for (const prompt of prompts.shown) out.push(promptRow(prompt));
    out.push('');
    if (prompts.more > 0) out.push(`+${prompts.more} more prompts`, '');
    out.push(...textDiffSection(promptTextChanges(data.prompts, promptTexts)));
  }
  out.push(...filesBlock(data.files), ...reviewersLine(data.reviewers));
  return out;
}

function promptTextChanges(prompts: PromptChange[], lookup: PromptTextLookup | undefined): TextChange[] {
  return prompts.flatMap((prompt) => {
    const text = changedPromptText(prompt, lookup);
    return text ? [{ owner: prompt.id, change: { field: 'text', kind: 'changed' as const, ...text } }] : [];
  });
}

function promptRow(prompt: PromptChange): string {
  const id = prompt.oldId ? `${cellCode(prompt.id)} (was ${cellCode(prompt.oldId)})` : cellCode(prompt.id);
  const version = `${prompt.versionBefore === null ? '—' : cellCode(prompt.versionBefore)} → ${prompt.versionAfter === null ? '—' : cellCode(prompt.versionAfter)}`;
  return `| ${id} | ${prompt.change} | ${version} |`;
}

function filesBlock(files: ChangedFile[]): string[] {
  if (files.length === 0) return [];
  const lines = files.map((file) => {
    const from = file.oldPath ? ` from ${codeSpan(file.oldPath)}` : '';
    return `- ${codeSpan(file.path)} (${file.status}${from})`;
  });
  return ['Files:', '', ...listed(lines, 'files')];
}

function reviewersLine(reviewers: string[]): string[] {
  if (reviewers.length === 0) return [];
  // owners come from the base config, but are still code-quoted: listing them must not notify them
  return [`Reviewers: ${reviewers.map((r) => codeSpan(r)).join(', ')}`, ''];
}

/** Changed files in no plane, folded away: they gate nothing, but nothing changes unseen. */
function ungovernedSection(files: ChangedFile[]): string[] {
  if (files.length === 0) return [];
  const shown = files.slice(0, 50);
  const more = files.length > shown.length ? [`- … and ${files.length - shown.length} more`] : [];
  return [
    `<details><summary>${files.length} changed file(s) in no plane (ungoverned)</summary>`,
    '',
    ...shown.map((file) => `- ${codeSpan(file.path)} (${file.status})`),
    ...more,
    '',
    '</details>',
    '',
  ];
}

function findingsSection(findings: Finding[], all: boolean): string[] {
  const old = describePreexisting(findings);
  const note =
    old === null ? [] : [`${old}${all ? '' : ': `agentgate diff --all-findings` lists them'}.`, ''];
  const shown = capList(all ? findings : findings.filter(isNewFinding), MAX_ROWS);
  if (shown.shown.length === 0) return note.length > 0 ? ['#### Findings', '', ...note] : [];
  const out = ['#### Findings', '', '| severity | code | where | message |', '| --- | --- | --- | --- |'];
  for (const finding of shown.shown) {
    const where = cellCode(`${finding.path}:${finding.line}`);
    const message = escapeMarkdown(clip(finding.message, 400));
    const mark = all && !isNewFinding(finding) ? ' (pre-existing)' : '';
    out.push(`| ${finding.severity}${mark} | ${cellCode(finding.code)} | ${where} | ${message} |`);
  }
  out.push('');
  if (shown.more > 0)
    out.push(`+${shown.more} more findings (\`agentgate diff --format json\` lists all)`, '');
  return [...out, ...note];
}

function waiversSection(report: DiffReport): string[] {
  const { applied, expired } = report.waivers;
  if (applied.length === 0 && expired.length === 0) return [];
  const out = [
    '#### Waivers',
    '',
    '| state | tool | finding | owner | expires | reason |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const row = (
    state: string,
    w: { tool: string; code: string; owner: string; expires: string; reason: string },
  ) =>
    `| ${state} | ${cellCode(w.tool)} | ${cellCode(w.code)} | ${cellCode(w.owner)} | ${cellCode(w.expires)} | ${escapeMarkdown(clip(w.reason, 200))} |`;
  for (const waiver of applied) out.push(row('applied', waiver));
  for (const waiver of expired) out.push(row('expired', waiver));
  return [...out, ''];
}
