// The blast radius of what one permission rule or gated setting is about, so the diff can ask for the
// sign-offs a new allow rule needs. Client rules take the radius of the tool they name; gated settings take the
// radius of what they switch on. Anything not known here is `write` at least: a control-plane change nobody can
// read still needs the write sign-off count.
import type { PermissionRule, Radius } from '../../model/types.js';
import { catalogForAgent } from '../catalogs/index.js';
import { envVariableRadius, isShellTool, shellCommandRadius } from '../kit/name-radius.js';
import type { BindingContext } from './resolve-binding.js';
import { resolveBinding } from './resolve-binding.js';

/** Settings that run a command on the user's machine, or hand out everything. */
const RUNS_COMMANDS = new Set([
  ...['hooks', 'apiKeyHelper', 'statusLine', 'awsAuthRefresh', 'awsCredentialExport', 'otelHeadersHelper'],
  ...['enabledPlugins', 'sandbox', 'env', 'steps', 'post-steps', 'jobs', 'disableAllHooks'],
  // Codex runs `notify` after every turn; OpenCode loads each `plugin` as code
  ...['notify', 'plugin'],
  // a marketplace's plugin sources and a plugin's language servers install or spawn code
  ...['plugins', 'lspServers'],
]);
/** Ordered settings whose top values hand out everything. */
const ORDERED_RADIUS: Record<string, Record<string, Radius>> = {
  sandbox_mode: { 'read-only': 'read', 'workspace-write': 'write', 'danger-full-access': 'privileged' },
  approval_policy: { untrusted: 'write', 'on-request': 'write', 'on-failure': 'write', never: 'privileged' },
};
/** Settings that approve tool calls ahead of time: whatever the tool can do runs with nobody asking. */
const PRE_APPROVES = /autoApprove|alwaysAllow|allowedTools|autoAccept/u;
/** Roo tool groups: a mode gaining `command` runs a shell. */
const ROO_GROUPS: Record<string, Radius> = {
  read: 'read',
  edit: 'write',
  browser: 'irreversible',
  mcp: 'irreversible',
};
/** Settings that start MCP servers nobody pinned: MCP's defaults, irreversible. */
const STARTS_SERVERS = new Set(['enableAllProjectMcpServers', 'enabledMcpjsonServers', 'mcpServers']);
const PERMISSION_MODES: Record<string, Radius> = {
  default: 'none',
  plan: 'none',
  acceptEdits: 'write',
  bypassPermissions: 'privileged',
  dontAsk: 'privileged',
};

const SHELL_ARGUMENT = /^[^()]+\((.*)\)$/su;

export function ruleRadius(rule: PermissionRule, context: Omit<BindingContext, 'catalog'> = {}): Radius {
  const equals = rule.rule.indexOf('=');
  // `env.NAME=value`: the variable's radius by its name (a tuning knob, a code loader, a credential)
  if (rule.tool === 'env' && rule.rule.startsWith('env.') && equals > 4)
    return envVariableRadius(rule.rule.slice(4, equals)).radius;
  // a hook's matcher may hold `(` or `=`: the key, not the rule's punctuation, says it runs a command
  if (RUNS_COMMANDS.has(rule.tool) && rule.rule.startsWith(`${rule.tool}.`)) return 'privileged';
  const isSetting = equals > 0 && !rule.rule.slice(0, equals).includes('(');
  if (!isSetting) return clientRuleRadius(rule, context);
  const value = rule.rule.slice(equals + 1);
  const key = rule.rule.slice(0, equals);
  const leaf = key.slice(key.lastIndexOf('.') + 1);
  if (RUNS_COMMANDS.has(rule.tool) || RUNS_COMMANDS.has(leaf) || leaf.endsWith('Command'))
    return 'privileged';
  const table = Object.hasOwn(ORDERED_RADIUS, leaf) ? ORDERED_RADIUS[leaf] : undefined;
  if (table && Object.hasOwn(table, value)) return table[value]!;
  // a shell allowed unasked (OpenCode `permission.bash`)
  if (key.startsWith('permission') && key.split('.').includes('bash') && value === 'allow')
    return 'privileged';
  if (PRE_APPROVES.test(key)) return 'privileged';
  if (rule.tool === 'customModes' && key.endsWith('.groups'))
    return ROO_GROUPS[/^\["([a-z]+)"/u.exec(value)?.[1] ?? value] ?? 'privileged';
  if (STARTS_SERVERS.has(rule.tool)) return 'irreversible';
  if (rule.tool === 'defaultMode' || rule.tool === 'permissionMode')
    return PERMISSION_MODES[value] ?? 'privileged';
  if (rule.tool === 'permissions') return githubTokenRadius(value);
  // safe outputs publish on the agent's behalf: issues, comments, pull requests
  if (rule.tool === 'safe-outputs') return 'irreversible';
  return 'write';
}

function clientRuleRadius(rule: PermissionRule, context: Omit<BindingContext, 'catalog'>): Radius {
  const catalog = catalogForAgent(rule.scope);
  const command = SHELL_ARGUMENT.exec(rule.rule.trim())?.[1];
  // a client with no catalog (Cursor CLI's `Shell(**)`) still names its shell: the command decides, as for Bash
  if (!catalog)
    return isShellTool(rule.tool) && command !== undefined ? shellCommandRadius(command) : 'irreversible';
  const resolution = resolveBinding(rule.rule, { ...context, catalog });
  // a shell rule allows the commands it names: `Bash(ls:*)` reads, `Bash(rm:*)` deletes (see the shell table)
  if (resolution.kind === 'builtin' && isShellTool(resolution.entry.name) && command !== undefined)
    return shellCommandRadius(command);
  if (resolution.kind === 'builtin') return resolution.entry.radius;
  if (resolution.kind === 'all') return 'privileged';
  // an MCP server or tool with no pinned snapshot, a registry tool the caller did not rate, or an unknown name
  return 'irreversible';
}

/** gh-aw `permissions`: the Actions token. Writing with it is privileged (it can change the repository). */
function githubTokenRadius(value: string): Radius {
  if (value === 'none') return 'none';
  return value === 'read' || value === 'read-all' ? 'read' : 'privileged';
}
