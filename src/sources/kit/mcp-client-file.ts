// An `mcpServers` client file whose entries carry approval keys (Kiro, Roo): servers through the shared reader,
// the approval and switch keys as rules, anything else at the top level as leftovers.
import type { SourceFile } from '../../model/source-file.js';
import type { EntryDialect } from './entry-dialect.js';
import { emptyModel, leftoverKeys } from './leftover-keys.js';
import { serverExtraRules } from './server-extras.js';
import { flushFindings, readSettingsJson } from './settings-json.js';
import { readServerMap } from './source-model.js';
import { member } from './tree.js';
import type { SourceAdapter, SourceModel } from './types.js';

export function parseMcpClientFile(
  file: SourceFile,
  id: string,
  client: string,
  dialect: EntryDialect,
): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `${client}:${file.path}`;
  const entry = member(settings.root, 'mcpServers');
  if (entry) {
    model.servers.push(...readServerMap(id, entry.value, entry.line, ['mcpServers'], dialect, settings.sink));
    serverExtraRules(scope, settings, 'mcpServers', model);
  }
  leftoverKeys(
    settings.value,
    { scope, path: file.path, prefix: '', known: new Set(['mcpServers']), at: (key) => settings.at(key) },
    model,
  );
  flushFindings(settings, model);
  return model;
}

export function createMcpClientAdapter(
  id: string,
  client: string,
  defaultPaths: string[],
  dialect: EntryDialect,
): SourceAdapter {
  return {
    id,
    kind: 'mcp-config',
    defaultPaths,
    parse: (file) => parseMcpClientFile(file, id, client, dialect),
  };
}
