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

/** The inert keys of a client's front matter: the universal ones and its profile's. */
export function inertKeys(profile: ClientProfile): string[] {
  return [...new Set([...UNIVERSAL_INERT, ...profile.inert])];
}

/** The rank of `value` in `order`: its tier; a value the order does not know ranks above every tier. */
export function rankOf(order: SettingOrder, value: unknown): number {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const tier = order.tiers.findIndex((values) => values.includes(text));
  return tier < 0 ? order.tiers.length : tier;
}
