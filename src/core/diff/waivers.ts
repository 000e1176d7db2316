import type { AppliedWaiver, Finding, Waiver } from '../../model/types.js';

export interface WaiverResult {
  findings: Finding[];
  applied: AppliedWaiver[];
  expired: Waiver[];
}

/**
 * Silences one finding code on one tool until its date. An expired waiver stops applying and is itself
 * reported, so nobody mistakes an old exception for a current one. `today` is YYYY-MM-DD (UTC).
 */
export function applyWaivers(findings: Finding[], waivers: Waiver[], today: string): WaiverResult {
  const active = waivers.filter((waiver) => waiver.expires >= today);
  const expired = waivers.filter((waiver) => waiver.expires < today);
  const applied: AppliedWaiver[] = [];
  const kept: Finding[] = [];
  for (const finding of findings) {
    const waiver = active.find((w) => w.tool === finding.tool && w.code === finding.code);
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
      message: `waiver for ${waiver.code} on ${waiver.tool} (owner ${waiver.owner}) expired on ${waiver.expires}; it no longer applies`,
    });
  }
  return { findings: kept, applied, expired };
}
