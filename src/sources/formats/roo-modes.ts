// Roo Code's `.roomodes` (YAML or JSON, no extension): `customModes[]`, each mode's `groups` (read, edit,
// browser, command, mcp; `[edit, {fileRegex}]` restricts edits) one rule per group, `customModes.<slug>.groups=
// <group>`, so a mode gaining `command` is one rule new. The mode's texts (role, instructions) are rules by hash;
// name and description are inert; any other key of a mode, or of the file, is the residual. Each mode is also an
// agent binding its groups.
import type { SourceFile } from '../../model/source-file.js';
import { configAgent, heldFinding } from '../kit/config-agent.js';
import { rooGroupBindings } from '../kit/config-bindings.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { addResidual } from '../kit/residual.js';
import { parseYamlSource } from '../kit/parse-yaml.js';
import { closeSettings, settingsOfTree } from '../kit/settings-json.js';
import type { ParseOptions, SourceAdapter, SourceModel } from '../kit/types.js';
import { ROO, inertKeysFor } from '../profiles/index.js';

/** The mode keys Roo documents beside its labels: each a rule; any other key of a mode is its residual. */
const MODE_KEYS = new Set([
  'groups',
  'roleDefinition',
  'customInstructions',
  'whenToUse',
  'source',
  'iconName',
]);

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
        // inert keys (name, description, iconName, the base config's) are data plane: no rule, no residual
        if (key === 'slug' || inert.has(key) || !MODE_KEYS.has(key)) continue;
        if (key === 'groups' && Array.isArray(value) && value.length > 0) {
          for (const group of value)
            model.permissions.push(
              ...valueRules(scope, 'allow', `customModes.${slug}.groups`, group, at(key)),
            );
          continue;
        }
        model.permissions.push(...valueRules(scope, 'allow', `customModes.${slug}.${key}`, value, at(key)));
      }
      modeAgent(file.path, slug, mode, at('groups').line, model);
      addResidual(model, {
        path: file.path,
        scope,
        value: mode,
        modelled: [...MODE_KEYS, ...inert, 'slug'],
        at: ['customModes', slug],
        lineOf: (field) => at(field[field.length - 1]!).line,
      });
    }
  } else if (modes !== undefined)
    model.permissions.push(...valueRules(scope, 'allow', 'customModes', modes, settings.at('customModes')));
  closeSettings(settings, model, { path: file.path, scope, modelled: new Set(['customModes']) });
  return model;
}

/** Each mode is an agent, `roo:<folder>modes/<slug>`, binding its tool groups (the Roo catalog; `mcp` is `*`). */
function modeAgent(
  path: string,
  slug: string,
  mode: Record<string, unknown>,
  line: number,
  model: SourceModel,
): void {
  const folder = path.slice(0, path.length - '.roomodes'.length);
  const id = `roo:${folder}modes/${slug}`;
  const bindings = rooGroupBindings(mode.groups);
  for (const held of bindings.held) model.findings.push(heldFinding(path, id, { ...held, line }));
  const text = [mode.roleDefinition, mode.customInstructions].filter((part) => typeof part === 'string');
  model.agents.push(configAgent(id, bindings.tools, { path, line }, text.join('\n\n')));
}

export const rooModesAdapter: SourceAdapter = {
  id: 'roo-modes',
  kind: 'roo',
  defaultPaths: ['.roomodes'],
  parse: parseRooModes,
};
