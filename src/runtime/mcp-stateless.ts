// The stateless MCP revision (2026-07-28), as far as the guard speaks it: there is no `initialize`, each request
// names its revision in `_meta`, and each result says what kind it is. A client on that revision refuses a
// result without `resultType`, and a listing without its cache fields.

/** The revisions without `initialize`: a request carries its revision in `_meta` and stands on its own. */
export const STATELESS_REVISIONS: readonly string[] = ['2026-07-28'];
export const ENVELOPE_META = 'io.modelcontextprotocol/';
const PROTOCOL_VERSION_META = `${ENVELOPE_META}protocolVersion`;
const SERVER_INFO_META = `${ENVELOPE_META}serverInfo`;

export function speaksStateless(params: unknown): boolean {
  const meta = (params as { _meta?: unknown } | undefined)?._meta;
  if (typeof meta !== 'object' || meta === null) return false;
  const declared = (meta as Record<string, unknown>)[PROTOCOL_VERSION_META];
  return typeof declared === 'string' && STATELESS_REVISIONS.includes(declared);
}

export interface ServerIdentity {
  name: string;
  version: string;
}

/**
 * The result as the request's revision wants it: unchanged for the older ones; on the stateless one, marked
 * complete, with the guard's identity, and (for a listing) never cached: the registry decides, call by call.
 */
export function inRevision<T extends object>(
  params: unknown,
  result: T,
  server: ServerIdentity,
  listing = false,
): T {
  if (!speaksStateless(params)) return result;
  const meta = (result as { _meta?: Record<string, unknown> })._meta ?? {};
  return {
    ...result,
    resultType: 'complete',
    ...(listing && { ttlMs: 0, cacheScope: 'private' }),
    _meta: { ...meta, [SERVER_INFO_META]: server },
  };
}

/** The answer to `server/discover`: the revisions the guard judges calls under, and what it serves. */
export function discoverResult(server: ServerIdentity, instructions: string | undefined) {
  return {
    resultType: 'complete',
    ttlMs: 0,
    cacheScope: 'private',
    supportedVersions: [...STATELESS_REVISIONS],
    capabilities: { tools: { listChanged: true } },
    ...(instructions !== undefined && { instructions }),
    _meta: { [SERVER_INFO_META]: server },
  };
}
