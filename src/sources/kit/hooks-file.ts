// One factory for the hook files whose top level is `{ "version"?, "hooks": { event: [...] } }` (Cursor, Copilot,
// Windsurf, Claude Code plugins): the hook map is read by hook-rules.ts, every other key is kept as the residual.
import type { SourceFile } from '../../model/source-file.js';
import type { CommandBases } from './executed-paths.js';
import type { HookDialect } from './hook-rules.js';
import { readHookMap } from './hook-rules.js';
import { emptyModel } from './source-model.js';
import { addResidual } from './residual.js';
import { flushFindings, readSettingsJson, settingsLines } from './settings-json.js';
import type { SourceAdapter, SourceModel } from './types.js';

export interface HooksFileFormat {
  id: string;
  kind: string;
  defaultPaths: string[];
  /** the client, for rule scopes: `cursor:.cursor/hooks.json` */
  client: string;
  dialect: HookDialect;
  /** where the commands of a file at `path` resolve */
  bases(path: string): CommandBases;
  /** top-level keys that carry nothing (`version`, `description`) */
  inert: readonly string[];
}

export function parseHooksFile(file: SourceFile, format: HooksFileFormat): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `${format.client}:${file.path}`;
  const hooks = settings.value.hooks;
  if (hooks !== undefined) {
    readHookMap(
      hooks,
      {
        scope,
        prefix: 'hooks',
        at: (...path) => settings.at('hooks', ...path),
        bases: format.bases(file.path),
      },
      format.dialect,
      model,
    );
  }
  addResidual(model, {
    path: file.path,
    scope,
    value: settings.value,
    modelled: new Set(['hooks', ...format.inert]),
    lineOf: settingsLines(settings),
  });
  flushFindings(settings, model);
  return model;
}

export function createHooksAdapter(format: HooksFileFormat): SourceAdapter {
  return {
    id: format.id,
    kind: format.kind,
    defaultPaths: format.defaultPaths,
    parse: (file) => parseHooksFile(file, format),
  };
}
