// Sign-off counts that the signers `init` sets up can meet: a count above the number of people
// who may sign deadlocks every change of that radius. A team's size is unknown here, so a team keeps the defaults.
import type { SignoffCounts } from '../model/types.js';

export type SignoffFit =
  | { kind: 'kept'; counts: SignoffCounts; reason: string }
  | { kind: 'fitted'; counts: SignoffCounts; signers: number };

export function fitSignoffs(defaults: SignoffCounts, signers: readonly string[]): SignoffFit {
  if (signers.length === 0) return { kind: 'kept', counts: defaults, reason: 'no signer named' };
  if (signers.some((owner) => owner.includes('/')))
    return { kind: 'kept', counts: defaults, reason: 'a team signs: its size is not known here' };
  const n = signers.length;
  const counts = Object.fromEntries(
    Object.entries(defaults).map(([radius, count]) => [radius, Math.min(count, n)]),
  ) as unknown as SignoffCounts;
  return { kind: 'fitted', counts, signers: n };
}

/** The counts as the config template writes them: `{ read: 1, write: 1, irreversible: 1, privileged: 2, narrowing: 0 }`. */
export function signoffsLine(counts: SignoffCounts): string {
  const order: (keyof SignoffCounts)[] = ['read', 'write', 'irreversible', 'privileged', 'narrowing'];
  return `{ ${order.map((key) => `${key}: ${counts[key]}`).join(', ')} }`;
}
