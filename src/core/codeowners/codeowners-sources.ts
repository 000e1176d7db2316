// Client source files under CODEOWNERS. A config, settings file, hook or plugin manifest is authority whole: it
// needs the control-plane owner, and nobody else may approve it alone. A file split by meaning (an agent, skill,
// command, prompt file, gh-aw workflow or instruction file) holds text beside what it grants: its text is the
// data owner's, and what it grants is held by the control-plane check and its signers whoever owns the file, so
// it belongs to the data owner; one only the control owner can approve makes every text edit wait for security.
import type { SourceLookup } from '../../sources/lookup.js';
import type { FindingCode } from '../../model/finding-code.js';
import type { Finding } from '../../model/types.js';
import type { ProbeOwners } from './probe-owners.js';
import { isMixedFile } from './codeowners-paths.js';

const lower = (owner: string) => owner.toLowerCase();
/** Paths named in one finding; the rest are counted, so 200 agent files under one rule stay one line. */
const NAMED = 3;

export interface PlaneOwnerLists {
  data: readonly string[];
  control: readonly string[];
}

/** One finding per problem and deciding rule, naming the first files it covers. */
export function checkSourceOwners(
  sources: readonly ProbeOwners[],
  owners: PlaneOwnerLists,
  codeownersPath: string,
  sourceOf: SourceLookup,
): Finding[] {
  const { control, data } = owners;
  const controlSet = new Set(control.map(lower));
  const dataSet = new Set(data.map(lower));
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
    if (isMixedFile(probe.path, sourceOf)) {
      const toData =
        data.length > 0 ? `route them to the data-plane owner ${data.join(' ')}` : 'give them an owner';
      if (probe.owners.length === 0) {
        add('warning', 'source-unowned', probe, `have no owner (${rule}): ${toData}`);
        continue;
      }
      const hasData = probe.owners.some((owner) => dataSet.has(lower(owner)));
      const controlOnly = probe.owners.every((owner) => controlSet.has(lower(owner)));
      if (controlOnly && !hasData)
        add(
          'warning',
          'source-owner-mismatch',
          probe,
          `hold text beside what they grant and only the control-plane owner ${control.join(' ')} can approve them (${rule}): every text edit waits for it; ${toData} (the control-plane check holds what they grant)`,
        );
      else if (data.length > 0 && !hasData)
        add(
          'warning',
          'source-owner-mismatch',
          probe,
          `are owned by ${probe.owners.join(' ')} (${rule}), not by the data-plane owner ${data.join(' ')}`,
        );
      continue;
    }
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
      add(
        'error',
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
