// A real MCP server over HTTP on 127.0.0.1 for the runtime tests: streamable HTTP (stateless), or the older
// HTTP+SSE transport only, optionally requiring one header. It records what each request carried.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';

export interface HttpMcpServer {
  url: string;
  /** the headers of every request that reached the server, lowercased names */
  requests: { method: string; headers: IncomingMessage['headers'] }[];
  close(): Promise<void>;
}

export const HTTP_TOOLS: Tool[] = [
  {
    name: 'search_docs',
    description: 'Search the documentation.',
    inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    annotations: { readOnlyHint: true },
  },
  {
    name: 'delete_page',
    description: 'Delete a documentation page.',
    inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    annotations: { readOnlyHint: false, destructiveHint: true },
  },
];

function mcpServer(tools: Tool[]): Server {
  const server = new Server({ name: 'http-test-server', version: '1.0.0' }, { capabilities: { tools: {} } });
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools }));
  return server;
}

export async function startHttpMcpServer(
  options: { tools?: Tool[]; require?: { header: string; value: string }; sseOnly?: boolean } = {},
): Promise<HttpMcpServer> {
  const tools = options.tools ?? HTTP_TOOLS;
  const requests: HttpMcpServer['requests'] = [];
  const sse = new Map<string, SSEServerTransport>();
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    requests.push({ method: req.method ?? '', headers: req.headers });
    const required = options.require;
    if (required && req.headers[required.header.toLowerCase()] !== required.value) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void (options.sseOnly ? serveSse(req, res, path) : serveStreamable(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });

  async function serveStreamable(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const server = mcpServer(tools);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    res.on('close', () => void transport.close().then(() => server.close()));
    await server.connect(transport);
    await transport.handleRequest(req, res);
  }

  async function serveSse(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && path === '/mcp') {
      const transport = new SSEServerTransport('/messages', res);
      sse.set(transport.sessionId, transport);
      res.on('close', () => sse.delete(transport.sessionId));
      await mcpServer(tools).connect(transport);
      return;
    }
    if (req.method === 'POST' && path === '/messages') {
      const id = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('sessionId') ?? '';
      const transport = sse.get(id);
      if (!transport) res.writeHead(404).end();
      else await transport.handlePostMessage(req, res);
      return;
    }
    res.writeHead(405).end();
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const transport of sse.values()) void transport.close();
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}
