import type { AppliedWaiver, Finding, Waiver, WaiverKind } from '../../model/types.js';

export interface WaiverResult {
  findings: Finding[];
  applied: AppliedWaiver[];
  expired: Waiver[];
}

/** What a finding is about, in a waiver's words: a tool (or prompt) unless it says server or agent. */
export const subjectKindOf = (finding: Finding): WaiverKind => finding.subject ?? 'tool';

/** Whether a waiver names this finding: its code, its subject's name and its subject's kind. */
export const waiverMatches = (waiver: Waiver, finding: Finding): boolean =>
  waiver.tool === finding.tool &&
  waiver.code === finding.code &&
  (waiver.kind ?? 'tool') === subjectKindOf(finding);

/**
 * Silences one finding code on one tool, server or agent until its date (a waiver for tool `x` never silences
 * server `x`). An expired waiver stops applying and is itself
 * reported, so nobody mistakes an old exception for a current one. `today` is YYYY-MM-DD (UTC).
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[], today: string): WaiverResult {
  const active = waivers.filter((waiver) => waiver.expires >= today);
  const expired = waivers.filter((waiver) => waiver.expires < today);
  const applied: AppliedWaiver[] = [];
  const kept: Finding[] = [];
  for (const finding of findings) {
    const waiver = active.find((w) => waiverMatches(w, finding));
    if (waiver) applied.push({ ...waiver, path: finding.path });
    else kept.push(finding);
  }
  for (const waiver of expired) {
    kept.push({
      severity: 'warning',
      code: 'waiver-expired',
      path: 'agentgate.yaml',
      line: 1,
      tool: waiver.tool,
      ...(waiver.kind === 'server' || waiver.kind === 'agent' ? { subject: waiver.kind } : {}),
      message: `waiver for ${waiver.code} on ${waiver.kind ?? 'tool'} ${waiver.tool} (owner ${waiver.owner}) expired on ${waiver.expires}; it no longer applies`,
    });
  }
  return { findings: kept, applied, expired };
}
