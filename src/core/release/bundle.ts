// Release bundles: what one plane released, bound to its contents by a digest. The data bundle never
// carries a tool, scope or binding; the control bundle never carries a prompt's text.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../model/canonical-json.js';
import type {
  DataPlaneReport,
  ControlPlaneReport,
  JsonValue,
  PermissionRule,
  Radius,
  Registry,
  Server,
  Tool,
} from '../../model/types.js';

export type ReleasePlane = 'data' | 'control';

export interface ReleaseMeta {
  version: number;
  commit: string;
  previous: { version: number; commit: string } | null;
  changelog: string[];
}

export interface BundledPrompt {
  id: string;
  version?: string;
  model?: string;
  text: string;
  outputSchema?: JsonValue;
  path: string;
}

interface BundleBase extends ReleaseMeta {
  schemaVersion: 1;
  digest: string;
}

export interface DataBundle extends BundleBase {
  plane: 'data';
  changes: DataPlaneReport;
  prompts: BundledPrompt[];
}

export interface ControlBundle extends BundleBase {
  plane: 'control';
  changes: ControlPlaneReport;
  tools: Tool[];
  servers: Server[];
  bindings: { agent: string; tools: string[] }[];
  permissions: PermissionRule[];
  /** the config's radius overrides, so the runtime reports radii as the gate judged them */
  radius: { actions: Record<string, Radius> };
}

export type ReleaseBundle = DataBundle | ControlBundle;

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function buildDataBundle(registry: Registry, meta: ReleaseMeta, changes: DataPlaneReport): DataBundle {
  const prompts = registry.prompts
    .map((prompt): BundledPrompt => ({
      id: prompt.id,
      ...(prompt.version !== undefined && { version: prompt.version }),
      ...(prompt.model !== undefined && { model: prompt.model }),
      text: prompt.text,
      ...(prompt.outputSchema !== undefined && { outputSchema: prompt.outputSchema }),
      path: prompt.source.path,
    }))
    .sort(byKey((p) => `${p.id}\0${p.path}`));
  return seal({ schemaVersion: 1, plane: 'data', ...meta, changes, prompts });
}

export function buildControlBundle(
  registry: Registry,
  meta: ReleaseMeta,
  changes: ControlPlaneReport,
  radiusActions: Record<string, Radius> = {},
): ControlBundle {
  const bindings = new Map<string, Set<string>>();
  for (const prompt of registry.prompts) {
    if (prompt.tools === undefined) continue;
    // two prompts with one id bind the union of their tools, as the gate judged them
    const set = bindings.get(prompt.id) ?? new Set<string>();
    for (const name of prompt.tools) set.add(name);
    bindings.set(prompt.id, set);
  }
  return seal({
    schemaVersion: 1,
    plane: 'control',
    ...meta,
    changes,
    tools: [...registry.tools].sort(byKey((t) => t.name)),
    servers: [...(registry.servers ?? [])].sort(byKey((s) => `${s.name}\0${s.source.path}`)),
    bindings: [...bindings.keys()]
      .sort()
      .map((agent) => ({ agent, tools: [...(bindings.get(agent) ?? [])].sort() })),
    permissions: [...(registry.permissions ?? [])].sort(byKey((r) => `${r.scope}\0${r.effect}\0${r.rule}`)),
    radius: { actions: { ...radiusActions } },
  });
}

/** sha256 over the canonical JSON (RFC 8785) of everything in the bundle but the digest itself. */
export function bundleDigest(bundle: Record<string, unknown>): string {
  const { digest: _digest, ...contents } = bundle;
  const json = canonicalJson(JSON.parse(JSON.stringify(contents)) as JsonValue);
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

function seal<T extends Omit<ReleaseBundle, 'digest'>>(bundle: T): T & { digest: string } {
  return { ...bundle, digest: bundleDigest(bundle as unknown as Record<string, unknown>) };
}
