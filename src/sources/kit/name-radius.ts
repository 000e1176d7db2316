// Radius by name, read from the tables in ./tables: the shell command a permission rule allows, an environment
// variable a setting or server sets, a header a server sends. What no table names falls to the fail-closed end.
import type { Radius } from '../../model/types.js';
import {
  PRIVILEGED_PATTERNS,
  PRIVILEGED_VARIABLES,
  SECRET_PATTERNS,
  TUNING_VARIABLES,
} from './tables/env-names.js';
import { CREDENTIAL_HEADER_PATTERNS, CREDENTIAL_HEADERS, PLAIN_HEADERS } from './tables/header-names.js';
import { FIND_ACTIONS, SHELL_COMMANDS, SHELL_TOOLS } from './tables/shell-commands.js';

const ORDER: readonly Radius[] = ['none', 'read', 'write', 'irreversible', 'privileged'];
const higher = (a: Radius, b: Radius): Radius => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);

/** Shell syntax that chains, substitutes or redirects: what runs is more than the command the rule names. */
const COMPOUND = /[;&|`<>\n\r]|\$\(|\$\{/u;

export function isShellTool(tool: string): boolean {
  return SHELL_TOOLS.has(tool);
}

/**
 * The radius of the commands a shell rule allows: `ls:*` and `ls *` allow `ls` with any arguments, `git status`
 * exactly that. The longest listed prefix of its words decides; with a trailing wildcard, a longer listed
 * command it also allows (`git branch:*` allows `git branch -D`) counts too. A wildcard alone, a compound
 * command or an unlisted one is privileged: a shell can do anything.
 */
export function shellCommandRadius(pattern: string): Radius {
  let text = pattern
    .trim()
    .replace(/^(["'])(.*)\1$/su, '$2')
    .trim();
  let wildcard = false;
  for (const suffix of [':*', ' *', '*', ':']) {
    if (text.endsWith(suffix)) {
      text = text.slice(0, -suffix.length).trim();
      wildcard = wildcard || suffix.includes('*');
    }
  }
  if (text === '' || COMPOUND.test(text)) return 'privileged';
  const words = text.split(/\s+/u);
  // a wildcard inside the command (`git * --force`) or an assignment before it (`FOO=1 make`) is anything
  if (words.some((word) => word.includes('*') || /^[A-Za-z_][A-Za-z0-9_]*=/u.test(word))) return 'privileged';
  if (words[0] === 'find') return findRadius(words.slice(1), wildcard);
  for (let length = words.length; length > 0; length--) {
    const key = words.slice(0, length).join(' ');
    const radius = SHELL_COMMANDS[key];
    if (radius === undefined) continue;
    if (!wildcard) return radius;
    let most = radius;
    for (const [command, other] of Object.entries(SHELL_COMMANDS))
      if (command.startsWith(`${text} `)) most = higher(most, other);
    return most;
  }
  return 'privileged';
}

/** `find` reads; `-exec` runs a command, `-delete` deletes; a wildcard may add either. */
function findRadius(args: readonly string[], wildcard: boolean): Radius {
  if (wildcard) return 'privileged';
  let radius: Radius = 'read';
  for (const arg of args) radius = higher(radius, FIND_ACTIONS[arg] ?? 'read');
  return radius;
}

export interface EnvVariableRadius {
  radius: Radius;
  /** a secret-looking name: a credential, its value never shown */
  secret: boolean;
}

/**
 * An environment variable by name: a client tuning variable is `write`; one that loads code or redirects
 * traffic is `privileged`; a secret-looking one is a credential (`privileged`, unscoped); any other `write`.
 */
export function envVariableRadius(name: string): EnvVariableRadius {
  const upper = name.trim().toUpperCase();
  if (TUNING_VARIABLES.has(upper)) return { radius: 'write', secret: false };
  if (PRIVILEGED_VARIABLES.has(upper) || PRIVILEGED_PATTERNS.some((pattern) => pattern.test(upper)))
    return { radius: 'privileged', secret: false };
  if (SECRET_PATTERNS.some((pattern) => pattern.test(name))) return { radius: 'privileged', secret: true };
  return { radius: 'write', secret: false };
}

/** A header is a credential only when its name says so (`Authorization`, `X-Api-Key`, `*Token*`, `Cookie`). */
export function isCredentialHeader(name: string): boolean {
  const lower = name.trim().toLowerCase();
  if (PLAIN_HEADERS.has(lower)) return false;
  return CREDENTIAL_HEADERS.has(lower) || CREDENTIAL_HEADER_PATTERNS.some((pattern) => pattern.test(lower));
}
