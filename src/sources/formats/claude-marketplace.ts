// A Claude Code marketplace, `**/.claude-plugin/marketplace.json`: a supply-chain list. Each plugin's `source`
// (a relative folder, or `{source: url | github | git-subdir, url, ref, sha}`) decides what code a user installs:
// one rule `plugins.<name>.source=<source>` (tool `plugins`, privileged), so adding a plugin, repointing it or
// dropping its `sha` is a new grant. Component fields an entry carries (`lspServers`, `strict`, `hooks`) are rules
// too; descriptive keys are inert; unknown keys are kept as the residual.
import type { SourceFile } from '../../model/source-file.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { addResidual } from '../kit/residual.js';
import { closeSettings, readSettingsJson } from '../kit/settings-json.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

const TOP_INERT = ['$schema', 'name', 'description', 'owner', 'metadata', 'version'];
const ENTRY_INERT = [
  ...['name', 'description', 'version', 'author', 'category', 'tags', 'keywords', 'homepage', 'license'],
  'repository',
];

/** What an entry installs: its source and the components it declares itself (`strict: false` entries). */
const ENTRY_KEYS = [
  ...['source', 'strict', 'hooks', 'commands', 'agents', 'skills', 'mcpServers', 'lspServers'],
  'outputStyles',
];

export function parseClaudeMarketplace(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `claude:${file.path}`;
  const plugins = settings.value.plugins;
  if (Array.isArray(plugins)) {
    const seen = new Set<string>();
    for (const [index, entry] of plugins.entries()) {
      const at = (...path: (string | number)[]) => settings.at('plugins', index, ...path);
      if (!isRecord(entry)) {
        model.permissions.push(...valueRules(scope, 'allow', `plugins[${index}]`, entry, at()));
        continue;
      }
      let name = typeof entry.name === 'string' && entry.name !== '' ? entry.name : `[${index}]`;
      if (seen.has(name)) {
        settings.sink.add(
          'error',
          'source-duplicate-key',
          at('name').line,
          ['plugins', index, 'name'],
          `plugin name '${name.slice(0, 80)}' is listed twice; which one installs is the client's guess`,
        );
        name = `${name}[${index}]`;
      }
      seen.add(name);
      for (const [key, value] of ownEntries(entry)) {
        if (ENTRY_INERT.includes(key) || !ENTRY_KEYS.includes(key)) continue;
        model.permissions.push(...valueRules(scope, 'allow', `plugins.${name}.${key}`, value, at(key)));
      }
      addResidual(model, {
        path: file.path,
        scope,
        value: entry,
        modelled: [...ENTRY_INERT, ...ENTRY_KEYS],
        at: ['plugins', name],
        lineOf: (field) => at(field[field.length - 1]!).line,
      });
      if (entry.source === undefined)
        model.permissions.push(...valueRules(scope, 'allow', `plugins.${name}.source`, null, at()));
    }
  } else if (plugins !== undefined) {
    model.permissions.push(...valueRules(scope, 'allow', 'plugins', plugins, settings.at('plugins')));
  }
  const known = new Set([...TOP_INERT, 'plugins']);
  closeSettings(settings, model, { path: file.path, scope, modelled: known });
  return model;
}

export const claudeMarketplaceAdapter: SourceAdapter = {
  id: 'claude-marketplace',
  kind: 'plugins',
  defaultPaths: ['**/.claude-plugin/marketplace.json'],
  parse: parseClaudeMarketplace,
};
