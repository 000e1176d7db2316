import { formatSignoffCommand } from '../core/gate/signoff-command.js';
import { REPORT_MARKER } from '../core/gate/types.js';
import type { GateStatuses, SignoffEvaluation, StatusPlan } from '../core/gate/types.js';
import type { DiffReport } from '../model/types.js';
import { cellCode, codeSpan, escapeMarkdown } from './markdown-escape.js';
import { renderMarkdownReport } from './markdown.js';
import type { PromptTextLookup } from './prompt-texts.js';
import { summarizeReport } from './summary-line.js';

/** GitHub refuses issue comments longer than this. */
export const MAX_COMMENT_CHARS = 65_536;
/** GitHub's limit for one step's job summary is 1 MiB (bytes, UTF-8): stay well under it. */
export const MAX_SUMMARY_BYTES = 1_000_000;

const STATE_ICON: Record<StatusPlan['state'], string> = {
  success: '✅ success',
  failure: '❌ failure',
  pending: '⏳ pending',
  error: '⚠️ error',
};

export interface CommentInput {
  report: DiffReport;
  statuses: GateStatuses;
  signoffs: SignoffEvaluation;
  /** configured signers (users and @org/team), shown in code so that nobody is notified */
  signers: string[];
  prNumber: number;
  /** the workflow run, where the job summary lives */
  runUrl: string | null;
  /** for tests: a smaller limit */
  maxChars?: number;
  /** agentgate's own sentences (Markdown) under the heading: e.g. that the gate passed since the last comment */
  lead?: string[];
  /** agentgate's own sentences (Markdown) after the sign-offs: e.g. how to split a mixed PR */
  hints?: string[];
  /** where the full JSON report was written, named when the summary is cut */
  reportFile?: string | null;
  /** prompt and agent texts of both sides: a text edit shows as a line diff, not as a bare row */
  promptTexts?: PromptTextLookup;
}

export interface RenderedComment {
  body: string;
  /** the report did not fit and was cut; the job summary has all of it */
  truncated: boolean;
}

/** The one PR comment: marker, both checks, sign-offs and how to give one, then the full report. */
export function renderReportComment(input: CommentInput): RenderedComment {
  const limit = input.maxChars ?? MAX_COMMENT_CHARS;
  const head = [REPORT_MARKER, ...gateSection(input)].join('\n');
  const report = renderMarkdownReport(input.report, { summary: false, promptTexts: input.promptTexts });
  const open = '\n<details open><summary>Full report</summary>\n\n';
  const close = '\n</details>\n';
  const full = `${head}${open}${report}${close}`;
  if (full.length <= limit) return { body: full, truncated: false };

  const where = input.runUrl
    ? `the [job summary of this run](${input.runUrl})`
    : 'the job summary of this run';
  const notice = `\n> [!WARNING]\n> The full report is longer than GitHub allows in one comment (65,536 characters). It is cut below; all of it is in ${where}.\n`;
  const budget = limit - head.length - notice.length - open.length - close.length - 40;
  const cut = cutAtLine(report, Math.max(0, budget));
  const body = `${head}${notice}${open}${cut}\n\n… (cut: see the job summary)\n${close}`;
  return {
    body: body.length <= limit ? body : `${head.slice(0, limit - notice.length)}${notice}`,
    truncated: true,
  };
}

/** The job summary: the same gate section and the whole report (summaries may hold up to 1 MiB). */
export function renderJobSummary(input: CommentInput, maxBytes = MAX_SUMMARY_BYTES): string {
  const report = renderMarkdownReport(input.report, { summary: false, promptTexts: input.promptTexts });
  const text = `${gateSection(input).join('\n')}\n${report}`;
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const where = input.reportFile
    ? 'the full report is in the report-json file of this step'
    : 'run `agentgate diff` locally for all of it';
  const notice = `\n\n… (cut: the report is larger than a job summary can hold; ${where})\n`;
  return `${cutAtBytes(text, maxBytes - Buffer.byteLength(notice, 'utf8'))}${notice}`;
}

/** The longest prefix within `max` UTF-8 bytes, ended at a line where there is one. */
function cutAtBytes(text: string, max: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return text;
  // decoding a cut buffer may end in U+FFFD for a split character: drop it
  const prefix = bytes
    .subarray(0, Math.max(0, max))
    .toString('utf8')
    .replace(/\uFFFD$/, '');
  const newline = prefix.lastIndexOf('\n');
  return newline > 0 ? prefix.slice(0, newline) : prefix;
}

function gateSection(input: CommentInput): string[] {
  const { statuses } = input;
  const out = [
    '## agentgate',
    '',
    `**Summary:** ${summarizeReport(input.report)}`,
    '',
    ...(input.lead && input.lead.length > 0 ? [...input.lead, ''] : []),
    '| check | state | details |',
    '| --- | --- | --- |',
    statusRow(statuses.control),
    statusRow(statuses.data),
    '',
  ];
  if (input.report.planes.control.changed) out.push(...signoffSection(input));
  for (const hint of input.hints ?? []) out.push(hint, '');
  return out;
}

function statusRow(status: StatusPlan): string {
  return `| ${codeSpan(status.context)} | ${STATE_ICON[status.state]} | ${escapeMarkdown(status.description)} |`;
}

const MAX_SIGNOFF_ROWS = 50;

function signoffSection(input: CommentInput): string[] {
  const { signoffs } = input;
  const out = ['### Sign-offs (control plane)', ''];
  out.push(
    `Required: **${signoffs.required}** · present: **${signoffs.counted.length}** · capability digest ${codeSpan(signoffs.headDigest)}`,
    '',
  );
  const rows = [
    ...signoffs.counted.map(
      (s) =>
        `| ${cellCode(s.user)} | ${s.via} | ✅ counts${s.team ? ` (member of ${cellCode(s.team)})` : ''} |`,
    ),
    ...signoffs.rejected.map((r) => `| ${cellCode(r.user)} | ${r.via} | ❌ ${escapeMarkdown(r.reason)} |`),
  ];
  if (rows.length > 0) {
    out.push('| who | via | |', '| --- | --- | --- |', ...rows.slice(0, MAX_SIGNOFF_ROWS));
    if (rows.length > MAX_SIGNOFF_ROWS) out.push(`| … | | ${rows.length - MAX_SIGNOFF_ROWS} more |`);
    out.push('');
  }
  // notes are agentgate's own sentences, never PR text
  for (const note of signoffs.notes) out.push(`> [!IMPORTANT]`, `> ${note}`, '');
  if (signoffs.required > 0 && !signoffs.satisfied) out.push(...howToSign(input));
  return out;
}

function howToSign(input: CommentInput): string[] {
  const who =
    input.signers.length > 0
      ? input.signers.map((s) => codeSpan(s)).join(', ')
      : 'no one yet (configure `planes.control.signers`)';
  return [
    `**How to sign off.** Signers: ${who}. The PR's author cannot sign. Either approve this pull request at its current head, or post this comment (it names the capability digest you reviewed; a later capability change voids it, a prompt-only push keeps it):`,
    '',
    '```',
    formatSignoffCommand(input.signoffs.headDigest),
    '```',
    '',
    `or run ${codeSpan(`agentgate signoff --pr ${input.prNumber}`)} in a clone.`,
    '',
  ];
}

function cutAtLine(text: string, max: number): string {
  if (text.length <= max) return text;
  const slice = text.slice(0, max);
  const newline = slice.lastIndexOf('\n');
  return newline > 0 ? slice.slice(0, newline) : slice;
}
