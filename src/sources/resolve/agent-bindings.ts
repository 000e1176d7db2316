// Every binding of one agent resolved against its client's catalog, the servers the repository declares and the
// registry's tools, with a finding for each binding nobody knows. The diff and composition stages build on it.
import type { Finding, Prompt } from '../../model/types.js';
import { catalogForAgent } from '../catalogs/index.js';
import type { BindingContext, BindingResolution } from './resolve-binding.js';
import { bindingFinding, resolveBinding } from './resolve-binding.js';

export interface AgentBindings {
  resolutions: BindingResolution[];
  findings: Finding[];
}

/** Registry prompts (no client prefix in their id) use an empty catalog: only registry tools and servers. */
export function resolveAgentBindings(agent: Prompt, context: Omit<BindingContext, 'catalog'>): AgentBindings {
  const catalog = catalogForAgent(agent.id) ?? [];
  const resolutions = (agent.tools ?? []).map((binding) => resolveBinding(binding, { ...context, catalog }));
  const where = { path: agent.source.path, line: agent.source.line, agent: agent.id };
  const findings = resolutions
    .map((resolution) => bindingFinding(resolution, where))
    .filter((finding): finding is Finding => finding !== undefined);
  return { resolutions, findings };
}
