// Roo Code's `.roomodes` (YAML or JSON, no extension): `customModes[]`, each mode's `groups` (read, edit,
// browser, command, mcp; `[edit, {fileRegex}]` restricts edits) one rule per group, `customModes.<slug>.groups=
// <group>`, so a mode gaining `command` is one rule new. The mode's texts (role, instructions) are rules by hash;
// name and description are inert; other keys are kept.
import type { SourceFile } from '../../model/source-file.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { emptyModel, leftoverKeys, valueRules } from '../kit/leftover-keys.js';
import { parseYamlSource } from '../kit/parse-yaml.js';
import { flushFindings, settingsOfTree } from '../kit/settings-json.js';
import type { ParseOptions, SourceAdapter, SourceModel } from '../kit/types.js';
import { ROO, inertKeysFor } from '../profiles/index.js';

/** Keys of a mode Roo reads as authority or identity: never inert. */
const MODE_AUTHORITY = ['slug', 'groups', 'roleDefinition', 'customInstructions', 'source'];

export function parseRooModes(file: SourceFile, options: ParseOptions = {}): SourceModel {
  const model = emptyModel();
  const parsed = parseYamlSource(file);
  if (!parsed.ok) {
    model.findings.push({
      severity: 'error',
      code: 'source-parse',
      path: file.path,
      line: parsed.line,
      message: `${file.path}:${parsed.line}: ${parsed.message}`,
    });
    return model;
  }
  const settings = settingsOfTree(file, parsed.root, model);
  if (!settings) return model;
  const scope = `roo:${file.path}`;
  // a mode is an agent definition: its descriptive keys (the universal ones, `iconName`) are data plane
  const inert = inertKeysFor(ROO, {
    frontMatter: true,
    ...(options.inert && { extra: options.inert }),
    authority: MODE_AUTHORITY,
  });
  const modes = settings.value.customModes;
  if (Array.isArray(modes)) {
    for (const [index, mode] of modes.entries()) {
      const at = (...path: (string | number)[]) => settings.at('customModes', index, ...path);
      if (!isRecord(mode)) {
        model.permissions.push(...valueRules(scope, 'allow', `customModes[${index}]`, mode, at()));
        continue;
      }
      const slug = typeof mode.slug === 'string' ? mode.slug : `[${index}]`;
      for (const [key, value] of ownEntries(mode)) {
        if (key === 'slug' || inert.has(key)) continue;
        if (key === 'groups' && Array.isArray(value) && value.length > 0) {
          for (const group of value)
            model.permissions.push(
              ...valueRules(scope, 'allow', `customModes.${slug}.groups`, group, at(key)),
            );
          continue;
        }
        model.permissions.push(...valueRules(scope, 'allow', `customModes.${slug}.${key}`, value, at(key)));
      }
    }
  } else if (modes !== undefined)
    model.permissions.push(...valueRules(scope, 'allow', 'customModes', modes, settings.at('customModes')));
  leftoverKeys(
    settings.value,
    { scope, path: file.path, prefix: '', known: new Set(['customModes']), at: (key) => settings.at(key) },
    model,
  );
  flushFindings(settings, model);
  return model;
}

export const rooModesAdapter: SourceAdapter = {
  id: 'roo-modes',
  kind: 'roo',
  defaultPaths: ['.roomodes'],
  parse: parseRooModes,
};
