import { readSigners } from './signoffs.js';
import { inputFinding } from '../../parse/findings.js';
import type { FieldPath } from '../../parse/yaml.js';
import { parseYaml, resolvePath } from '../../parse/yaml.js';
import type { Config, Finding, SignoffCounts } from '../../model/types.js';

export const SIGNOFF_UNSATISFIABLE = 'signoff-unsatisfiable';

/** Where the signers came from: the key that lists them, or the CODEOWNERS file that gave them by default. */
export type SignerSource = 'signers' | 'reviewers' | { codeowners: string };

export interface FeasibilityInput {
  config: Config;
  /** the config file as found (`agentgate.yaml`), whether or not it exists */
  configPath: string;
  /** its text; null when there is no config file (every count is a default) */
  configText: string | null;
  /** the control plane's signers as resolved (configured, else reviewers, else CODEOWNERS owners) */
  signers: readonly string[];
  from: SignerSource;
}

const GATED: readonly (keyof SignoffCounts)[] = ['read', 'write', 'irreversible', 'privileged', 'narrowing'];

/**
 * A sign-off count no set of signers can meet deadlocks the control plane silently: every change of that radius
 * waits forever. A team's size cannot be known offline, so a team among the signers is never called a deadlock;
 * no signers at all is the gate's own "no signers configured" note, not this finding.
 */
export function findUnsatisfiableSignoffs(input: FeasibilityInput): Finding[] {
  const signers = readSigners(input.signers);
  const count = signers.users.size;
  if (count === 0 || signers.teams.length > 0) return [];
  const locate = createLocator(input.configText);
  const source = describeSource(input.from);
  const findings: Finding[] = [];
  for (const key of GATED) {
    const required = input.config.planes.control.signoffs[key];
    if (required <= count) continue;
    const field: FieldPath = ['planes', 'control', 'signoffs', key];
    const written = locate(field);
    const cause: FieldPath =
      input.from === 'signers' || input.from === 'reviewers' ? ['planes', 'control', input.from] : [];
    const line = written ?? (cause.length > 0 ? locate(cause) : null) ?? 1;
    const what = written === null ? `the default ${key} count (${required})` : `${required} sign-offs`;
    findings.push(
      inputFinding({
        code: SIGNOFF_UNSATISFIABLE,
        path: input.configPath,
        line,
        field,
        message:
          `${what} cannot be satisfied: ${count} signer${count === 1 ? '' : 's'} configured (${source}); ` +
          `no ${key === 'narrowing' ? 'narrowing' : key} change can ever pass: add signers, list a team, or lower the count`,
      }),
    );
  }
  return findings;
}

function describeSource(from: SignerSource): string {
  if (from === 'signers') return 'planes.control.signers';
  if (from === 'reviewers') return 'planes.control.reviewers, as no signers are listed';
  return `the owners of the control paths in ${from.codeowners}`;
}

/** The line of a field actually written in the config; null when the file or the field is absent. */
function createLocator(text: string | null): (field: FieldPath) => number | null {
  if (text === null) return () => null;
  const doc = parseYaml(text).documents[0];
  if (!doc) return () => null;
  return (field) => {
    const found = resolvePath(doc, field);
    return found.matched === field.length ? found.line : null;
  };
}
