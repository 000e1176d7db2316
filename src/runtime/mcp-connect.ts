import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import { openRemoteTransport } from './mcp-connect-remote.js';
import type { RemoteServer } from './mcp-connect-remote.js';
import { redactArgs, redactUrl, scrubSecrets } from './mcp-redact.js';

export type { McpTool };
export type { RemoteServer };

export interface ServerCommand {
  command: string;
  args: string[];
  /** variables for the child on top of the SDK's minimal default (PATH, HOME, USER, SHELL, TERM, LOGNAME) */
  env?: Record<string, string>;
  cwd?: string;
}

/** Where the server is: a process to spawn (stdio) or an endpoint to reach (streamable HTTP, SSE fallback). */
export type ServerEndpoint = ({ kind: 'stdio' } & ServerCommand) | ({ kind: 'remote' } & RemoteServer);

export const CLIENT_INFO = { name: 'agentgate', version: '1' } as const;

/**
 * Spawns an MCP server over stdio and completes the initialize handshake. The child gets only the SDK's
 * minimal environment plus `env`: a guard's own secrets never leak to a server that was not given them. The
 * child's stderr goes to ours (stdout is the protocol).
 */
export async function connectToServer(
  server: ServerCommand,
  clientInfo: { name: string; version: string } = CLIENT_INFO,
): Promise<Client> {
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args,
    env: { ...getDefaultEnvironment(), ...server.env },
    stderr: 'inherit',
    ...(server.cwd !== undefined && { cwd: server.cwd }),
  });
  const client = new Client(clientInfo, { capabilities: {} });
  try {
    await client.connect(transport);
  } catch (error) {
    await client.close().catch(() => undefined);
    const secrets = Object.values(server.env ?? {});
    throw new McpConnectError(
      `cannot start MCP server \`${[server.command, ...redactArgs(server.args)].join(' ')}\`: ${scrubSecrets(describe(error), secrets)}`,
    );
  }
  return client;
}

/**
 * Reaches a remote MCP server: streamable HTTP first, then the older HTTP+SSE transport when the endpoint
 * refuses it (or the config says `sse`). Header values and the url's secrets never appear in an error.
 */
export async function connectToRemote(
  server: RemoteServer,
  clientInfo: { name: string; version: string } = CLIENT_INFO,
): Promise<Client> {
  const order: ('http' | 'sse')[] = server.prefer === 'sse' ? ['sse', 'http'] : ['http', 'sse'];
  const secrets = Object.values(server.headers);
  const failures: string[] = [];
  for (const protocol of order) {
    const client = new Client(clientInfo, { capabilities: {} });
    try {
      await client.connect(openRemoteTransport(server, protocol));
      return client;
    } catch (error) {
      await client.close().catch(() => undefined);
      failures.push(
        `${protocol === 'http' ? 'streamable HTTP' : 'SSE'}: ${scrubSecrets(describe(error), secrets)}`,
      );
    }
  }
  throw new McpConnectError(`cannot reach MCP server ${redactUrl(server.url)}: ${failures.join('; ')}`);
}

/** Either kind of server, as `connectToServer` or `connectToRemote` opens it. */
export async function connectToEndpoint(
  endpoint: ServerEndpoint,
  clientInfo: { name: string; version: string } = CLIENT_INFO,
): Promise<Client> {
  if (endpoint.kind === 'remote') return connectToRemote(endpoint, clientInfo);
  const { kind: _kind, ...command } = endpoint;
  return connectToServer(command, clientInfo);
}

export class McpConnectError extends Error {}

/** Every tool the server lists, following pagination cursors. */
export async function listAllTools(client: Client): Promise<McpTool[]> {
  const tools: McpTool[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor === undefined ? undefined : { cursor });
    tools.push(...page.tools);
    cursor = page.nextCursor;
    // a server that hands back a cursor it already gave would loop forever
    if (cursor !== undefined && seen.has(cursor)) break;
    if (cursor !== undefined) seen.add(cursor);
  } while (cursor !== undefined);
  return tools;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
