// Which HTTP header names carry a credential. Data only: a header is a credential when its name says so; the
// content headers every client sends are not.
export const CREDENTIAL_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
]);

/** Name shapes of credential headers: `X-Api-Key`, `X-Auth-Token`, `Private-Token`, `X-Goog-Api-Key`. */
export const CREDENTIAL_HEADER_PATTERNS: readonly RegExp[] = [
  /(?:^|[-_])key$/iu,
  /api[-_]?key/iu,
  /token/iu,
  /secret/iu,
  /passw(?:or)?d/iu,
  /(?:^|[-_])auth(?:[-_]|$)/iu,
  /credential/iu,
  /session/iu,
  /signature/iu,
];

/** Headers that only describe the request: never a credential, whatever a pattern would say. */
export const PLAIN_HEADERS: ReadonlySet<string> = new Set([
  ...['content-type', 'accept', 'user-agent', 'accept-encoding', 'accept-language', 'content-length'],
  ...['cache-control', 'x-request-id', 'x-client-name', 'x-client-version', 'mcp-protocol-version'],
]);
