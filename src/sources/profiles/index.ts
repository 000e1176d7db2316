// Every client profile, and the keys inert in every client's front matter. An adapter asks for its client's.
import { CLAUDE_CODE } from './claude-code.js';
import { CODEX } from './codex.js';
import { COPILOT } from './copilot.js';
import { CURSOR } from './cursor.js';
import { GEMINI } from './gemini.js';
import { GH_AW } from './gh-aw.js';
import { KIRO } from './kiro.js';
import { OPENCODE } from './opencode.js';
import { ROO } from './roo.js';
import type { ClientProfile, SettingOrder } from './types.js';
import { WINDSURF } from './windsurf.js';

export type { ClientProfile, SettingOrder } from './types.js';
export { DENY_ASK_ALLOW, TOKEN_ALL, TOKEN_SCOPE } from './orders.js';

/** Keys that only describe, in every client's front matter: never authority. */
export const UNIVERSAL_INERT: readonly string[] = [
  ...['description', 'name', 'argument-hint', 'category', 'tags', 'color', 'icon', 'title', 'license'],
  'metadata',
];

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  CLAUDE_CODE,
  COPILOT,
  CURSOR,
  CODEX,
  GEMINI,
  OPENCODE,
  KIRO,
  ROO,
  GH_AW,
  WINDSURF,
];

export { CLAUDE_CODE, CODEX, COPILOT, CURSOR, GEMINI, GH_AW, KIRO, OPENCODE, ROO, WINDSURF };

/**
 * Clients agentgate reads one file of but keeps no profile for (no agents, no settings beyond servers): their
 * adapters' servers are theirs alone.
 */
export const CLIENTS_WITHOUT_PROFILE: Readonly<Record<string, readonly string[]>> = {
  continue: ['continue-mcp-yaml'],
  'claude-desktop': ['claude-desktop-config'],
};

/**
 * Adapters of no single client: a published server's own description (`server.json`, which no client starts
 * from a repository) and the instruction files every client reads as text.
 */
export const ADAPTERS_OF_NO_CLIENT: readonly string[] = ['mcp-server-json', 'instructions'];

const CLIENT_OF_ADAPTER: ReadonlyMap<string, string> = new Map([
  ...CLIENT_PROFILES.flatMap((profile) => profile.adapters.map((id) => [id, profile.client] as const)),
  ...Object.entries(CLIENTS_WITHOUT_PROFILE).flatMap(([client, ids]) =>
    ids.map((id) => [id, client] as const),
  ),
]);

/** The client whose files an adapter reads (`mcp-json` -> `claude`); undefined for none or an unknown adapter. */
export function clientOfAdapter(adapterId: string): string | undefined {
  return CLIENT_OF_ADAPTER.get(adapterId);
}

/** The profile of a client id (`claude`, `copilot`…), or undefined. */
export function profileOf(client: string | undefined): ClientProfile | undefined {
  return CLIENT_PROFILES.find((profile) => profile.client === client);
}

/** The inert keys of a client's front matter: the universal ones and its profile's. */
export function inertKeys(profile: ClientProfile): string[] {
  return [...new Set([...UNIVERSAL_INERT, ...profile.inert])];
}

/** Keys a client reads as authority at the top level: its profile's authority and ordered keys (first segment). */
export function authorityKeys(profile: ClientProfile | undefined): Set<string> {
  if (profile === undefined) return new Set();
  const keys = [...Object.keys(profile.authority), ...Object.keys(profile.ordered)];
  return new Set(keys.map((key) => key.split('.', 1)[0] ?? key));
}

export interface InertScope {
  /** front matter (the universal descriptive keys apply) or a settings file's top level (they do not) */
  frontMatter: boolean;
  /** keys the base config adds for this source (`sources: { <kind>: { inert: [...] } }`) */
  extra?: readonly string[];
  /** keys the adapter reads as authority: never inert, whoever says so */
  authority?: Iterable<string>;
}

/**
 * The keys inert at the top level of one client's file: the universal descriptive keys (front matter only), the
 * profile's and the base config's, minus every key the profile or the adapter reads as authority (authority
 * wins a contradiction). A key is inert by its name at that level only, never inside a server entry or a setting.
 */
export function inertKeysFor(profile: ClientProfile | undefined, scope: InertScope): Set<string> {
  const authority = new Set([...authorityKeys(profile), ...(scope.authority ?? [])]);
  const named = [
    ...(scope.frontMatter ? UNIVERSAL_INERT : []),
    ...(profile?.inert ?? []),
    ...(scope.extra ?? []),
  ];
  return new Set(named.filter((key) => !authority.has(key)));
}

/** The rank of `value` in `order`: its tier; a value the order does not know ranks above every tier. */
export function rankOf(order: SettingOrder, value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const tier = order.tiers.findIndex((values) => values.includes(text));
  return tier < 0 ? order.tiers.length : tier;
}

/** The `inertKeys` of an agent-definition format of `profile`: its front matter's inert keys, the config's added. */
export function frontMatterInert(profile: ClientProfile): (extra?: readonly string[]) => ReadonlySet<string> {
  return (extra) => inertKeysFor(profile, { frontMatter: true, ...(extra && { extra }) });
}
