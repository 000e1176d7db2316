import { confusableSkeleton } from '../../text/scan-text.js';
import type { Radius } from '../../model/types.js';
import { removeUnseen } from '../../text/unseen.js';

/**
 * The action table: the radius floor a word implies, wherever it appears in a scope, a
 * credential scope or (as the leading word) a tool name.
 *
 * The rule, for whoever extends it:
 * - a word goes in only with the class of the WORST thing it commonly names (`push` may force-push, `run` may
 *   run a shell), because a floor only ever raises a radius: a word that is too high costs a sign-off, a
 *   word that is too low lets authority through;
 * - the documented words (docs/formats.md) keep their class; new words are added, never moved down;
 * - a noun that real scopes use as a resource is left out even if it can be a verb, because in a scope the
 *   highest word wins: `email` (GitHub `user:email`, Slack `users:read.email`) and `mail` (Graph `Mail.Read`)
 *   would make read scopes irreversible, and so would `tweet` (X's `tweet.read`), `sms` and `order`. `send`,
 *   `notify`, `forward`, `reply`, `submit` and `purchase` carry those actions instead;
 * - `read` words matter for scopes (`org:read` is read, not the `write` of an unknown action) and for names
 *   they add a read floor only: a name alone never lowers anything. A word goes in as `read` only when no
 *   real scope uses it for a write.
 * Config `radius.actions` merges over this table (the base commit's config is trusted to tune it).
 */
const TABLE: readonly [Radius, readonly string[]][] = [
  [
    'read',
    [
      ...['read', 'get', 'list', 'search', 'describe'],
      ...['find', 'fetch', 'query', 'view', 'show', 'whoami', 'lookup', 'check', 'count', 'inspect'],
      ...['browse', 'readonly', 'retrieve', 'download', 'preview', 'peek', 'poll', 'stat', 'explain'],
      ...['analyze', 'summarize', 'validate', 'verify', 'diff', 'compare', 'select', 'audit', 'scan'],
      // not `status` (GitHub's `repo:status` writes commit statuses) nor `watch` (subscribes)
    ],
  ],
  [
    'write',
    [
      ...['write', 'create', 'update', 'put', 'patch'],
      ...['add', 'set', 'edit', 'modify', 'insert', 'upsert', 'append', 'upload', 'move', 'rename'],
      ...['copy', 'merge', 'comment', 'assign', 'label', 'save', 'store', 'change', 'replace', 'tag'],
      ...['import', 'attach', 'link', 'mark', 'fork', 'reopen', 'subscribe', 'unsubscribe', 'schedule'],
      ...['enable', 'disable', 'configure', 'sync', 'restore', 'star', 'unstar', 'lock', 'unlock'],
    ],
  ],
  [
    'irreversible',
    [
      ...['delete', 'destroy', 'drop', 'purge', 'truncate', 'send', 'refund', 'pay', 'transfer'],
      ...['publish', 'post'],
      // gone for good
      ...['remove', 'rm', 'unlink', 'erase', 'wipe', 'kill', 'terminate', 'overwrite', 'reset', 'deletion'],
      // leaves the organisation or reaches people: cannot be unsent
      ...['notify', 'forward', 'reply', 'share', 'broadcast', 'call', 'dispatch'],
      // money and commitments
      ...['charge', 'withdraw', 'buy', 'purchase', 'sell', 'trade', 'submit', 'sign', 'approve'],
      // ships to others
      ...['deploy', 'release', 'push', 'force', 'cancel', 'close', 'archive', 'invoke', 'trigger'],
    ],
  ],
  [
    'privileged',
    [
      ...['admin', 'grant', 'assume', 'impersonate', 'root', 'execute', 'exec', 'eval', 'shell', '*'],
      // admin state and identity
      ...['administrator', 'administration', 'admins', 'superuser', 'sudo', 'owner', 'manage'],
      // authority and credentials change hands
      ...['revoke', 'rotate', 'invite', 'promote', 'demote', 'elevate', 'escalate', 'authorize', 'chmod'],
      ...['chown', 'impersonation', 'delegate'],
      // runs arbitrary code
      ...['run', 'spawn', 'execution', 'executes', 'command', 'cmd', 'bash', 'sh', 'powershell', 'script'],
    ],
  ],
];

/** Word -> floor. When a word appears twice, the higher class wins (floors only rise). */
export const DEFAULT_ACTION_FLOORS: Readonly<Record<string, Radius>> = Object.freeze(
  Object.fromEntries(TABLE.flatMap(([radius, words]) => words.map((word) => [word, radius]))),
);

export type ActionOverrides = Readonly<Record<string, Radius>>;

const RANK: Readonly<Record<Radius, number>> = { none: 0, read: 1, write: 2, irreversible: 3, privileged: 4 };
const higher = (a: Radius | undefined, b: Radius | undefined): Radius | undefined =>
  a === undefined ? b : b === undefined || RANK[a] >= RANK[b] ? a : b;

// A Map, not a plain object: an action called `constructor` or `__proto__` must not hit Object.prototype.
// Cached per overrides object because classifying 10,000 tools must not rebuild it 10,000 times.
const tableCache = new WeakMap<object, ReadonlyMap<string, Radius>>();
const NO_OVERRIDES: ActionOverrides = Object.freeze({});

function actionTable(overrides: ActionOverrides): ReadonlyMap<string, Radius> {
  const cached = tableCache.get(overrides);
  if (cached) return cached;
  const table = new Map<string, Radius>(Object.entries(DEFAULT_ACTION_FLOORS));
  for (const [action, radius] of Object.entries(overrides)) table.set(action.trim().toLowerCase(), radius);
  tableCache.set(overrides, table);
  return table;
}

/** Unseen characters and accents go before splitting: `ad\u200Bmin` and `ádmin` are `admin`. */
const clean = (text: string): string =>
  PRINTABLE_ASCII.test(text) ? text : removeUnseen(text.normalize('NFKD').replace(/\p{M}/gu, ''));
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The words of an action or name: split on every character that is not a letter, digit or `*`
 * (`: / . - _` and the rest), and on case changes (`deleteAll`, `HTTPGet`, `billing:Admin`).
 */
export function wordsOf(text: string): string[] {
  const cleaned = clean(text);
  // on printable ASCII the Unicode classes are their ASCII ranges (a test holds both equal); names are mostly ASCII
  if (PRINTABLE_ASCII.test(cleaned))
    return chunks(cleaned.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2'));
  return chunks(
    cleaned.replace(/(\p{Ll}|\p{Nd})(\p{Lu})/gu, '$1 $2').replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2'),
  );
}

const chunks = (text: string): string[] =>
  (PRINTABLE_ASCII.test(text) ? text.split(/[^A-Za-z0-9*]+/) : text.split(/[^\p{L}\p{N}*]+/u))
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());

/** Words as found, plus each separator-delimited run whole: `aDmIn` must not hide behind its case changes. */
function candidatesOf(text: string): string[] {
  return [...new Set([...wordsOf(text), ...chunks(clean(text))])];
}

/** Spellings one word may stand for: itself, its look-alike skeleton (`аdmin`, `p0st`), its letter runs. */
function spellings(word: string): string[] {
  // plain lowercase letters need no skeleton unless they draw another letter (`rn` for m, `vv` for w)
  if (/^[a-z]+$/.test(word)) return /rn|vv/.test(word) ? [word, confusableSkeleton(word)] : [word];
  if (/^[0-9]+$/.test(word)) return [];
  const out = [word, confusableSkeleton(word)];
  const runs = word.match(/\p{L}+|\p{N}+/gu) ?? [];
  if (runs.length > 1) out.push(...runs);
  return out;
}

export interface WordFloor {
  word: string;
  radius: Radius;
}

/** The highest floor among the given words, or undefined when none is known. */
function highestWord(words: readonly string[], overrides: ActionOverrides): WordFloor | undefined {
  const table = actionTable(overrides);
  let best: WordFloor | undefined;
  for (const word of words) {
    // a wildcard stands for every action, admin ones included, whatever the overrides say
    if (word.includes('*')) return { word, radius: 'privileged' };
    for (const spelling of spellings(word)) {
      const radius = table.get(spelling);
      if (radius !== undefined && (best === undefined || RANK[radius] > RANK[best.radius]))
        best = { word: spelling, radius };
    }
  }
  return best;
}

/**
 * Floor of a scope action, token by token: the highest known word wins (`admin/all`, `assume-role`,
 * `delete_all`, `billing:Admin`); only an action with no known word is a write. The whole action and its
 * last `:` segment are looked up too, so a config override may name a multi-word action.
 */
export function actionFloor(action: string, overrides: ActionOverrides = NO_OVERRIDES): Radius {
  const cache = cacheFor(actionCache, overrides);
  const hit = cache.get(action);
  if (hit !== undefined) return hit;
  const whole = action.trim().toLowerCase();
  const table = actionTable(overrides);
  const direct = higher(table.get(whole), table.get(whole.slice(whole.lastIndexOf(':') + 1)));
  const radius = higher(highestWord(candidatesOf(action), overrides)?.radius, direct) ?? 'write';
  if (cache.size < CACHE_LIMIT) cache.set(action, radius);
  return radius;
}

// Registries repeat a few scopes and verbs thousands of times; splitting each again is the slow part.
const CACHE_LIMIT = 50_000;
const actionCache = new WeakMap<object, Map<string, Radius>>();
const verbCache = new WeakMap<object, Map<string, WordFloor | null>>();

function cacheFor<T>(caches: WeakMap<object, Map<string, T>>, overrides: ActionOverrides): Map<string, T> {
  let cache = caches.get(overrides);
  if (!cache) caches.set(overrides, (cache = new Map()));
  return cache;
}

/** The floor a scope (or credential scope) implies: every word of it counts, resource and action alike. */
export function scopeFloor(scope: string, overrides: ActionOverrides = NO_OVERRIDES): Radius {
  return actionFloor(scope, overrides);
}

/** The part of a tool name that is the tool's own: `<server>.` is the server's name, not a verb. */
function localName(toolName: string, server?: string): string {
  return server !== undefined && toolName.startsWith(`${server}.`)
    ? toolName.slice(server.length + 1)
    : toolName;
}

/**
 * The leading word of each dot-separated part: `github.deleteBranch` -> [github, delete]; `user.delete`.
 * The leading run is also read whole, so `dElEtE_user` cannot split its verb into letters.
 */
export function nameVerbs(toolName: string, server?: string): string[] {
  const verbs: string[] = [];
  for (const part of localName(toolName, server).split('.')) {
    const first = wordsOf(part)[0];
    const whole = chunks(clean(part))[0];
    if (first !== undefined) verbs.push(first);
    if (whole !== undefined && whole !== first) verbs.push(whole);
  }
  return verbs;
}

/** The floor the name's verbs imply and the verb that sets it, or undefined when no verb is in the table. */
export function nameVerbFloor(
  toolName: string,
  overrides: ActionOverrides = NO_OVERRIDES,
  server?: string,
): WordFloor | undefined {
  const cache = cacheFor(verbCache, overrides);
  const key = `${server ?? ''}\u0000${toolName}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const floor = highestWord(nameVerbs(toolName, server), overrides);
  if (cache.size < CACHE_LIMIT) cache.set(key, floor ?? null);
  return floor;
}
