import type { ChalkInstance } from 'chalk';
import type { CodeownersReport, ProbeOwners } from '../core/codeowners/codeowners-check.js';
import { revealInvisible } from './markdown-escape.js';

/** How many client source files the text lists before "+N more" (JSON lists them all). */
const SOURCES_SHOWN = 20;

/** The text of `agentgate codeowners`: each plane's owners and probes, gate files, client sources, findings. */
export function renderCodeownersText(report: CodeownersReport, c: ChalkInstance): string {
  const show = (text: string) => revealInvisible(text);
  const owners = (list: string[]) => (list.length > 0 ? list.map(show).join(' ') : c.red('nobody'));
  const rule = (probe: ProbeOwners) =>
    probe.rule ? c.dim(`line ${probe.rule.line} ${show(probe.rule.pattern)}`) : c.dim('no rule');
  const out = [c.bold(`CODEOWNERS: ${report.file ?? 'none'}`)];
  for (const [plane, label] of [
    ['data', 'data plane (prompts)'],
    ['control', 'control plane (tools)'],
  ] as const) {
    const ownership = report.planes[plane];
    out.push(`  ${label}: ${owners(ownership.owners)}`);
    for (const probe of ownership.probes)
      out.push(`    ${show(probe.path)} -> ${owners(probe.owners)}  ${rule(probe)}`);
  }
  out.push('  gate files:');
  for (const gate of report.gates)
    out.push(`    ${show(gate.path)} -> ${owners(gate.owners)}  ${rule(gate)}`);
  if (report.sources.length > 0) out.push('  client source files:');
  for (const source of report.sources.slice(0, SOURCES_SHOWN))
    out.push(`    ${show(source.path)} -> ${owners(source.owners)}  ${rule(source)}`);
  if (report.sources.length > SOURCES_SHOWN)
    out.push(c.dim(`    +${report.sources.length - SOURCES_SHOWN} more (--format json lists them all)`));
  if (report.findings.length > 0) out.push('', c.bold('findings'));
  for (const finding of report.findings) {
    const level = finding.severity === 'error' ? c.red('error') : c.yellow(finding.severity);
    out.push(
      `  ${level} ${finding.code} ${c.dim(`${finding.path}:${finding.line}`)} ${show(finding.message)}`,
    );
  }
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  out.push(
    '',
    errors === 0
      ? c.green(
          'ok: the planes have distinct owners; tools, client configs and gate files stay with the control-plane owner',
        )
      : c.red(`${errors} error(s)`),
  );
  return `${out.join('\n')}\n`;
}
