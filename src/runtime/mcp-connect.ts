import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport, getDefaultEnvironment } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';

export type { McpTool };

export interface ServerCommand {
  command: string;
  args: string[];
  /** variables for the child on top of the SDK's minimal default (PATH, HOME, USER, SHELL, TERM, LOGNAME) */
  env?: Record<string, string>;
  cwd?: string;
}

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
    const detail = error instanceof Error ? error.message : String(error);
    throw new McpConnectError(
      `cannot start MCP server \`${[server.command, ...server.args].join(' ')}\`: ${detail}`,
    );
  }
  return client;
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
