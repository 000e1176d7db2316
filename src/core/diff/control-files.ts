import { isGateFile } from '../plane/classify-paths.js';
import type { GateFileChange } from './digest.js';
import { serverIdentity } from './diff-servers.js';
import type { ServerPair } from './diff-servers.js';
import { exceedsMaxRadius } from '../radius/signoff-requirement.js';
import { classifyServerRadius } from '../radius/server-radius.js';
import type { ChangedFile, Finding, Radius, Server } from '../../model/types.js';

export interface SnapshotFiles {
  /** path -> blob id of every file read on that side */
  oids: Map<string, string>;
  /** files a parser fully understood on that side */
  modelled: Set<string>;
}

/**
 * Changed control-plane files no parser modelled (a script, a template, a policy, a README, a
 * manifest that does not parse). Their change is invisible to the tool and server diff, so each one counts
 * as a `write` change and moves the digest by blob id, as gate files do. A file is modelled only when every
 * side that holds it was fully understood; a file nobody read is not.
 */
export function unmodelledControlFiles(
  control: readonly ChangedFile[],
  base: SnapshotFiles,
  head: SnapshotFiles,
): GateFileChange[] {
  const out: GateFileChange[] = [];
  const seen = new Set<string>();
  for (const file of control) {
    for (const path of new Set([file.path, file.oldPath ?? file.path])) {
      if (seen.has(path) || isGateFile(path)) continue;
      seen.add(path);
      const before = base.oids.get(path) ?? null;
      const after = head.oids.get(path) ?? null;
      const understood =
        (before !== null || after !== null) &&
        (before === null || base.modelled.has(path)) &&
        (after === null || head.modelled.has(path));
      if (!understood) out.push({ path, before, after });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Findings about changed servers at head: unpinned tools, a radius over the configured maximum, and a name
 * another server of the same file kind already uses (which one a client reaches is anybody's guess).
 */
export function changedServerFindings(
  pairs: readonly ServerPair[],
  headServers: readonly Server[],
  actions: Record<string, Radius>,
  limit: Radius,
): Finding[] {
  const findings: Finding[] = [];
  const declared = new Map<string, Server[]>();
  for (const server of headServers) {
    const identity = serverIdentity(server);
    declared.set(identity, [...(declared.get(identity) ?? []), server]);
  }
  for (const { change, after } of pairs) {
    if (after === undefined) continue;
    const where = {
      path: after.source.path,
      line: after.source.line,
      tool: after.name,
      subject: 'server' as const,
    };
    const twins = (declared.get(serverIdentity(after)) ?? []).filter((other) => other !== after);
    if (twins.length > 0) {
      const elsewhere = twins.map((other) => `${other.source.path}:${other.source.line}`).join(', ');
      findings.push({
        severity: 'error',
        code: 'duplicate-server',
        ...where,
        message: `server ${after.name} is declared more than once (also at ${elsewhere})`,
      });
    }
    for (const finding of classifyServerRadius(after, actions).findings) {
      findings.push({
        severity: finding.severity,
        code: finding.code,
        ...where,
        field: finding.field,
        message: finding.message,
      });
    }
    if (!change.narrowing && exceedsMaxRadius(change.radiusAfter, limit)) {
      findings.push({
        severity: 'error',
        code: 'radius-over-max',
        ...where,
        message: `server ${after.name} has radius ${change.radiusAfter}, above the configured maxRadius ${limit}`,
      });
    }
  }
  return findings;
}
