import { compareRadius, maxRadius } from './radius.js';
import type {
  BindingChange,
  Config,
  Flow,
  PermissionChange,
  Radius,
  ServerChange,
  ToolChange,
} from '../../model/types.js';

export interface SignoffInput {
  tools: ToolChange[];
  bindings: BindingChange[];
  /** radius of each tool at head, for tools newly bound to an agent */
  radiusOfBound: (name: string, agent: string) => Radius | null;
  gateFilesChanged: boolean;
  flowsAdded: Flow[];
  servers?: ServerChange[];
  /** changed control-plane files no parser modelled: each counts as a `write` change */
  unmodelledFiles?: number;
  /** permission rules and gated settings that appeared or went: widened ones count at their radius */
  permissions?: PermissionChange[];
  /** changed files a control entry runs, each at the radius of the entry that runs it */
  executedRadii?: Radius[];
}

export interface SignoffRequirement {
  /** highest radius among added, widened or otherwise non-narrowing tool changes and new bindings */
  maxRadius: Radius | null;
  /** the radius whose sign-off count applies (gate-file edits count as privileged: they change who decides) */
  signoffRadius: Radius | null;
  narrowingOnly: boolean;
  capabilityChanged: boolean;
  requiredSignoffs: number;
}

/** Required sign-offs, always from the BASE config, so that a PR cannot lower its own bar. */
export function computeSignoffRequirement(input: SignoffInput, baseConfig: Config): SignoffRequirement {
  const raising = input.tools.filter((tool) => !tool.narrowing);
  const radii: Radius[] = raising.map(requiredRadius);
  for (const binding of input.bindings) {
    for (const name of binding.added) radii.push(input.radiusOfBound(name, binding.agent) ?? 'none');
  }
  // a server change needs the sign-offs of what it could do before or after, whichever is higher
  const raisingServers = (input.servers ?? []).filter((server) => !server.narrowing);
  for (const server of raisingServers) {
    radii.push(maxRadius([server.radiusBefore ?? 'none', server.radiusAfter ?? 'none']));
  }
  const unmodelled = input.unmodelledFiles ?? 0;
  if (unmodelled > 0) radii.push('write');
  const permissions = input.permissions ?? [];
  const widenedRules = permissions.filter((rule) => rule.kind === 'widened');
  for (const rule of widenedRules) radii.push(rule.radius);
  const executed = input.executedRadii ?? [];
  radii.push(...executed);
  const capabilityChanged =
    input.tools.length > 0 ||
    input.bindings.length > 0 ||
    input.gateFilesChanged ||
    (input.servers ?? []).length > 0 ||
    unmodelled > 0 ||
    permissions.length > 0 ||
    executed.length > 0;
  const widening =
    raising.length > 0 ||
    input.bindings.some((b) => b.added.length > 0) ||
    input.flowsAdded.length > 0 ||
    raisingServers.length > 0 ||
    unmodelled > 0 ||
    widenedRules.length > 0 ||
    executed.length > 0;
  const narrowingOnly = capabilityChanged && !widening && !input.gateFilesChanged;
  const highest = radii.length > 0 ? maxRadius(radii) : null;
  const signoffRadius = input.gateFilesChanged ? 'privileged' : (highest ?? (widening ? 'none' : null));
  const counts = baseConfig.planes.control.signoffs;
  let requiredSignoffs = 0;
  if (narrowingOnly) requiredSignoffs = counts.narrowing;
  else if (signoffRadius !== null) requiredSignoffs = counts[signoffRadius];
  return { maxRadius: highest, signoffRadius, narrowingOnly, capabilityChanged, requiredSignoffs };
}

/**
 * The radius a non-narrowing tool change is signed at. A modified or renamed tool is held at the higher of its
 * two radii: lowering what it declares about itself (effect, annotations, dataAccess, its name's verb) must
 * not lower the bar for the very change that lowers it, nor for anything riding along with it.
 */
function requiredRadius(tool: ToolChange): Radius {
  const after = tool.radiusAfter ?? 'none';
  if (tool.change === 'added' || tool.radiusBefore === null) return after;
  return maxRadius([tool.radiusBefore, after]);
}

export function exceedsMaxRadius(radius: Radius | null, limit: Radius): boolean {
  return radius !== null && compareRadius(radius, limit) > 0;
}
