// Codex's `.codex/config.toml`: one `[mcp_servers.<name>]` table per server. Secrets are named, not written:
// `bearer_token_env_var`, `env_vars` and `env_http_headers` hold variable NAMES, which are credentials.
import type { Server } from '../../model/types.js';
import { FindingSink, SOURCE_CODES } from '../kit/findings.js';
import { parseTomlSource } from '../kit/parse-toml.js';
import type { EntryDialect } from '../kit/server-entry.js';
import { addCredentials, readEnabled } from '../kit/server-entry.js';
import { modelOf, readServerMap, reportKeyProblems } from '../kit/source-model.js';
import { readNameList } from '../kit/string-lists.js';
import type { SourceNode } from '../kit/tree.js';
import { effectiveEntries, isObject, member, stringValue } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';

const ID = 'codex-config-toml';
const DIALECT: EntryDialect = {
  envKey: 'env',
  urlType: 'http',
  headersKey: 'http_headers',
  allowKeys: ['enabled_tools'],
  denyKeys: ['disabled_tools'],
};

function namedCredentials(entry: SourceNode, sink: FindingSink, field: string[]): string[] {
  const names: string[] = [];
  const bearer = stringValue(member(entry, 'bearer_token_env_var')?.value);
  if (bearer !== undefined) names.push(bearer);
  const envVars = member(entry, 'env_vars');
  if (envVars) names.push(...readNameList(envVars, [...field, 'env_vars'], sink));
  const envHeaders = member(entry, 'env_http_headers')?.value;
  if (isObject(envHeaders)) {
    for (const header of effectiveEntries(envHeaders)) {
      names.push(header.key);
      const variable = stringValue(header.value);
      if (variable !== undefined) names.push(variable);
    }
  }
  return names;
}

export const codexConfigTomlAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-config',
  defaultPaths: ['.codex/config.toml'],
  parse(file) {
    const sink = new FindingSink(file);
    const parsed = parseTomlSource(file);
    if (!parsed.ok) {
      sink.add('error', SOURCE_CODES.parse, parsed.line, [], parsed.message);
      return modelOf([], sink);
    }
    reportKeyProblems(parsed.root, sink);
    const table = member(parsed.root, 'mcp_servers');
    if (!table) return modelOf([], sink);
    const servers: Server[] = readServerMap(ID, table.value, table.line, ['mcp_servers'], DIALECT, sink);
    for (const server of servers) {
      const entry = member(table.value, server.name)?.value;
      if (!entry) continue;
      addCredentials(server, namedCredentials(entry, sink, ['mcp_servers', server.name]));
      const enabled = readEnabled(entry);
      if (enabled !== undefined) server.enabled = enabled;
    }
    return modelOf(servers, sink);
  },
};
