// Every repository's inventory folded into what a security team asks first: how much authority at each radius,
// who can run a shell or read the web, which servers nobody pinned, which agents hold a dangerous path, and
// whose authority grew since the ledger last saw it.
import { RADIUS_ORDER } from '../core/radius/radius.js';
import { RADII } from '../model/types.js';
import type { Radius } from '../model/types.js';
import type { LedgerLine } from './ledger.js';
import type { Inventory, InventoryPath } from './types.js';

export interface OrgReport {
  repositories: number;
  /** every capability across the organisation, by radius */
  counts: Record<Radius, number>;
  /** how many repositories have each radius as their highest */
  byMaxRadius: Record<Radius, number>;
  shells: { repository: string; agents: string[] }[];
  webFetchers: { repository: string; agents: string[] }[];
  unpinnedServers: { repository: string; servers: string[] }[];
  dangerousPaths: ({ repository: string } & InventoryPath)[];
  /** repositories whose highest radius or count at some radius rose since their last ledger line */
  grew: { repository: string; before: LedgerSummary; after: LedgerSummary }[];
  /** repositories the ledger had never seen */
  new: string[];
  ledger: { file: string; appended: number; head: string | null };
}

export interface LedgerSummary {
  commit: string;
  digest: string;
  maxRadius: Radius;
  counts: Record<Radius, number>;
}

const zero = (): Record<Radius, number> =>
  Object.fromEntries(RADII.map((r) => [r, 0])) as Record<Radius, number>;

export function buildOrgReport(
  inventories: readonly Inventory[],
  previous: ReadonlyMap<string, LedgerLine>,
  ledger: OrgReport['ledger'],
): OrgReport {
  const counts = zero();
  const byMaxRadius = zero();
  const report: OrgReport = {
    repositories: inventories.length,
    counts,
    byMaxRadius,
    shells: [],
    webFetchers: [],
    unpinnedServers: [],
    dangerousPaths: [],
    grew: [],
    new: [],
    ledger,
  };
  for (const inventory of inventories) {
    const { repository, signals } = inventory;
    for (const radius of RADII) counts[radius] += inventory.counts[radius] ?? 0;
    byMaxRadius[inventory.maxRadius] += 1;
    if (signals.shells.length > 0) report.shells.push({ repository, agents: signals.shells });
    if (signals.webFetchers.length > 0) report.webFetchers.push({ repository, agents: signals.webFetchers });
    if (signals.unpinnedServers.length > 0)
      report.unpinnedServers.push({ repository, servers: signals.unpinnedServers });
    for (const path of inventory.paths) report.dangerousPaths.push({ repository, ...path });
    const before = previous.get(repository);
    const after = summary(inventory);
    if (!before) report.new.push(repository);
    else if (before.digest !== inventory.digest && grew(before, after))
      report.grew.push({ repository, before: summary(before), after });
  }
  return report;
}

function summary(line: LedgerSummary): LedgerSummary {
  return { commit: line.commit, digest: line.digest, maxRadius: line.maxRadius, counts: { ...line.counts } };
}

function grew(before: LedgerSummary, after: LedgerSummary): boolean {
  if (RADIUS_ORDER[after.maxRadius] > RADIUS_ORDER[before.maxRadius]) return true;
  return RADII.some((radius) => (after.counts[radius] ?? 0) > (before.counts[radius] ?? 0));
}
