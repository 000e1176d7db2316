import { maxRadius, scopeFloor } from './radius.js';
import type { RadiusFloor } from './radius.js';
import { envVariableRadius } from '../../sources/kit/name-radius.js';
import type { Radius, Server } from '../../model/types.js';
import { removeUnseen } from '../../text/unseen.js';

/**
 * A server's own blast radius: what its transport, credentials and egress let it do, apart from the
 * tools it claims. Its tools are diffed on their own; this is the radius of reaching the server at all.
 *
 * Decisions beyond the tool rules:
 * - every server floors at `write`: whatever its tools claim, the program behind it is code nobody reviewed,
 *   like an unknown scope action, so adding one never needs zero sign-offs;
 * - egress `*` floors at `irreversible`: data sent to any host cannot be recalled (the class of `send`/`post`);
 * - a shell command line (see `shellReason`) and any unscoped credential are `privileged`.
 */

export type ServerRadiusFindingCode = 'server-tools-unpinned';

export interface ServerRadiusFinding {
  severity: 'warning';
  code: ServerRadiusFindingCode;
  field: string;
  message: string;
}

export interface ServerRadiusResult {
  radius: Radius;
  floors: RadiusFloor[];
  findings: ServerRadiusFinding[];
}

const SHELLS = new Set([
  'sh', 'bash', 'zsh', 'dash', 'ksh', 'mksh', 'ash', 'fish', 'csh', 'tcsh', 'busybox',
  'cmd', 'powershell', 'pwsh', 'wsl', 'script',
]); // prettier-ignore
/** Run another command with other (often root) privileges, or run it as given: the real command is the next one. */
const ELEVATORS = new Set(['sudo', 'doas', 'su', 'runas', 'pkexec', 'gosu', 'su-exec']);
const WRAPPERS = new Set(['env', 'nohup', 'exec', 'command', 'nice', 'timeout', 'stdbuf', 'xargs', 'time']);
const INTERPRETERS =
  /^(python[0-9.]*|pypy[0-9.]*|node|nodejs|deno|bun|perl|ruby|php|lua|luajit|rscript|osascript|tclsh|awk|gawk)$/;
const INLINE_CODE_WORDS = new Set([
  '/c',
  '/k',
  'eval',
  '-command',
  '-encodedcommand',
  '-ec',
  '--require',
  '--import',
]);
/** `-c`, `-e`, `-p`, `-r` alone or in a cluster (`-Ic`, `-ne`), and `--eval`/`--print` with or without `=`. */
function isInlineCodeFlag(arg: string): boolean {
  const lower = arg.toLowerCase();
  if (INLINE_CODE_WORDS.has(lower)) return true;
  if (/^--(eval|print|command|exec)(=|$)/.test(lower)) return true;
  return /^-[a-z]*[cepr][a-z]*$/i.test(arg) && !arg.startsWith('--');
}
const CONTAINER_RUNTIMES = new Set(['docker', 'podman', 'nerdctl']);
const CONTAINER_ESCAPES = [
  /^--privileged(=true)?$/,
  /^--cap-add(=|$)/,
  /^--(pid|ipc|userns|uts|network|net)=host$/,
  /^--security-opt(=|$)/,
  /^--device(=|$)/,
  // a volume of the host's root or of the container runtime's own socket is the host
  /(^|=|\s)\/(:|$)/,
  /docker\.sock/,
];
/** `*`, or a wildcard over a whole top-level domain (`*.com`): any host, for practical purposes. */
const ANY_HOST = /^\*(\.[^.]+\.?)?$/;
const SHELL_METACHARACTERS = /[;&|`$<>\n]|\$\(/;

/** The program's own name: path, `.exe` and case stripped (`C:\Windows\System32\CMD.EXE` -> `cmd`). */
export function programName(command: string): string {
  // unseen characters (a zero-width space in `bash\u200b`) must not hide the name
  const base = removeUnseen(command).trim().split(/[\\/]/).pop() ?? '';
  return base.replace(/\.(exe|cmd|bat|com|ps1)$/i, '').toLowerCase();
}

/**
 * Why this command line amounts to a shell (arbitrary commands, or root), or undefined. A command written as
 * one string (`bash -c "…"` in `command`) is split on spaces first: clients hand such strings to a shell.
 */
export function shellReason(command: string | undefined, args: readonly string[] = []): string | undefined {
  if (command === undefined) return undefined;
  // every word split on blanks: `env -S "bash -c x"` hides a shell inside one argument
  const words = [command, ...args].flatMap((word) => word.trim().split(/\s+/)).filter((w) => w.length > 0);
  if (command.trim().includes(' ') && SHELL_METACHARACTERS.test(command)) {
    return 'the command holds shell syntax';
  }
  let index = 0;
  // skip wrappers (and their VAR=value assignments) to the program that really runs
  while (index < words.length) {
    const name = programName(words[index] ?? '');
    if (ELEVATORS.has(name)) return `it runs through ${name} (another user's privileges)`;
    if (!WRAPPERS.has(name)) break;
    index++;
    while (index < words.length && /^(-|[0-9]|[A-Za-z_][A-Za-z0-9_]*=)/.test(words[index] ?? '')) index++;
  }
  const program = programName(words[index] ?? '');
  const rest = words.slice(index + 1);
  if (SHELLS.has(program)) return `it runs a shell (${program})`;
  const inline = INTERPRETERS.test(program) ? rest.find(isInlineCodeFlag) : undefined;
  if (inline !== undefined) return `it runs inline code (${program} ${inline})`;
  if (CONTAINER_RUNTIMES.has(program)) {
    const escape = rest.find((arg) => CONTAINER_ESCAPES.some((pattern) => pattern.test(arg)));
    if (escape !== undefined) return `its container reaches the host (${escape})`;
  }
  return undefined;
}

export function classifyServerRadius(
  server: Server,
  actions: Readonly<Record<string, Radius>> = {},
): ServerRadiusResult {
  const floors: RadiusFloor[] = [{ source: 'an MCP server (unreviewed code)', radius: 'write' }];
  const findings: ServerRadiusFinding[] = [];
  for (const credential of server.credentials) {
    if (credential.scopes.length === 0) {
      floors.push({ source: `unscoped credential ${credential.name}`, radius: 'privileged' });
    }
    for (const scope of credential.scopes) {
      floors.push({
        source: `credential ${credential.name} scope ${scope}`,
        radius: scopeFloor(scope, actions),
      });
    }
  }
  // a variable that loads code or redirects traffic (NODE_OPTIONS, *_BASE_URL, *_PROXY) decides what runs
  for (const name of Object.keys(server.transport.env ?? {})) {
    const variable = envVariableRadius(name);
    if (!variable.secret && variable.radius !== 'write')
      floors.push({ source: `env ${name}`, radius: variable.radius });
  }
  const shell = shellReason(server.transport.command, server.transport.args);
  if (shell !== undefined) floors.push({ source: `command line: ${shell}`, radius: 'privileged' });
  const anywhere = server.egress.find((host) => ANY_HOST.test(host.trim()));
  if (anywhere !== undefined) {
    floors.push({ source: `egress to any host (${anywhere})`, radius: 'irreversible' });
  }
  if (server.tools === undefined) {
    floors.push({ source: 'no tool snapshot (MCP defaults)', radius: 'irreversible' });
    findings.push({
      severity: 'warning',
      code: 'server-tools-unpinned',
      field: 'tools',
      message: `server ${server.name} has no pinned tool snapshot: its tools are unknown, assumed irreversible (MCP defaults); pin them with \`agentgate mcp import\``,
    });
  }
  return { radius: maxRadius(floors.map((floor) => floor.radius)), floors, findings };
}
