// The `mcpServers` file most clients share (Claude Code, Copilot CLI, Cursor, Claude Desktop): one factory, and a
// small adapter file per client naming its paths and dialect.
import type { Server } from '../../model/types.js';
import type { FindingSink } from './findings.js';
import type { EntryDialect } from './server-entry.js';
import { residualOfNode } from './residual.js';
import { parseJsonModel, readServerMap } from './source-model.js';
import type { ObjectNode } from './tree.js';
import { effectiveEntries, isObject, member } from './tree.js';
import type { SourceAdapter } from './types.js';

export interface McpServersFormat {
  id: string;
  defaultPaths: string[];
  dialect: EntryDialect;
  /** Claude Code plugins write the server map at the top level, without the `mcpServers` wrapper */
  bareMap: boolean;
}

const SERVER_KEYS = ['command', 'url', 'httpUrl', 'serverUrl', 'type', 'args'];

/** An object entry with a key only a server entry has. */
export function looksLikeServer(node: ObjectNode['entries'][number]['value']): boolean {
  return isObject(node) && SERVER_KEYS.some((key) => member(node, key) !== undefined);
}

export function readMcpServers(
  origin: string,
  root: ObjectNode,
  dialect: EntryDialect,
  bareMap: boolean,
  sink: FindingSink,
): Server[] {
  const wrapper = member(root, 'mcpServers');
  if (wrapper) return readServerMap(origin, wrapper.value, wrapper.line, ['mcpServers'], dialect, sink);
  if (!bareMap) return [];
  const bare = effectiveEntries(root).filter((entry) => looksLikeServer(entry.value));
  if (bare.length === 0) return [];
  return readServerMap(
    origin,
    { kind: 'object', line: root.line, entries: bare },
    root.line,
    [],
    dialect,
    sink,
  );
}

/** The top-level keys `readMcpServers` reads: the wrapper, or (bare) the entries that look like servers. */
export function serverMapKeys(root: ObjectNode, bareMap: boolean): string[] {
  if (member(root, 'mcpServers') || !bareMap) return ['mcpServers'];
  return effectiveEntries(root)
    .filter((entry) => looksLikeServer(entry.value))
    .map((entry) => entry.key);
}

export function createMcpServersAdapter(format: McpServersFormat): SourceAdapter {
  return {
    id: format.id,
    kind: 'mcp-config',
    defaultPaths: format.defaultPaths,
    parse: (file) =>
      parseJsonModel(file, { jsonc: false }, (root, sink) => {
        const servers = readMcpServers(format.id, root, format.dialect, format.bareMap, sink);
        // every other top-level key is the residual: compared and digested, never skipped
        residualOfNode(sink, file.path, root, serverMapKeys(root, format.bareMap), []);
        return servers;
      }),
  };
}
