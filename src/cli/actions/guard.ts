import type { Registry } from '../../model/types.js';
import { McpConnectError, connectToEndpoint } from '../../runtime/mcp-connect.js';
import type { ServerEndpoint } from '../../runtime/mcp-connect.js';
import { runGuard } from '../../runtime/mcp-guard.js';
import { UsageError } from '../../errors.js';
import { agentScopeOption } from './intent-agent.js';
import { logKeyFromEnvironment } from './intent-log-key.js';
import { loadEnforcedRegistry } from './intent-registry.js';
import type { EnforcedOptions } from './intent-registry.js';
import { resolveTarget } from './mcp-target.js';

export interface GuardCommandOptions extends EnforcedOptions {
  server?: string;
  agent?: string;
  env: string[];
  url?: string;
  header: string[];
}

/** `agentgate guard [--registry DIR] [--log FILE] [--server NAME] -- CMD ARGS…` */
export async function runGuardCommand(command: string[], options: GuardCommandOptions): Promise<number> {
  const { registry, radiusOverrides, bundleRecord } = await loadEnforcedRegistry(options);
  const agent = agentScopeOption(registry, options.agent);
  const logKey = options.log === undefined ? undefined : logKeyFromEnvironment();
  const endpoint = guardEndpoint(command, options, registry);
  let upstream;
  try {
    upstream = await connectToEndpoint(endpoint, { name: 'agentgate-guard', version: '1' });
  } catch (error) {
    if (error instanceof McpConnectError) throw new UsageError(error.message);
    throw error;
  }
  const warn = (message: string) => process.stderr.write(`agentgate guard: ${message}\n`);
  // the SDK's stdio server transport does not notice the agent going away; without this the guard (and the
  // server it spawned) would linger until killed
  const stop = new AbortController();
  const abort = () => stop.abort();
  process.stdin.once('end', abort);
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  await runGuard(upstream, {
    registry,
    radiusOverrides,
    warn,
    signal: stop.signal,
    ...(options.server !== undefined && { server: options.server }),
    ...(agent !== undefined && { agent }),
    ...(options.log !== undefined && { log: options.log }),
    ...(logKey !== undefined && { logKey }),
    ...(bundleRecord !== undefined && { bundle: bundleRecord }),
  });
  return 0;
}

/** The server to guard: a command after `--`, or a remote one by `--url` with headers from the environment. */
function guardEndpoint(command: string[], options: GuardCommandOptions, registry: Registry): ServerEndpoint {
  if (options.url !== undefined && options.env.length > 0)
    throw new UsageError(
      'guard: --env passes variables to a local server; a remote one gets --header NAME=env:VAR',
    );
  const target = resolveTarget(command, { url: options.url, header: options.header });
  if (!target) throw new UsageError('guard: give the MCP server to run after --, or --url URL');
  if (target.endpoint.kind === 'remote') return target.endpoint;
  return { ...target.endpoint, env: childEnvironment(registry, options) };
}

/**
 * What the server process may see: the literal `transport.env` of its manifest, the credentials its manifest
 * declares (taken from the guard's environment), and each `--env`. Nothing else of the guard's environment.
 */
export function childEnvironment(
  registry: Registry,
  options: Pick<GuardCommandOptions, 'server' | 'env'>,
): Record<string, string> {
  const env: Record<string, string> = {};
  const missing = new Set<string>();
  if (options.server !== undefined) {
    for (const tool of registry.tools) {
      if (tool.server !== options.server) continue;
      const transportEnv = (tool.transport as { env?: unknown } | undefined)?.env;
      if (transportEnv && typeof transportEnv === 'object') {
        for (const [name, value] of Object.entries(transportEnv))
          if (typeof value === 'string') env[name] = value;
      }
      for (const credential of tool.credentials) {
        const value = process.env[credential.name];
        if (value === undefined) missing.add(credential.name);
        else env[credential.name] = value;
      }
    }
  }
  for (const entry of options.env) {
    const eq = entry.indexOf('=');
    const name = eq < 0 ? entry : entry.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new UsageError(`--env: not a variable name: '${name}'`);
    const value = eq < 0 ? process.env[name] : entry.slice(eq + 1);
    if (value === undefined) missing.add(name);
    else env[name] = value;
  }
  for (const name of missing) {
    process.stderr.write(`agentgate guard: warning: ${name} is not set; the server starts without it\n`);
  }
  return env;
}
