import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpConnectError, connectToServer, listAllTools } from '../../runtime/mcp-connect.js';
import type { McpTool } from '../../runtime/mcp-connect.js';
import { UsageError } from '../../errors.js';

export interface LiveServer {
  command: string;
  args: string[];
  tools: McpTool[];
  serverInfo?: { name: string; version: string };
}

/** Starts the server given after `--`, reads its whole tools/list and stops it again. */
export async function readLiveServer(command: string[]): Promise<LiveServer> {
  const [executable, ...args] = command;
  if (executable === undefined) throw new UsageError('give the MCP server to run after --');
  let client: Client;
  try {
    client = await connectToServer({ command: executable, args });
  } catch (error) {
    if (error instanceof McpConnectError) throw new UsageError(error.message);
    throw error;
  }
  try {
    const tools = await listAllTools(client);
    const info = client.getServerVersion();
    return {
      command: executable,
      args,
      tools,
      ...(info && { serverInfo: { name: info.name, version: info.version } }),
    };
  } catch (error) {
    throw new UsageError(`tools/list failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await client.close().catch(() => undefined);
  }
}
