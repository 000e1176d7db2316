// Owners `init` proposes from the CODEOWNERS a repository already has: the data owner is who owns the prompts or
// the files split by meaning (agents, skills, commands, gh-aw workflows, instructions) now; the control owner is
// who owns the tools, the client configs and settings or the gate files, never the same people (that would be
// the fused ownership the split exists to prevent). A rule naming the paths says more than a catch-all.
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
  const specific = (probe: ProbeOwners) => !CATCH_ALL.test(probe.rule?.pattern ?? '*');
  const owned = (probe: ProbeOwners) => probe.owners.length > 0;
  const key = (owners: readonly string[]) =>
    owners
      .map((owner) => owner.toLowerCase())
      .sort()
      .join(' ');
  const candidates = [
    ...report.planes.control.probes,
    ...report.sources.filter((source) => source.plane === 'control'),
    ...report.gates,
  ];
  // agent files a security team owns today (an older block sent them there) do not name the data owner
  const controlKeys = new Set(candidates.filter(owned).map((probe) => key(probe.owners)));
  const prompts = report.planes.data.probes.filter(owned);
  const texts = report.sources.filter(
    (source) => source.plane === 'data' && owned(source) && !controlKeys.has(key(source.owners)),
  );
  const dataProbe = prompts.find(specific) ?? texts.find(specific) ?? prompts[0] ?? texts[0] ?? undefined;
  const prompt = dataProbe ? dataProbe.owners : null;
  const usable = (probe: ProbeOwners) =>
    probe.owners.length > 0 && (prompt === null || key(probe.owners) !== key(prompt));
  const toolProbe = candidates.find((probe) => usable(probe) && specific(probe)) ?? candidates.find(usable);
  return {
    prompt,
    tool: toolProbe ? toolProbe.owners : null,
    promptFrom: from(dataProbe),
    toolFrom: from(toolProbe),
  };
}
