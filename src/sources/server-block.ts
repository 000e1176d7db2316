// An `mcp-servers` / `mcpServers` block in an agent's front matter (Copilot custom agents, Claude Code subagents,
// gh-aw workflows) is a set of MCP servers, read into part 1's model: name = the entry key, transport as written
// (`type` inferred: `command` means stdio, `url` remote), credentials = the NAMES of env and header keys, egress
// = the url host or `*` for a local process, the per-server `tools` / `allowed` list = includeTools.
import type { FieldPath } from '../core/parse/yaml.js';
import type { Credential, Finding, Server, ServerTransport } from '../core/types.js';
import { isRecord, ownEntries, parseFinding } from './front-matter.js';

export interface ServerBlockContext {
  path: string;
  /** the adapter id, recorded as the servers' origin */
  origin: string;
  /** the agent that declares them, named in findings */
  subject: string;
  lineOf(field: FieldPath): number;
}

export function readServerBlock(
  key: string,
  block: unknown,
  context: ServerBlockContext,
): { servers: Server[]; findings: Finding[] } {
  if (block === null || block === undefined) return { servers: [], findings: [] };
  if (!isRecord(block)) {
    const line = context.lineOf([key]);
    const finding = parseFinding(
      context.path,
      line,
      'must be a mapping of server names to entries',
      context.subject,
      [key],
    );
    return { servers: [], findings: [finding] };
  }
  const servers: Server[] = [];
  const findings: Finding[] = [];
  for (const [name, entry] of ownEntries(block)) {
    const line = context.lineOf([key, name]);
    if (!isRecord(entry)) {
      const message = 'must be a mapping (command, args, url, headers, env, tools)';
      findings.push(parseFinding(context.path, line, message, context.subject, [key, name]));
      continue;
    }
    servers.push(readServer(name, entry, context.origin, { path: context.path, line }));
  }
  return { servers, findings };
}

function readServer(
  name: string,
  entry: Record<string, unknown>,
  origin: string,
  source: Server['source'],
): Server {
  const transport = readTransport(entry);
  const credentials = [...keysOf(entry.env), ...keysOf(entry.headers)];
  const server: Server = {
    name,
    origin,
    transport,
    credentials: uniqueCredentials(credentials),
    egress: egressOf(transport),
    source,
  };
  const include = stringList(entry.tools ?? entry.allowed ?? entry.includeTools);
  // `tools: ["*"]` narrows nothing: the same as no list
  if (include && !include.includes('*')) server.includeTools = [...new Set(include)].sort();
  const exclude = stringList(entry.excludeTools);
  if (exclude) server.excludeTools = [...new Set(exclude)].sort();
  return server;
}

function readTransport(entry: Record<string, unknown>): ServerTransport {
  const command = typeof entry.command === 'string' ? entry.command : undefined;
  const url = typeof entry.url === 'string' ? entry.url : undefined;
  const args = stringList(entry.args);
  const cwd = typeof entry.cwd === 'string' ? entry.cwd : undefined;
  if (command !== undefined) {
    // `type: remote` with a command (npx mcp-remote …) still starts a local process
    return { type: 'stdio', command, ...(args && { args }), ...(cwd !== undefined && { cwd }) };
  }
  if (typeof entry.container === 'string') {
    // gh-aw runs a `container:` server as a docker process, its entrypoint arguments after the image
    const entrypoint = stringList(entry.entrypointArgs) ?? [];
    return { type: 'stdio', command: 'docker', args: ['run', '--rm', '-i', entry.container, ...entrypoint] };
  }
  if (url !== undefined) return { type: entry.type === 'sse' ? 'sse' : 'http', url };
  return { type: 'unknown' };
}

function egressOf(transport: ServerTransport): string[] {
  if (transport.url === undefined) return ['*'];
  try {
    const host = new URL(transport.url).hostname;
    return [host === '' ? '*' : host];
  } catch {
    // a templated url (`https://{KIBANA_URL}/…`) could point anywhere
    return ['*'];
  }
}

function keysOf(value: unknown): Credential[] {
  if (!isRecord(value)) return [];
  return Object.keys(value).map((name) => ({ name, scopes: [] }));
}

function uniqueCredentials(credentials: Credential[]): Credential[] {
  const names = [...new Set(credentials.map((credential) => credential.name))].sort();
  return names.map((name) => ({ name, scopes: [] }));
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  // YAML reads `-p 8080` items as numbers; the client passes them as text
  return value
    .filter((item) => ['string', 'number', 'boolean'].includes(typeof item))
    .map((item) => String(item));
}
