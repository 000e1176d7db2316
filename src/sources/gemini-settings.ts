// Gemini CLI's `.gemini/settings.json` (and an extension's `gemini-extension.json`, same `mcpServers`): `httpUrl`
// is streamable HTTP, a bare `url` is SSE; `includeTools`/`excludeTools` narrow a server; `trust: true` skips every
// confirmation, which widens what the server may do unattended.
import type { Server } from '../core/types.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES } from './findings.js';
import type { EntryDialect } from './server-entry.js';
import { readMcpServers } from './mcp-servers-json.js';
import { parseJsonModel } from './source-model.js';
import type { ObjectNode } from './tree.js';
import { booleanValue, member } from './tree.js';
import type { SourceAdapter } from './types.js';

const ID = 'gemini-settings';
const DIALECT: EntryDialect = {
  envKey: 'env',
  urlType: 'sse',
  allowKeys: ['includeTools'],
  denyKeys: ['excludeTools'],
};

function readServers(root: ObjectNode, sink: FindingSink): Server[] {
  const servers = readMcpServers(ID, root, DIALECT, false, sink);
  const map = member(root, 'mcpServers')?.value;
  for (const server of servers) {
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
