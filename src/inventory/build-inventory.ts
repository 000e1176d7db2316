// The whole surface of one commit, read off the diff of an empty tree to it: every capability is `added`, so the
// inventory shows exactly what a pull request adding it all at once would have shown, digest included.
import { reachAgent } from '../core/agents/agent-reach.js';
import type { AgentReach } from '../core/agents/agent-reach.js';
import { maxRadius } from '../core/radius/radius.js';
import { RADII } from '../model/types.js';
import type { Config, DiffReport, Prompt, Radius, Registry } from '../model/types.js';
import { catalogForAgent } from '../sources/catalogs/index.js';
import type { Inventory, InventoryAgent } from './types.js';

export interface InventoryInput {
  repository: string;
  commit: string;
  report: DiffReport;
  registry: Registry;
  config: Config;
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : 0;
  };

export function buildInventory(input: InventoryInput): Inventory {
  const { report, registry, config } = input;
  const control = report.planes.control;
  const tools = control.tools
    .filter((t) => t.radiusAfter !== null)
    .map((t) => ({ name: t.name, file: t.path, radius: t.radiusAfter as Radius }))
    .sort(byKey((t) => `${t.name}\u0000${t.file}`));
  const servers = (control.servers ?? [])
    .filter((s) => s.radiusAfter !== null)
    .map((s) => ({ name: s.name, file: s.source, radius: s.radiusAfter as Radius }))
    .sort(byKey((s) => `${s.name}\u0000${s.file}`));
  const rules = (control.permissions ?? [])
    .filter((p) => p.change === 'added')
    .map((p) => ({ scope: p.scope, effect: p.effect, rule: p.rule, radius: p.radius, file: p.path }))
    .sort(byKey((r) => `${r.scope}\u0000${r.effect}\u0000${r.rule}\u0000${r.file}`));
  const reaches = agentReaches(report, registry, config);
  const agents: InventoryAgent[] = reaches
    .map(({ reach, bindings }) => ({ id: reach.id, file: reach.path, radius: reach.radius, bindings }))
    .sort(byKey((a) => `${a.id}\u0000${a.file}`));
  const bindingRadii = reaches.flatMap(({ reach }) => reach.tools.map((t) => t.radius));
  const all: Radius[] = [
    ...tools.map((t) => t.radius),
    ...servers.map((s) => s.radius),
    ...bindingRadii,
    ...rules.map((r) => r.radius),
  ];
  const counts = Object.fromEntries(RADII.map((r) => [r, 0])) as Record<Radius, number>;
  for (const radius of all) counts[radius] += 1;
  const paths = control.flows.added
    .map((f) => ({
      agent: f.agent,
      kind: f.kind,
      sources: [...f.sources].sort(),
      sinks: [...f.sinks].sort(),
    }))
    .sort(byKey((p) => `${p.agent}\u0000${p.kind}`));
  const findings = [...report.findings]
    .map(({ new: _new, ...finding }) => finding)
    .sort(byKey((f) => `${f.path}\u0000${String(f.line).padStart(8, '0')}\u0000${f.code}\u0000${f.message}`));
  return {
    repository: input.repository,
    commit: input.commit,
    digest: control.digest,
    maxRadius: all.length === 0 ? 'none' : maxRadius(all),
    counts,
    tools,
    servers,
    agents,
    rules,
    paths,
    findings,
    signals: signalsOf(reaches, findings),
  };
}

interface ReachedAgent {
  reach: AgentReach;
  bindings: string[];
  prompt: Prompt;
}

/** Each agent the diff saw gain bindings, reached as its own client reaches (built-ins from its catalog). */
function agentReaches(report: DiffReport, registry: Registry, config: Config): ReachedAgent[] {
  const prompts = new Map<string, Prompt>();
  for (const prompt of [...registry.prompts, ...(registry.agents ?? [])])
    if (!prompts.has(prompt.id)) prompts.set(prompt.id, prompt);
  const out: ReachedAgent[] = [];
  for (const binding of report.planes.control.bindings) {
    const prompt = prompts.get(binding.agent);
    if (!prompt || binding.added.length === 0) continue;
    const bindings = [...binding.added].sort();
    const reach = reachAgent({ ...prompt, tools: bindings }, registry, config.radius.actions);
    out.push({ reach, bindings, prompt });
  }
  return out;
}

function signalsOf(reaches: ReachedAgent[], findings: Inventory['findings']): Inventory['signals'] {
  const shells = new Set<string>();
  const webFetchers = new Set<string>();
  for (const { reach } of reaches) {
    const catalog = catalogForAgent(reach.id);
    for (const tool of reach.tools) {
      if (tool.kind === 'all') {
        shells.add(reach.id);
        webFetchers.add(reach.id);
        continue;
      }
      if (tool.kind !== 'builtin') continue;
      const entry = catalog?.entries.find((e) => e.name === tool.target);
      if (!entry || !entry.egress.includes('*') || !entry.untrustedInput) continue;
      if (entry.radius === 'privileged') shells.add(reach.id);
      else webFetchers.add(reach.id);
    }
  }
  const unpinned = new Set(
    findings.filter((f) => f.code === 'server-tools-unpinned').map((f) => f.tool ?? f.path),
  );
  return {
    shells: [...shells].sort(),
    webFetchers: [...webFetchers].sort(),
    unpinnedServers: [...unpinned].sort(),
  };
}
