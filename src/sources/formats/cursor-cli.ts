// Cursor CLI permissions, `.cursor/cli.json`: `permissions.allow` / `permissions.deny` lists of rules as written
// (`Shell(git status)`, `Read(**)`, `Write(src/**)`, `WebFetch(*)`, `Mcp(server:tool)`), one client rule each;
// anything else is kept as the residual (`version` is inert).
import type { SourceFile } from '../../model/source-file.js';
import type { PermissionEffect } from '../../model/types.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { valueRules } from '../kit/permission-rule.js';
import { emptyModel } from '../kit/source-model.js';
import { addResidual } from '../kit/residual.js';
import { clientRule } from '../kit/permission-rule.js';
import { closeSettings, readSettingsJson, settingsLines } from '../kit/settings-json.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

export function parseCursorCli(file: SourceFile): SourceModel {
  const model = emptyModel();
  const settings = readSettingsJson(file, model);
  if (!settings) return model;
  const scope = `cursor:${file.path}`;
  const permissions = settings.value.permissions;
  if (isRecord(permissions)) {
    for (const [key, list] of ownEntries(permissions)) {
      const at = (...path: (string | number)[]) => settings.at('permissions', key, ...path);
      if ((key === 'allow' || key === 'deny') && Array.isArray(list)) {
        for (const [index, rule] of list.entries()) {
          if (typeof rule === 'string' && rule.trim() !== '')
            model.permissions.push(clientRule(scope, key as PermissionEffect, rule, at(index)));
          else
            model.permissions.push(
              ...valueRules(scope, key as PermissionEffect, `permissions.${key}`, rule, at(index)),
            );
        }
      } else if (key === 'allow' || key === 'deny')
        // a rule list of the wrong shape: held as one setting, whatever Cursor makes of it
        model.permissions.push(...valueRules(scope, 'allow', `permissions.${key}`, list, at()));
    }
    addResidual(model, {
      path: file.path,
      scope,
      value: permissions,
      modelled: ['allow', 'deny'],
      at: ['permissions'],
      lineOf: settingsLines(settings),
    });
  } else if (permissions !== undefined)
    model.permissions.push(
      ...valueRules(scope, 'allow', 'permissions', permissions, settings.at('permissions')),
    );
  closeSettings(settings, model, { path: file.path, scope, modelled: new Set(['permissions', 'version']) });
  return model;
}

export const cursorCliAdapter: SourceAdapter = {
  id: 'cursor-cli',
  kind: 'cursor',
  defaultPaths: ['.cursor/cli.json'],
  parse: parseCursorCli,
};
