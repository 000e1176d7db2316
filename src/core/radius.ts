import type { Radius, Tool, ToolAnnotations } from './types.js';

/** Rank of each class: none < read < write < irreversible < privileged. */
export const RADIUS_ORDER: Readonly<Record<Radius, number>> = Object.freeze({
  none: 0,
  read: 1,
  write: 2,
  irreversible: 3,
  privileged: 4,
});

export function compareRadius(a: Radius, b: Radius): number {
  return RADIUS_ORDER[a] - RADIUS_ORDER[b];
}

/** The highest class in the list; `none` for an empty list. */
export function maxRadius(list: readonly Radius[]): Radius {
  let best: Radius = 'none';
  for (const radius of list) if (RADIUS_ORDER[radius] > RADIUS_ORDER[best]) best = radius;
  return best;
}

export function radiusAtLeast(radius: Radius, floor: Radius): boolean {
  return RADIUS_ORDER[radius] >= RADIUS_ORDER[floor];
}

function floorsFor(radius: Radius, actions: string[]): Record<string, Radius> {
  return Object.fromEntries(actions.map((action) => [action, radius]));
}

/** SPEC section 4: the floor each scope action (and each leading verb of a name) implies. */
export const DEFAULT_ACTION_FLOORS: Readonly<Record<string, Radius>> = Object.freeze({
  ...floorsFor('read', ['read', 'get', 'list', 'search', 'describe']),
  ...floorsFor('write', ['write', 'create', 'update', 'put', 'patch']),
  ...floorsFor('irreversible', [
    'delete',
    'destroy',
    'drop',
    'purge',
    'truncate',
    'send',
    'refund',
    'pay',
    'transfer',
    'publish',
    'post',
  ]),
  ...floorsFor('privileged', [
    'admin',
    'grant',
    'assume',
    'impersonate',
    'root',
    'execute',
    'exec',
    'eval',
    'shell',
    '*',
  ]),
});

const NO_OVERRIDES: Readonly<Record<string, Radius>> = Object.freeze({});

// A Map, not a plain object: an action called `constructor` or `__proto__` must not hit Object.prototype.
// Cached per overrides object because classifying 10,000 tools must not rebuild it 10,000 times.
const tableCache = new WeakMap<object, ReadonlyMap<string, Radius>>();

function actionTable(overrides: Readonly<Record<string, Radius>>): ReadonlyMap<string, Radius> {
  const cached = tableCache.get(overrides);
  if (cached) return cached;
  const table = new Map<string, Radius>();
  for (const [action, radius] of Object.entries(DEFAULT_ACTION_FLOORS)) table.set(action, radius);
  for (const [action, radius] of Object.entries(overrides)) table.set(action.trim().toLowerCase(), radius);
  tableCache.set(overrides, table);
  return table;
}

/**
 * Floor of a scope action. A `*` action stands for every action, admin ones included, so it is privileged
 * whatever the overrides say; an action the table does not know is a write.
 */
export function actionFloor(
  action: string,
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
): Radius {
  const key = action.trim().toLowerCase();
  if (key === '*') return 'privileged';
  return actionTable(overrides).get(key) ?? 'write';
}

/** The floor a scope (or credential scope) implies: that of its last ':'-separated segment. */
export function scopeFloor(
  scope: string,
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
): Radius {
  return actionFloor(scope.slice(scope.lastIndexOf(':') + 1), overrides);
}

/**
 * The first word of a tool name, lowercased: `github.deleteBranch` -> `delete`, `issue_refund` -> `issue`.
 * For `<server>.<tool>` names only the tool part counts.
 */
export function leadingVerb(toolName: string): string {
  const parts = toolName.split('.').filter((part) => part.length > 0);
  const local = parts[parts.length - 1] ?? '';
  const spaced = local.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
  const first = spaced.split(/[\s_-]+/).find((word) => word.length > 0);
  return (first ?? '').toLowerCase();
}

/** The floor a name's leading verb implies, or undefined when the verb is not in the table. */
export function nameFloor(
  toolName: string,
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
): Radius | undefined {
  return actionTable(overrides).get(leadingVerb(toolName));
}

/**
 * MCP annotations read with MCP's own defaults (readOnlyHint false, destructiveHint true). No annotations at
 * all reads as all defaults: irreversible.
 */
export function annotationRadius(annotations: ToolAnnotations | undefined): Radius {
  if (annotations?.readOnlyHint === true) return 'read';
  if (annotations?.destructiveHint === false) return 'write';
  return 'irreversible';
}

export interface RadiusFloor {
  source: string;
  radius: Radius;
}

export type RadiusFindingCode = 'effect-understated' | 'radius-assumed' | 'annotation-contradicts-name';

export interface RadiusFinding {
  severity: 'warning';
  code: RadiusFindingCode;
  field: string;
  message: string;
}

export interface RadiusResult {
  /** the tool's blast radius: the highest of the declared effect and every derived floor */
  radius: Radius;
  /** the highest floor from everything but the declared effect */
  derived: Radius;
  /** where each contribution came from, declared effect first */
  floors: RadiusFloor[];
  findings: RadiusFinding[];
}

function describeAnnotations(annotations: ToolAnnotations): string {
  const readOnly = annotations.readOnlyHint ?? false;
  const destructive = annotations.destructiveHint ?? true;
  return `annotations (readOnlyHint: ${readOnly}, destructiveHint: ${destructive})`;
}

function warning(code: RadiusFindingCode, field: string, message: string): RadiusFinding {
  return { severity: 'warning', code, field, message };
}

function derivedFloorsOf(tool: Tool, overrides: Readonly<Record<string, Radius>>): RadiusFloor[] {
  const floors: RadiusFloor[] = [];
  for (const scope of tool.scopes)
    floors.push({ source: `scope ${scope}`, radius: scopeFloor(scope, overrides) });
  for (const credential of tool.credentials) {
    for (const scope of credential.scopes) {
      floors.push({
        source: `credential ${credential.name} scope ${scope}`,
        radius: scopeFloor(scope, overrides),
      });
    }
  }
  if (tool.annotations) {
    floors.push({
      source: describeAnnotations(tool.annotations),
      radius: annotationRadius(tool.annotations),
    });
  }
  const verbRadius = nameFloor(tool.name, overrides);
  if (verbRadius) floors.push({ source: `name verb "${leadingVerb(tool.name)}"`, radius: verbRadius });
  return floors;
}

/** SPEC section 4. Findings only ever explain or raise the radius; nothing a manifest says lowers it. */
export function classifyBlastRadius(
  tool: Tool,
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
): RadiusResult {
  const derivedFloors = derivedFloorsOf(tool, overrides);
  const findings: RadiusFinding[] = [];

  if (tool.effect === undefined && tool.annotations === undefined) {
    derivedFloors.push({ source: 'no effect or annotations (MCP defaults)', radius: 'irreversible' });
    findings.push(
      warning(
        'radius-assumed',
        'effect',
        'no `effect` and no annotations: assumed irreversible (MCP defaults); declare `effect` so reviewers see the real class',
      ),
    );
  }

  const derived = maxRadius(derivedFloors.map((floor) => floor.radius));
  const effect = tool.effect;
  const floors =
    effect === undefined ? derivedFloors : [{ source: 'declared effect', radius: effect }, ...derivedFloors];
  const radius = effect === undefined ? derived : maxRadius([effect, derived]);

  if (effect !== undefined && compareRadius(effect, derived) < 0) {
    const raisers = derivedFloors.filter((floor) => compareRadius(floor.radius, effect) > 0);
    const top = raisers.find((floor) => floor.radius === derived) ?? raisers[0];
    const more = raisers.length > 1 ? ` (and ${raisers.length - 1} more)` : '';
    findings.push(
      warning(
        'effect-understated',
        'effect',
        `declared effect ${effect} is below ${derived}: ${top?.source ?? 'a derived floor'} implies ${derived}${more}; declare \`effect: ${derived}\``,
      ),
    );
  }

  if (tool.annotations) {
    const claimed = annotationRadius(tool.annotations);
    const verbRadius = nameFloor(tool.name, overrides);
    if (claimed !== 'irreversible' && verbRadius && compareRadius(verbRadius, claimed) > 0) {
      const said = claimed === 'read' ? 'readOnlyHint: true' : 'destructiveHint: false';
      findings.push(
        warning(
          'annotation-contradicts-name',
          'annotations',
          `annotations say ${said} (${claimed}) but the name verb "${leadingVerb(tool.name)}" implies ${verbRadius}`,
        ),
      );
    }
  }

  return { radius, derived, floors, findings };
}
