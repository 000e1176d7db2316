// Owners `init` proposes from the CODEOWNERS a repository already has: the prompt owner is who
// owns the data plane now; the control owner is who owns the tools, the client source files or the gate files,
// never the same people (that would be the fused ownership the split exists to prevent).
import type { Config } from '../../model/types.js';
import { checkCodeowners } from './codeowners-check.js';
import type { ProbeOwners } from './codeowners-check.js';

const CATCH_ALL = /^\/?\*{1,2}(\/\*{0,2})?$/;

export interface ProposedOwners {
  prompt: string[] | null;
  tool: string[] | null;
  /** where each came from, for the user: `line 3 "/prompts/"` */
  promptFrom: string | null;
  toolFrom: string | null;
}

export function proposeOwners(
  codeowners: { path: string; text: string } | null,
  config: Config,
  sourcePaths: readonly string[] = [],
): ProposedOwners {
  const none: ProposedOwners = { prompt: null, tool: null, promptFrom: null, toolFrom: null };
  if (!codeowners) return none;
  const report = checkCodeowners({ codeowners, config, sourcePaths });
  const from = (probe: ProbeOwners | undefined) =>
    probe?.rule ? `${codeowners.path} line ${probe.rule.line} "${probe.rule.pattern}"` : null;
  const dataProbe = report.planes.data.probes.find((probe) => probe.owners.length > 0);
  const prompt = dataProbe ? dataProbe.owners : null;
  const key = (owners: readonly string[]) =>
    owners
      .map((owner) => owner.toLowerCase())
      .sort()
      .join(' ');
  const candidates = [...report.planes.control.probes, ...report.sources, ...report.gates];
  const usable = (probe: ProbeOwners) =>
    probe.owners.length > 0 && (prompt === null || key(probe.owners) !== key(prompt));
  // a rule naming these paths says more than a catch-all (`*`) that happens to cover them
  const toolProbe =
    candidates.find((probe) => usable(probe) && !CATCH_ALL.test(probe.rule?.pattern ?? '*')) ??
    candidates.find(usable);
  return {
    prompt,
    tool: toolProbe ? toolProbe.owners : null,
    promptFrom: from(dataProbe),
    toolFrom: from(toolProbe),
  };
}
