// OpenCode's `opencode.json(c)`: `mcp` maps names to `{type: local, command: [program, ...args], environment}` or
// `{type: remote, url, headers}`; `enabled: false` switches one off.
import type { Server } from '../../model/types.js';
import type { FindingSink } from '../kit/findings.js';
import { readEnabled } from '../kit/server-entry.js';
import { parseJsonModel, readServerMap } from '../kit/source-model.js';
import type { ObjectNode } from '../kit/tree.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';

const ID = 'opencode-json';

function readServers(root: ObjectNode, sink: FindingSink): Server[] {
  const mcp = member(root, 'mcp');
  if (!mcp) return [];
  const servers = readServerMap(
    ID,
    mcp.value,
    mcp.line,
    ['mcp'],
    { envKey: 'environment', commandArray: true, urlType: 'http' },
    sink,
  );
  for (const server of servers) {
    const entry = member(mcp.value, server.name)?.value;
    const enabled = entry ? readEnabled(entry) : undefined;
    if (enabled !== undefined) server.enabled = enabled;
  }
  return servers;
}

export const opencodeJsonAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-config',
  defaultPaths: ['opencode.json', 'opencode.jsonc', '**/opencode.json', '**/opencode.jsonc'],
  parse: (file) => parseJsonModel(file, { jsonc: true }, readServers),
};
