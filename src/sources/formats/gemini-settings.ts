// Gemini CLI's `.gemini/settings.json` (and an extension's `gemini-extension.json`, same `mcpServers`): `httpUrl`
// is streamable HTTP, a bare `url` is SSE; `includeTools`/`excludeTools` narrow a server; `trust: true` skips every
// confirmation, which widens what the server may do unattended; server-name allow/exclude lists switch servers off.
import type { Server } from '../../model/types.js';
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
};

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
