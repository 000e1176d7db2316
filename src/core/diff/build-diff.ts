import { diffBindings } from '../agents/agents.js';
import { resolveDataReviewers } from '../gate/reviewers.js';
import type { GatePeople } from '../gate/reviewers.js';
import { createPathClassification, isGateFile, refusedChangedPaths } from '../plane/classify-paths.js';
import { changedServerFindings, unmodelledControlFiles } from './control-files.js';
import { changedExecutables, executedFilesOf, executedFinding } from './executed-files.js';
import { heldWhenExecuted, splitChangedFiles, unreadablePaths } from '../plane/changed-planes.js';
import { ghAwLockFindings, ghAwSide, releaseBodyHashLocks } from './gh-aw-lock-stale.js';
import { computeDigest } from './digest.js';
import type { GateFileChange } from './digest.js';
import { diffPrompts, findDuplicatePromptIds } from './diff-prompts.js';
import { diffPermissions } from './diff-permissions.js';
import { diffServerPairs } from './diff-servers.js';
import { diffToolRegistry } from './diff-tools.js';
import { diffFlows } from '../agents/flows.js';
import type { ParsedSnapshot } from '../plane/parse-snapshot.js';
import { memoizeBlastRadius } from '../radius/radius.js';
import { changedFieldsOf, markNewFindings } from '../plane/new-findings.js';
import { computeSignoffRequirement, exceedsMaxRadius } from '../radius/signoff-requirement.js';
import { resolveTreeAgents } from '../agents/tree-agents.js';
import type {
  BindingChange,
  ChangedFile,
  Config,
  DiffReport,
  Finding,
  Radius,
  RefInfo,
  Registry,
  Tool,
  ToolChange,
} from '../../model/types.js';
import { toolsToCheck, validateRegistry } from '../checks/validate-registry.js';
import type { EvalDelta } from '../../model/eval.js';
import { applyWaivers } from './waivers.js';
import { bindingsOf, hasEscalation } from './escalation.js';
import { bindingRadiusOf } from '../agents/agent-reach.js';
import { registryBindingKind } from '../agents/registry-bindings.js';

export interface DiffInput {
  base: { ref: RefInfo; snapshot: ParsedSnapshot };
  head: { ref: RefInfo; snapshot: ParsedSnapshot };
  changedFiles: ChangedFile[];
  /** always the base commit's config */
  config: Config;
  /** YYYY-MM-DD, for waiver expiry */
  today: string;
  /** owners per path, e.g. from CODEOWNERS at base: the data plane asks the owners of its changed files */
  ownersOf?: (path: string) => string[];
  /**
   * Who the gate names for each plane (resolveGatePeople), resolved once per run: the control plane's reviewers
   * are the owners of its paths, never of the files a PR chose to touch. Absent: configured reviewers, else the
   * owners of the changed files.
   */
  people?: GatePeople;
  /** the data plane's behavioural verdict, loaded by the caller when the data plane changed */
  eval?: EvalOutcome;
}

/** Eval results as read: the delta (when readable) and the findings reading them raised (listed first). */
export interface EvalOutcome {
  delta?: EvalDelta;
  findings: Finding[];
}

/** The whole two-plane diff, as the stable JSON report (docs/json-output.md). Pure: every input is data. */
export function buildDiffReport(input: DiffInput): DiffReport {
  const { config } = input;
  const actions = config.radius.actions;
  const baseRegistry = input.base.snapshot.registry;
  const headRegistry = input.head.snapshot.registry;
  const classify = createPathClassification(config);
  const changedPaths = new Set(input.changedFiles.map((file) => file.path));
  const unreadable = unreadablePaths(headRegistry.findings, changedPaths);
  const executed = changedExecutables(
    input.changedFiles,
    executedFilesOf(baseRegistry, actions),
    executedFilesOf(headRegistry, actions),
  ).filter((change) => heldWhenExecuted(classify(change.path)));
  const executedFiles = new Set(executed.map((change) => change.file));
  const files = splitChangedFiles(input.changedFiles, classify, (file) => ({
    unreadable: unreadable.has(file.path),
    executed: executedFiles.has(file),
  }));
  releaseBodyHashLocks(files, ghAwSide(input.base.snapshot), ghAwSide(input.head.snapshot));

  // one classification per tool for the whole diff: both sides share the tools of unchanged files
  const blastRadius = memoizeBlastRadius(actions);
  const tools = diffToolRegistry(baseRegistry.tools, headRegistry.tools, { actions, blastRadius });
  // agents of client files bind like prompts: their `tools` are authority inside data-plane files
  const bindings = diffBindings(
    [...baseRegistry.prompts, ...(baseRegistry.agents ?? [])],
    [...headRegistry.prompts, ...(headRegistry.agents ?? [])],
  );
  const baseSide = resolveTreeAgents(baseRegistry, config, blastRadius);
  const headSide = resolveTreeAgents(headRegistry, config, blastRadius);
  const baseServers = baseSide.servers;
  const headServers = headSide.servers;
  const flows = diffFlows(baseSide.agents, headSide.agents, {
    base: baseSide.flowContext,
    head: headSide.flowContext,
  });
  const ruleContext = (registry: Registry, servers: typeof baseServers) => ({
    servers,
    registryTools: registry.tools.filter((tool) => tool.server === undefined).map((tool) => tool.name),
  });
  const permissions = diffPermissions(baseRegistry.permissions ?? [], headRegistry.permissions ?? [], {
    base: ruleContext(baseRegistry, baseServers),
    head: ruleContext(headRegistry, headServers),
  });

  const serverPairs = diffServerPairs(baseServers, headServers, { actions });
  const servers = serverPairs.map((pair) => pair.change);
  const gateFiles = changedGateFiles(files.control, input.base.snapshot.oids, input.head.snapshot.oids);
  const unmodelled = unmodelledControlFiles(files.control, input.base.snapshot, input.head.snapshot);
  const headByName = new Map(headRegistry.tools.map((tool) => [tool.name, tool]));
  const digest = computeDigest({
    toolChanges: tools,
    baseTools: new Map(baseRegistry.tools.map((tool) => [tool.name, tool])),
    headTools: headByName,
    gateFiles,
    bindings,
    servers: serverPairs,
    unmodelled,
    permissions,
  });
  // a registry prompt's `srv/*` resolves as scope and the runtime's `--agent` resolve it, never at radius none
  const boundRadius =
    (side: typeof headSide, byName: Map<string, Tool>, registry: Registry) =>
    (agent: string, name: string): Radius | null => {
      const bound = side.source.bindingRadius(agent, name);
      if (bound !== null) return bound;
      const tool = byName.get(name);
      if (tool) return side.radiusOf(tool);
      return bindingRadiusOf(registry, agent, name, actions);
    };
  const headBindingRadius = boundRadius(headSide, headByName, headRegistry);
  const escalation = hasEscalation({
    tools,
    servers,
    bindings,
    permissions,
    baseBindingRadius: boundRadius(
      baseSide,
      new Map(baseRegistry.tools.map((tool) => [tool.name, tool])),
      baseRegistry,
    ),
    headBindingRadius,
    baseBindings: bindingsOf([...baseRegistry.prompts, ...(baseRegistry.agents ?? [])]),
    baseRules: baseRegistry.permissions ?? [],
    baseRuleContext: ruleContext(baseRegistry, baseServers),
  });
  const requirement = computeSignoffRequirement(
    {
      tools,
      bindings,
      radiusOfBound: (name, agent) => headBindingRadius(agent, name),
      gateFilesChanged: gateFiles.length > 0,
      flowsAdded: flows.added,
      servers,
      unmodelledFiles: unmodelled.length,
      permissions,
      executedRadii: executed.map((change) => change.by.radius),
    },
    config,
  );

  const prompts = diffPrompts(baseRegistry.prompts, headRegistry.prompts, {
    versionBump: config.planes.data.versionBump,
  });
  // a client's agent file has no version to bump: its text changes are listed, never held for one
  const agentTexts = diffPrompts(baseRegistry.agents ?? [], headRegistry.agents ?? [], {
    versionBump: 'off',
  });
  prompts.changes.push(...agentTexts.changes);
  const changedTools = new Set(tools.filter((t) => t.change !== 'removed').map((t) => t.name));
  const relevant = (finding: Finding) =>
    changedPaths.has(finding.path) || (finding.tool !== undefined && changedTools.has(finding.tool));
  // duplicate ids are judged per group (every file, kept when any of them changed), not per changed file
  const headFindings = dedupeFindings([
    ...[
      ...headRegistry.findings,
      // per-tool checks only where a finding could be kept: the same findings as checking every tool
      ...validateRegistry(headRegistry, {
        actions,
        blastRadius,
        bindingKind: registryBindingKind(headRegistry, actions),
        checkTool: toolsToCheck(headRegistry.tools, changedPaths, changedTools),
      }),
    ]
      .filter((finding) => finding.code !== 'duplicate-prompt')
      .filter(relevant),
    ...findDuplicatePromptIds(headRegistry.prompts, changedPaths),
    ...headSide.source.findings.filter(relevant),
    ...refusedChangedPaths(input.changedFiles),
    ...executed.map(executedFinding),
    ...ghAwLockFindings(input.changedFiles, ghAwSide(input.base.snapshot), ghAwSide(input.head.snapshot)),
  ]);
  const waived = applyWaivers(
    [
      ...headFindings,
      ...prompts.findings,
      ...radiusOverMax(tools, config.planes.control.maxRadius),
      ...changedServerFindings(serverPairs, headServers, actions, config.planes.control.maxRadius),
    ],
    config.waivers,
    input.today,
  );

  const controlChanged =
    files.control.length > 0 || bindings.length > 0 || servers.length > 0 || permissions.length > 0;
  const reviewersFor = (configured: string[], paths: ChangedFile[]) =>
    configured.length > 0 ? configured : ownersOfFiles(paths, input.ownersOf);
  const { people } = input;
  const dataReviewers = () =>
    people
      ? resolveDataReviewers(people, files.data, input.ownersOf)
      : reviewersFor(config.planes.data.reviewers, files.data);
  const controlReviewers = () =>
    people
      ? [...people.control]
      : reviewersFor(config.planes.control.reviewers, [
          ...files.control,
          ...boundToolFiles(bindings, headByName, baseRegistry.tools),
        ]);

  return {
    schemaVersion: 1,
    base: input.base.ref,
    head: input.head.ref,
    planes: {
      data: {
        changed: files.data.length > 0,
        files: files.data,
        prompts: prompts.changes,
        reviewers: files.data.length > 0 ? dataReviewers() : [],
        ...(input.eval?.delta ? { eval: input.eval.delta } : {}),
      },
      control: {
        changed: controlChanged,
        files: files.control,
        tools,
        servers,
        bindings,
        permissions,
        flows,
        maxRadius: requirement.maxRadius,
        escalation,
        narrowingOnly: requirement.narrowingOnly,
        requiredSignoffs: requirement.requiredSignoffs,
        digest,
        unmodelled: unmodelled.map((file) => file.path),
        reviewers: controlChanged ? controlReviewers() : [],
      },
    },
    ungoverned: files.none,
    // eval findings come first and are never waived: they are about CI's run, not about a tool
    findings: [
      ...(input.eval?.findings ?? []).map((finding) => ({ ...finding, new: true })),
      ...sortFindings(
        markNewFindings({
          head: waived.findings,
          // the base's per-tool findings can only match head findings of the changed files and tools
          base: [
            ...baseRegistry.findings,
            ...validateRegistry(baseRegistry, {
              actions,
              blastRadius,
              bindingKind: registryBindingKind(baseRegistry, actions),
              checkTool: toolsToCheck(baseRegistry.tools, basePathsOf(input.changedFiles), changedTools),
            }),
          ],
          changedFiles: input.changedFiles,
          changedFields: changedFieldsOf([...tools, ...servers]),
        }),
      ),
    ],
    waivers: { applied: waived.applied, expired: waived.expired },
  };
}

/** The paths the changed files had at the base: a renamed file's findings there are under its old name. */
function basePathsOf(changedFiles: readonly ChangedFile[]): Set<string> {
  const paths = new Set<string>();
  for (const file of changedFiles) paths.add(file.oldPath ?? file.path);
  for (const file of changedFiles) paths.add(file.path);
  return paths;
}

function changedGateFiles(
  files: ChangedFile[],
  baseOids: Map<string, string>,
  headOids: Map<string, string>,
): GateFileChange[] {
  const out: GateFileChange[] = [];
  for (const file of files) {
    for (const path of new Set([file.path, file.oldPath ?? file.path])) {
      if (!isGateFile(path)) continue;
      out.push({ path, before: baseOids.get(path) ?? null, after: headOids.get(path) ?? null });
    }
  }
  return out;
}

function radiusOverMax(tools: ToolChange[], limit: Radius): Finding[] {
  return tools
    .filter((tool) => !tool.narrowing && exceedsMaxRadius(tool.radiusAfter, limit))
    .map((tool) => ({
      severity: 'error' as const,
      code: 'radius-over-max',
      path: tool.path,
      line: tool.line,
      tool: tool.name,
      message: `${tool.name} has radius ${tool.radiusAfter}, above the configured maxRadius ${limit}`,
    }));
}

/** A binding change is reviewed by the owners of the manifests it binds, though the edit sits in a prompt. */
function boundToolFiles(
  bindings: BindingChange[],
  head: Map<string, Tool>,
  baseTools: Tool[],
): ChangedFile[] {
  const base = new Map(baseTools.map((tool) => [tool.name, tool]));
  const paths = new Set<string>();
  for (const binding of bindings) {
    for (const name of binding.added) paths.add((head.get(name) ?? base.get(name))?.source.path ?? '');
    for (const name of binding.removed) paths.add((base.get(name) ?? head.get(name))?.source.path ?? '');
  }
  paths.delete('');
  return [...paths].map((path) => ({ path, status: 'modified' as const }));
}

function ownersOfFiles(files: ChangedFile[], ownersOf: DiffInput['ownersOf']): string[] {
  if (!ownersOf) return [];
  const owners = new Set<string>();
  for (const file of files) for (const owner of ownersOf(file.path)) owners.add(owner);
  return [...owners].sort();
}

function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\0${f.path}\0${f.line}\0${f.tool ?? ''}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;
function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      a.line - b.line,
  );
}
