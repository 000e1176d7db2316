import { nameVerbFloor, scopeFloor, wordsOf } from './action-floors.js';
import type { Radius, Tool, ToolAnnotations } from '../../model/types.js';

const NO_OVERRIDES: Readonly<Record<string, Radius>> = Object.freeze({});

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

export { DEFAULT_ACTION_FLOORS, actionFloor, scopeFloor, wordsOf } from './action-floors.js';

/**
 * The first word of a tool name, lowercased: `github.deleteBranch` -> `delete`, `issue_refund` -> `issue`.
 * For `<server>.<tool>` names only the tool part counts. (The floor itself reads every dot part: nameFloor.)
 */
export function leadingVerb(toolName: string): string {
  const parts = toolName.split('.').filter((part) => part.length > 0);
  return wordsOf(parts[parts.length - 1] ?? '')[0] ?? '';
}

/** The floor a name's verbs imply, or undefined when no verb is in the table. */
export function nameFloor(
  toolName: string,
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
  server?: string,
): Radius | undefined {
  return nameVerbFloor(toolName, overrides, server)?.radius;
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

export type RadiusFindingCode =
  'effect-understated' | 'radius-assumed' | 'annotation-contradicts-name' | 'credential-unscoped';

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
  const verb = nameVerbFloor(tool.name, overrides, tool.server);
  if (verb) floors.push({ source: `name verb "${verb.word}"`, radius: verb.radius });
  return floors;
}

/** Scopes, on the tool or on a credential, say what the tool may do: they are a declaration. */
const declaresScopes = (tool: Tool): boolean =>
  tool.scopes.length > 0 || tool.credentials.some((credential) => credential.scopes.length > 0);

/**
 * A tool's blast radius, from its effect, scopes, credentials and name. Findings only ever explain or raise the
 * radius; nothing a manifest says lowers it.
 */
export function classifyBlastRadius(
  tool: Tool,
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
): RadiusResult {
  const derivedFloors = derivedFloorsOf(tool, overrides);
  const findings: RadiusFinding[] = [];

  if (tool.effect === undefined && tool.annotations === undefined && !declaresScopes(tool)) {
    derivedFloors.push({ source: 'no effect or annotations (MCP defaults)', radius: 'irreversible' });
    findings.push(
      warning(
        'radius-assumed',
        'effect',
        'no `effect`, annotations or scopes: assumed irreversible (MCP defaults); declare `effect` so reviewers see the real class',
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
    const verb = nameVerbFloor(tool.name, overrides, tool.server);
    if (claimed !== 'irreversible' && verb && compareRadius(verb.radius, claimed) > 0) {
      const said = claimed === 'read' ? 'readOnlyHint: true' : 'destructiveHint: false';
      findings.push(
        warning(
          'annotation-contradicts-name',
          'annotations',
          `annotations say ${said} (${claimed}) but the name verb "${verb.word}" implies ${verb.radius}`,
        ),
      );
    }
  }

  // A credential without scopes may hold any authority: it never lowers the tool, and it is never a
  // declaration. It floors at the tool's radius and asks for its scopes. A server
  // tool inherits its server's credentials: the server entry is judged (and warned about) once, not per tool.
  for (const credential of tool.credentials.filter((item) => item.scopes.length === 0)) {
    floors.push({ source: `credential ${credential.name} (no scopes)`, radius });
    if (tool.server !== undefined) continue;
    findings.push(
      warning(
        'credential-unscoped',
        'credentials',
        `credential ${credential.name} declares no scopes: its authority is unknown, held at the tool's radius ${radius}; declare its scopes`,
      ),
    );
  }

  return { radius, derived, floors, findings };
}

/** A tool's blast radius, classified once however often a diff asks (both sides, the flows, the checks). */
export type BlastRadiusOf = (tool: Tool) => RadiusResult;

/**
 * Memoised by tool object: an unchanged file is parsed once for both sides of a diff, so its tools are the same
 * objects on both, and every question about them after the first is a lookup.
 */
export function memoizeBlastRadius(
  overrides: Readonly<Record<string, Radius>> = NO_OVERRIDES,
): BlastRadiusOf {
  const cache = new Map<Tool, RadiusResult>();
  return (tool) => {
    let result = cache.get(tool);
    if (result === undefined) {
      result = classifyBlastRadius(tool, overrides);
      cache.set(tool, result);
    }
    return result;
  };
}
