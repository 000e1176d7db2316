// Client source files carry authority: an MCP config or `.claude/settings.json` is control plane whole,
// an agent file's bindings are. Each needs the control-plane owner, and a config nobody else can approve alone.
import type { SourceLookup } from '../../sources/lookup.js';
import type { FindingCode } from '../../model/finding-code.js';
import type { Finding } from '../../model/types.js';
import type { ProbeOwners } from './probe-owners.js';
import { isAgentFile } from './codeowners-paths.js';

const lower = (owner: string) => owner.toLowerCase();
/** Paths named in one finding; the rest are counted, so 200 agent files under one rule stay one line. */
const NAMED = 3;

/** One finding per problem and deciding rule, naming the first files it covers. */
export function checkSourceOwners(
  sources: readonly ProbeOwners[],
  control: readonly string[],
  codeownersPath: string,
  sourceOf: SourceLookup,
): Finding[] {
  const controlSet = new Set(control.map(lower));
  const groups = new Map<
    string,
    { severity: Finding['severity']; code: FindingCode; line: number; why: string; paths: string[] }
  >();
  const add = (severity: Finding['severity'], code: FindingCode, probe: ProbeOwners, why: string) => {
    const key = `${severity}\0${code}\0${probe.rule?.line ?? 0}\0${why}`;
    const group = groups.get(key) ?? { severity, code, line: probe.rule?.line ?? 1, why, paths: [] };
    group.paths.push(probe.path);
    groups.set(key, group);
  };
  for (const probe of sources) {
    const rule = probe.rule ? `line ${probe.rule.line} "${probe.rule.pattern}"` : 'no rule';
    if (probe.owners.length === 0) {
      add('error', 'source-unowned', probe, `have no owner (${rule}): route them to ${control.join(' ')}`);
      continue;
    }
    const hasControl = probe.owners.some((owner) => controlSet.has(lower(owner)));
    const outsiders = probe.owners.filter((owner) => !controlSet.has(lower(owner)));
    if (!hasControl) {
      add(
        'error',
        'source-owner-mismatch',
        probe,
        `are owned by ${probe.owners.join(' ')} (${rule}), not by the control-plane owner ${control.join(' ')}`,
      );
    } else if (outsiders.length > 0) {
      // an agent file's text is the prompt team's too; agentgate's control-plane status still holds its bindings
      const agent = isAgentFile(probe.path, sourceOf);
      add(
        agent ? 'warning' : 'error',
        'source-owner-mismatch',
        probe,
        `can be approved by ${outsiders.join(' ')} alone (${rule}), not only by the control-plane owner ${control.join(' ')}`,
      );
    }
  }
  return [...groups.values()].map((group) => {
    const named = group.paths.slice(0, NAMED).join(', ');
    const more = group.paths.length > NAMED ? ` and ${group.paths.length - NAMED} more` : '';
    return {
      severity: group.severity,
      code: group.code,
      path: codeownersPath,
      line: group.line,
      message: `client source file(s) ${named}${more} ${group.why}`,
    };
  });
}
