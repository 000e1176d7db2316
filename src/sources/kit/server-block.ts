// An `mcp-servers` / `mcpServers` block in an agent's front matter (Copilot custom agents, Claude Code subagents,
// gh-aw workflows) is a set of MCP servers, read by the one entry reader of client configs (server-entry.ts): the
// front matter's values become the format-neutral tree with their lines, so a block entry and a `.mcp.json`
// entry give the same server, the same credential names and the same findings.
import type { FieldPath } from '../../parse/yaml.js';
import type { Finding, PermissionRule, Server } from '../../model/types.js';
import { RESIDUAL_CODE } from './residual.js';
import { FindingSink } from './findings.js';
import { isRecord, ownEntries, parseFinding } from './front-matter.js';
import type { EntryDialect } from './server-entry.js';
import { readServerEntry } from './server-entry.js';
import type { SourceNode } from './tree.js';

/** Agent files write entries like VS Code and Claude Code; gh-aw's per-server list is `allowed`. */
const BLOCK_DIALECT: EntryDialect = {
  envKey: 'env',
  urlType: 'http',
  allowKeys: ['tools', 'allowed', 'includeTools'],
  denyKeys: ['excludeTools'],
};

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
): { servers: Server[]; findings: Finding[]; rules: PermissionRule[] } {
  if (block === null || block === undefined) return { servers: [], findings: [], rules: [] };
  if (!isRecord(block)) {
    const line = context.lineOf([key]);
    const finding = parseFinding(
      context.path,
      line,
      'must be a mapping of server names to entries',
      context.subject,
      [key],
    );
    return { servers: [], findings: [finding], rules: [] };
  }
  const servers: Server[] = [];
  const findings: Finding[] = [];
  const sink = new FindingSink({ path: context.path, oid: '', text: '' });
  for (const [name, entry] of ownEntries(block)) {
    const line = context.lineOf([key, name]);
    if (!isRecord(entry)) {
      const message = 'must be a mapping (command, args, url, headers, env, tools)';
      findings.push(parseFinding(context.path, line, message, context.subject, [key, name]));
      continue;
    }
    const field = [key, name];
    const node = toNode(withContainer(entry), field, context.lineOf);
    servers.push(
      readServerEntry(
        context.origin,
        { key: name, line, value: node },
        field,
        BLOCK_DIALECT,
        sink,
        context.subject,
      ),
    );
  }
  // the keys of an entry the reader does not model are the agent's residual rules
  // (their findings name the agent: a waiver for a tool of the same name must not reach them)
  const agentFindings = sink.findings.map((finding) =>
    finding.code === RESIDUAL_CODE ? { ...finding, subject: 'agent' as const } : finding,
  );
  return { servers, findings: [...findings, ...agentFindings], rules: sink.rules };
}

/** gh-aw runs a `container:` server as a docker process, its entrypoint arguments after the image. */
function withContainer(entry: Record<string, unknown>): Record<string, unknown> {
  if (entry.command !== undefined || typeof entry.container !== 'string') return entry;
  const entrypoint = Array.isArray(entry.entrypointArgs) ? entry.entrypointArgs : [];
  const { container, entrypointArgs: _entrypointArgs, ...rest } = entry;
  return { ...rest, command: 'docker', args: ['run', '--rm', '-i', container, ...entrypoint] };
}

/** Front-matter values as the entry reader's tree, each node on the line its key is written. */
function toNode(value: unknown, field: FieldPath, lineOf: (field: FieldPath) => number): SourceNode {
  const line = lineOf(field);
  if (Array.isArray(value)) {
    // YAML reads `- 8080` in args as a number; the client passes it as text
    const items = value.map((item) => (typeof item === 'number' ? String(item) : item));
    return { kind: 'array', line, items: items.map((item, i) => toNode(item, [...field, i], lineOf)) };
  }
  if (isRecord(value)) {
    const entries = ownEntries(value).map(([key, inner]) => ({
      key,
      line: lineOf([...field, key]),
      value: toNode(inner, [...field, key], lineOf),
    }));
    return { kind: 'object', line, entries };
  }
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
    return { kind: 'scalar', line, value: value as string | number | boolean | null };
  // a YAML timestamp or other typed scalar: the client passes its text
  return { kind: 'scalar', line, value: String(value) };
}
