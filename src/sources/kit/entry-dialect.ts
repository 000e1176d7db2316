/**
 * How one client writes an MCP server entry. Every client writes nearly the same entry; the small differences
 * (env vs environment, command as an array, what a bare `url` means, which tool lists it honours) live here.
 */
export interface EntryDialect {
  /** the key of the environment map */
  envKey: 'env' | 'environment';
  /** OpenCode writes program and arguments as one array under `command` */
  commandArray?: boolean;
  /** what a `url` key means when `type` does not say (Gemini: SSE; everyone else: streamable HTTP) */
  urlType: 'http' | 'sse';
  /** the key of the literal-headers map (Codex: `http_headers`); default `headers` */
  headersKey?: string;
  /** tool allow/deny lists this client honours; any other list narrows nothing */
  allowKeys?: string[];
  denyKeys?: string[];
  /**
   * Other entry keys the adapter reads itself (`enabled`, `trust`, `envFile`, `bearer_token_env_var`…). Every key
   * neither the entry reader nor this list models is the residual (residual.ts).
   */
  modelledKeys?: string[];
}
