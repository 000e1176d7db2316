import type { DecisionKind } from '../core/intent/evaluate-intent.js';
import type { LogEntry, LogVerification } from './decision-log.js';

export interface DecisionCounts {
  allow: number;
  deny: number;
  'needs-approval': number;
  total: number;
}

export interface DecisionReport {
  window: { since: string | null; until: string | null };
  /** the chain's state: a report over a tampered log says so instead of passing it off as the truth */
  chain: { intact: boolean; entries: number; problem?: string };
  totals: DecisionCounts;
  /** busiest first; `fired` counts the calls that were allowed to run */
  tools: ({ tool: string; radius: string; fired: number } & DecisionCounts)[];
  radii: ({ radius: string } & DecisionCounts)[];
  reasons: { code: string; count: number }[];
}

const RADIUS_RANK = ['unknown', 'none', 'read', 'write', 'irreversible', 'privileged'];

/**
 * Who fired what over a window: counts by decision, by tool and by radius. `since` is inclusive, `until`
 * exclusive; entries whose time does not parse are left out of a bounded window.
 */
export function summarizeDecisions(
  entries: readonly LogEntry[],
  verification: LogVerification,
  window: { since?: Date; until?: Date } = {},
): DecisionReport {
  const totals = zero();
  const tools = new Map<string, { tool: string; radius: string } & DecisionCounts>();
  const radii = new Map<string, { radius: string } & DecisionCounts>();
  const reasons = new Map<string, number>();
  for (const entry of entries) {
    if (!inWindow(entry.time, window)) continue;
    const decision = entry.decision;
    const kind = normaliseKind(decision.decision);
    const name = typeof decision.tool === 'string' && decision.tool !== '' ? decision.tool : '(none)';
    const radius = typeof decision.radius === 'string' ? decision.radius : 'unknown';
    count(totals, kind);
    count(
      upsert(tools, name, () => ({ tool: name, radius, ...zero() })),
      kind,
    );
    count(
      upsert(radii, radius, () => ({ radius, ...zero() })),
      kind,
    );
    for (const reason of Array.isArray(decision.reasons) ? decision.reasons : []) {
      reasons.set(reason.code, (reasons.get(reason.code) ?? 0) + 1);
    }
  }
  return {
    window: { since: window.since?.toISOString() ?? null, until: window.until?.toISOString() ?? null },
    chain:
      verification.kind === 'intact'
        ? { intact: true, entries: verification.entries }
        : { intact: false, entries: entries.length, problem: verification.problem },
    totals,
    tools: [...tools.values()]
      .map((row) => ({ ...row, fired: row.allow }))
      .sort((a, b) => b.total - a.total || compare(a.tool, b.tool)),
    radii: [...radii.values()].sort((a, b) => RADIUS_RANK.indexOf(b.radius) - RADIUS_RANK.indexOf(a.radius)),
    reasons: [...reasons.entries()]
      .map(([code, n]) => ({ code, count: n }))
      .sort((a, b) => b.count - a.count || compare(a.code, b.code)),
  };
}

function inWindow(time: string, window: { since?: Date; until?: Date }): boolean {
  if (!window.since && !window.until) return true;
  const at = Date.parse(time);
  if (Number.isNaN(at)) return false;
  return (!window.since || at >= window.since.getTime()) && (!window.until || at < window.until.getTime());
}

function normaliseKind(kind: unknown): DecisionKind {
  return kind === 'allow' || kind === 'needs-approval' ? kind : 'deny';
}

function zero(): DecisionCounts {
  return { allow: 0, deny: 0, 'needs-approval': 0, total: 0 };
}

function count(counts: DecisionCounts, kind: DecisionKind): void {
  counts[kind]++;
  counts.total++;
}

function upsert<T>(map: Map<string, T>, key: string, create: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
