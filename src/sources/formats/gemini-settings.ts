// Gemini CLI's `.gemini/settings.json` (and an extension's `gemini-extension.json`, same `mcpServers`): `httpUrl`
// is streamable HTTP, a bare `url` is SSE; `includeTools`/`excludeTools` narrow a server; `trust: true` skips every
// confirmation, which widens what the server may do unattended; server-name allow/exclude lists switch servers off.
import type { PermissionRule, Server } from '../../model/types.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { sourceAt } from '../kit/node-rules.js';
import { plainOf, residualOfNode } from '../kit/residual.js';
import { flatRules } from '../profiles/setting-rules.js';
import type { FindingSink } from '../kit/findings.js';
import { SOURCE_CODES } from '../kit/findings.js';
import type { EntryDialect } from '../kit/server-entry.js';
import { readMcpServers } from '../kit/mcp-servers-json.js';
import { parseJsonModel } from '../kit/source-model.js';
import type { FieldPath } from '../../parse/yaml.js';
import { readNameList } from '../kit/string-lists.js';
import type { Entry, ObjectNode } from '../kit/tree.js';
import { booleanValue, member } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';

const ID = 'gemini-settings';
const DIALECT: EntryDialect = {
  envKey: 'env',
  urlType: 'sse',
  allowKeys: ['includeTools'],
  denyKeys: ['excludeTools'],
  modelledKeys: ['trust'],
};
/** Top-level settings read as rules (v1 names beside v2's `tools` and `mcp` objects). */
const TOOL_SETTINGS = ['tools', 'coreTools', 'excludeTools', 'allowedTools', 'autoAccept'];
const SERVER_LISTS = ['mcpServers', 'allowMCPServers', 'excludeMCPServers'];
/** Lists whose entries switch something off: each entry is a deny rule, so adding one narrows. */
const DENY_LISTS = new Set(['excludeTools', 'tools.exclude', 'excludeMCPServers', 'mcp.excluded']);

/**
 * Gemini's settings beyond the server map: `tools.*` (core, exclude, allowed without asking, discovery and call
 * commands, sandbox), `coreTools`, `excludeTools`, `allowedTools`, `autoAccept`, every `*Command`, and `mcp.*`
 * beside the server-name lists; a list is compared member by member. Exclusions are deny rules; `autoAccept: false` restrains. Every other key is the residual.
 */
function settings(root: ObjectNode, sink: FindingSink): void {
  const path = sink.file.path;
  const top = plainOf(root);
  if (!isRecord(top)) return;
  const at = sourceAt(root, path);
  const rules: PermissionRule[] = [];
  const modelled = [...SERVER_LISTS, ...TOOL_SETTINGS, 'mcp'];
  for (const [key, value] of ownEntries(top)) {
    const commandKey = key.endsWith('Command');
    if (commandKey) modelled.push(key);
    if (!TOOL_SETTINGS.includes(key) && !commandKey && key !== 'mcp') continue;
    const field = key === 'mcp' && isRecord(value) ? withoutLists(value) : value;
    if (isRecord(field) && ownEntries(field).length === 0 && key === 'mcp') continue;
    for (const rule of flatRules(path, [key], field, at)) {
      const name = rule.rule.slice(0, rule.rule.indexOf('='));
      if (DENY_LISTS.has(name) || (name.endsWith('autoAccept') && rule.rule.endsWith('=false')))
        rule.effect = 'deny';
      rules.push(rule);
    }
  }
  sink.rules.push(...rules);
  residualOfNode(sink, path, root, modelled, []);
}

/** `mcp.allowed`/`mcp.excluded` switch servers off (read by serverLists); the rest of `mcp` is settings. */
function withoutLists(mcp: Record<string, unknown>): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [key, value] of ownEntries(mcp)) {
    if (key === 'allowed' || key === 'excluded') continue;
    Object.defineProperty(rest, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return rest;
}

/** Server-name lists that switch servers off: `mcp.allowed`/`mcp.excluded` (v2), `allowMCPServers`/`excludeMCPServers` (v1). */
function serverLists(root: ObjectNode, sink: FindingSink): { allowed?: Set<string>; excluded: Set<string> } {
  const mcp = member(root, 'mcp')?.value;
  const read = (entry: Entry | undefined, field: FieldPath): string[] | undefined =>
    entry ? readNameList(entry, field, sink) : undefined;
  const allowed =
    read(member(mcp, 'allowed'), ['mcp', 'allowed']) ??
    read(member(root, 'allowMCPServers'), ['allowMCPServers']);
  const excluded =
    read(member(mcp, 'excluded'), ['mcp', 'excluded']) ??
    read(member(root, 'excludeMCPServers'), ['excludeMCPServers']);
  return { allowed: allowed && new Set(allowed), excluded: new Set(excluded ?? []) };
}

function readServers(root: ObjectNode, sink: FindingSink): Server[] {
  settings(root, sink);
  const servers = readMcpServers(ID, root, DIALECT, false, sink);
  const map = member(root, 'mcpServers')?.value;
  const { allowed, excluded } = serverLists(root, sink);
  for (const server of servers) {
    // the exclusion wins, as in the client; a server off is still declared, so a diff sees it switched on
    if (excluded.has(server.name) || (allowed !== undefined && !allowed.has(server.name)))
      server.enabled = false;
    const entry = member(member(map, server.name)?.value, 'trust');
    if (!entry) continue;
    const trust = booleanValue(entry.value);
    // Gemini tests trust for truthiness: a non-boolean is read as trusted (fail closed) and reported
    if (trust === undefined) {
      sink.add(
        'error',
        SOURCE_CODES.shape,
        entry.line,
        ['mcpServers', server.name, 'trust'],
        'trust must be true or false; read as true',
      );
    }
    server.trust = trust ?? true;
  }
  return servers;
}

export const geminiSettingsAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-config',
  defaultPaths: ['.gemini/settings.json', '**/gemini-extension.json'],
  parse: (file) => parseJsonModel(file, { jsonc: true }, readServers),
};
