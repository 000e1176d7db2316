// An `mcpServers` client file whose entries carry approval keys (Kiro, Roo): servers through the shared reader,
// the approval and switch keys as rules, anything else at the top level as the residual.
import type { SourceFile } from '../../model/source-file.js';
import type { EntryDialect } from './entry-dialect.js';
import { emptyModel } from './source-model.js';
import { addResidual } from './residual.js';
import { SERVER_EXTRA_KEYS, serverExtraRules } from './server-extras.js';
import { flushFindings, readSettingsJson, settingsLines } from './settings-json.js';
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
    const modelledKeys = [...(dialect.modelledKeys ?? []), ...SERVER_EXTRA_KEYS];
    model.servers.push(
      ...readServerMap(
        id,
        entry.value,
        entry.line,
        ['mcpServers'],
        { ...dialect, modelledKeys },
        settings.sink,
      ),
    );
    serverExtraRules(scope, settings, 'mcpServers', model);
  }
  addResidual(model, {
    path: file.path,
    scope,
    value: settings.value,
    modelled: new Set(['mcpServers']),
    lineOf: settingsLines(settings),
  });
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
