import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { McpConnectError, connectToEndpoint, listAllTools } from '../../runtime/mcp-connect.js';
import type { McpTool, ServerEndpoint } from '../../runtime/mcp-connect.js';
import { scrubSecrets } from '../../runtime/mcp-redact.js';
import { UsageError } from '../../errors.js';

export interface LiveServer {
  tools: McpTool[];
  serverInfo?: { name: string; version: string };
}

/** Starts (or reaches) the server, reads its whole tools/list and closes the connection again. */
export async function readLiveServer(endpoint: ServerEndpoint): Promise<LiveServer> {
  let client: Client;
  try {
    client = await connectToEndpoint(endpoint);
  } catch (error) {
    if (error instanceof McpConnectError) throw new UsageError(error.message);
    throw error;
  }
  try {
    const tools = await listAllTools(client);
    const info = client.getServerVersion();
    return { tools, ...(info && { serverInfo: { name: info.name, version: info.version } }) };
  } catch (error) {
    const secrets = Object.values(endpoint.kind === 'remote' ? endpoint.headers : (endpoint.env ?? {}));
    throw new UsageError(
      `tools/list failed: ${scrubSecrets(error instanceof Error ? error.message : String(error), secrets)}`,
    );
  } finally {
    await client.close().catch(() => undefined);
  }
}
