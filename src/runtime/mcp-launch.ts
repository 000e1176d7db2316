// The references MCP clients expand when they start a server (`${VAR}`, `${env:VAR}`, OpenCode's `{env:VAR}`,
// VS Code's `${workspaceFolder}`), expanded the same way to start it here. Only the launch sees the expanded
// text: a manifest keeps the command as the config writes it.

export type Expanded = { kind: 'ok'; value: string } | { kind: 'error'; reference: string; reason: string };

const REFERENCE = /\$\{([^}]*)\}|\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface LaunchContext {
  /** the folder the config belongs to: `${workspaceFolder}` and relative paths resolve against it */
  root: string;
  env: Readonly<Record<string, string | undefined>>;
}

export function expandReferences(text: string, context: LaunchContext): Expanded {
  let failure: Expanded | undefined;
  const value = text.replace(REFERENCE, (whole, braced: string | undefined, opencode: string | undefined) => {
    const inner = (braced ?? `env:${opencode ?? ''}`).trim();
    const resolved = resolve(inner, context);
    if (resolved.kind === 'ok') return resolved.value;
    failure ??= { kind: 'error', reference: whole, reason: resolved.reason };
    return whole;
  });
  return failure ?? { kind: 'ok', value };
}

function resolve(
  inner: string,
  context: LaunchContext,
): { kind: 'ok'; value: string } | { kind: 'error'; reason: string } {
  if (inner === 'workspaceFolder' || inner === 'workspaceRoot' || inner === 'CLAUDE_PROJECT_DIR')
    return { kind: 'ok', value: context.root };
  if (inner.startsWith('input:'))
    return {
      kind: 'error',
      reason: 'is a value VS Code prompts for; set the server up by hand with `-- CMD…`',
    };
  // `${VAR:-default}` as Claude Code writes it
  const [name = '', fallback] = splitDefault(inner.startsWith('env:') ? inner.slice(4) : inner);
  if (!NAME.test(name)) return { kind: 'error', reason: 'is not a reference agentgate can expand' };
  const value = context.env[name] ?? fallback;
  if (value === undefined)
    return { kind: 'error', reason: `needs the environment variable ${name}, which is not set` };
  return { kind: 'ok', value };
}

function splitDefault(text: string): [string, string | undefined] {
  const at = text.indexOf(':-');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 2)];
}
