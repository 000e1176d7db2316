import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';

export interface RemoteServer {
  url: string;
  /** header values, read from the environment by the caller: never from argv, never printed */
  headers: Record<string, string>;
  /** the transport the config names: `sse` tries the older HTTP+SSE transport first */
  prefer?: 'http' | 'sse';
}

/**
 * One client transport to a remote server. Redirects stay on the same origin: a header that carries a token
 * must not follow a redirect to another host.
 */
export function openRemoteTransport(server: RemoteServer, protocol: 'http' | 'sse'): Transport {
  const url = new URL(server.url);
  const requestInit: RequestInit = { headers: { ...server.headers } };
  if (protocol === 'http')
    return new StreamableHTTPClientTransport(url, { requestInit, redirectPolicy: 'same-origin' });
  // the SSE transport sends requestInit's headers on the stream request as well as on each POST
  return new SSEClientTransport(url, { requestInit, redirectPolicy: 'same-origin' });
}
