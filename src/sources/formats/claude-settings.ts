// Claude Code settings, `.claude/settings.json` (and a committed `settings.local.json`). Representation, compared
// by the diff as a set of (scope, effect, rule):
// - `permissions.allow/ask/deny` entries are client rules as written (`Bash(npm run test:*)`, tool `Bash`);
// - every other setting is a gated setting `key=value` (see permission-rule.ts): `defaultMode=bypassPermissions`,
//   `enableAllProjectMcpServers=true` (allow) or `=false` (deny), one rule per name of `enabledMcpjsonServers`
//   (allow), `disabledMcpjsonServers` (deny), `additionalDirectories`, `enabledPlugins`, one per hook command,
//   one per `env` name (a secret-looking value by its hash);
// - a key agentgate does not know is the residual (residual.ts): compared, digested, `unknown-authority-key`.
import type { SourceFile } from '../../model/source-file.js';
import type { PermissionEffect } from '../../model/types.js';
import { agentId } from '../kit/agent-id.js';
import { claudeProjectBases } from '../kit/claude-hooks.js';
import { CLAUDE_HOOKS, readHookMap } from '../kit/hook-rules.js';
import { isRecord, ownEntries, parseFinding } from '../kit/front-matter.js';
import { readJsonFile } from '../kit/json-file.js';
import { addResidual, hashed } from '../kit/residual.js';
import { looksLikeSecret } from '../kit/secrets.js';
import { envVariableRadius } from '../kit/name-radius.js';
import { clientRule, settingRule, valueRules } from '../kit/permission-rule.js';
import type { ParseOptions, SourceAdapter, SourceModel } from '../kit/types.js';
import { CLAUDE_CODE, inertKeysFor } from '../profiles/index.js';
import { orderedRule } from '../profiles/setting-rules.js';

const RULE_LISTS: readonly PermissionEffect[] = ['allow', 'ask', 'deny'];
const KNOWN_TOP = new Set([
  ...['permissions', 'hooks', 'env', 'enableAllProjectMcpServers', 'enabledMcpjsonServers'],
  ...['disabledMcpjsonServers', 'enabledPlugins', 'sandbox', 'model', 'statusLine', 'apiKeyHelper'],
  ...['awsAuthRefresh', 'awsCredentialExport', 'otelHeadersHelper', 'forceLoginMethod', 'forceLoginOrgUUID'],
  ...['includeCoAuthoredBy', 'cleanupPeriodDays', 'outputStyle', 'allowManagedPermissionRulesOnly'],
  ...['allowManagedHooksOnly', 'strictKnownMarketplaces', 'extraKnownMarketplaces', 'disableAllHooks'],
  ...['allowedMcpServers', 'deniedMcpServers', 'spinnerTipsEnabled', 'alwaysThinkingEnabled'],
  ...['respectGitignore', 'companyAnnouncements', 'language', 'allowedTools'],
]);
const KNOWN_PERMISSIONS = new Set([...RULE_LISTS, 'defaultMode', 'additionalDirectories']);

/** Keys this reader models as authority: no profile or config entry makes them inert. */
const READ_AS_AUTHORITY = [
  ...['permissions', 'hooks', 'env', 'enableAllProjectMcpServers', 'enabledMcpjsonServers'],
  ...['disabledMcpjsonServers', 'enabledPlugins', 'allowedTools'],
];

export function parseClaudeSettings(file: SourceFile, options: ParseOptions = {}): SourceModel {
  const scope = agentId('claude', file.path, '.claude', '.json');
  const model: SourceModel = { servers: [], tools: [], agents: [], permissions: [], findings: [] };
  const read = readJsonFile(file.text);
  if (!read.ok) {
    model.findings.push(parseFinding(file.path, read.line, read.message, scope));
    return model;
  }
  if (!isRecord(read.value)) {
    model.findings.push(parseFinding(file.path, 1, 'settings must be a JSON object', scope));
    return model;
  }
  const at = (...path: (string | number)[]) => ({ path: file.path, line: read.lineOf(path) });
  const rules = model.permissions;
  const perName = (key: string, effect: PermissionEffect, names: unknown) => {
    for (const name of Array.isArray(names) ? names : [names])
      rules.push(settingRule(scope, effect, key, name, at(key)));
  };

  // settings that only decide the look or a commit trailer: data plane, no rule, no sign-off
  const inert = inertKeysFor(CLAUDE_CODE, {
    frontMatter: false,
    ...(options.inert && { extra: options.inert }),
    authority: READ_AS_AUTHORITY,
  });
  for (const [key, value] of ownEntries(read.value)) {
    if (key === '$schema' || inert.has(key)) continue;
    if (key === 'permissions') readPermissions(value, scope, file.path, read.lineOf, model);
    else if (key === 'hooks') {
      const bases = claudeProjectBases(file.path);
      readHookMap(
        value,
        { scope, prefix: 'hooks', at: (...p) => at('hooks', ...p), bases },
        CLAUDE_HOOKS,
        model,
      );
    } else if (key === 'enableAllProjectMcpServers')
      rules.push(settingRule(scope, value === false ? 'deny' : 'allow', key, value, at(key)));
    else if (key === 'enabledMcpjsonServers') perName(key, 'allow', value);
    else if (key === 'disabledMcpjsonServers') perName(key, 'deny', value);
    else if (key === 'enabledPlugins' && isRecord(value)) {
      for (const [plugin, on] of ownEntries(value))
        rules.push(settingRule(scope, on === false ? 'deny' : 'allow', key, plugin, at(key, plugin)));
    } else if (key === 'env' && isRecord(value)) {
      for (const [name, setting] of ownEntries(value)) {
        // a tuning variable's value is shown (MAX_THINKING_TOKENS=8000); a secret-looking one is shown and
        // digested by its hash: never printed, yet a changed value moves the rule and the digest
        const secret =
          envVariableRadius(name).secret || (typeof setting === 'string' && looksLikeSecret(name, setting));
        const shown = secret ? hashed(setting) : setting;
        rules.push(settingRule(scope, 'allow', `env.${name}`, shown, at(key, name)));
      }
    } else if (KNOWN_TOP.has(key))
      // a list of names (`allowedMcpServers`, `extraKnownMarketplaces`…) member by member: one added name is one rule
      rules.push(...valueRules(scope, 'allow', key, value, at(key)));
  }
  addResidual(model, {
    path: file.path,
    scope,
    value: read.value,
    // an inert key is data plane: neither a rule nor residual
    modelled: [...KNOWN_TOP, ...inert, '$schema'],
    lineOf: read.lineOf,
    subject: 'agent',
  });
  return model;
}

function readPermissions(
  permissions: unknown,
  scope: string,
  path: string,
  lineOf: (path: (string | number)[]) => number,
  model: SourceModel,
): void {
  const at = (...field: (string | number)[]) => ({ path, line: lineOf(['permissions', ...field]) });
  if (!isRecord(permissions)) {
    model.findings.push(
      parseFinding(path, lineOf(['permissions']), 'must be an object', scope, ['permissions']),
    );
    return;
  }
  const rules = model.permissions;
  for (const [key, value] of ownEntries(permissions)) {
    if ((RULE_LISTS as readonly string[]).includes(key)) {
      readRuleList(key as PermissionEffect, value, scope, path, lineOf, model);
    } else if (key === 'additionalDirectories' && Array.isArray(value)) {
      for (const [index, dir] of value.entries())
        rules.push(settingRule(scope, 'allow', key, dir, at(key, index)));
    } else if (key === 'defaultMode') {
      const order = CLAUDE_CODE.ordered.defaultMode!;
      rules.push(orderedRule(scope, [key], value, order, at(key), 'defaultMode'));
    } else if (KNOWN_PERMISSIONS.has(key) || key === 'disableBypassPermissionsMode') {
      const restricts = key === 'disableBypassPermissionsMode' && value === 'disable';
      rules.push(settingRule(scope, restricts ? 'deny' : 'allow', key, value, at(key)));
    }
  }
  addResidual(model, {
    path,
    scope,
    value: permissions,
    modelled: [...KNOWN_PERMISSIONS, 'disableBypassPermissionsMode'],
    at: ['permissions'],
    lineOf,
    subject: 'agent',
  });
}

function readRuleList(
  effect: PermissionEffect,
  list: unknown,
  scope: string,
  path: string,
  lineOf: (path: (string | number)[]) => number,
  model: SourceModel,
): void {
  const field = ['permissions', effect];
  if (!Array.isArray(list)) {
    model.findings.push(
      parseFinding(path, lineOf(field), 'must be a list of permission rules', scope, field),
    );
    return;
  }
  for (const [index, rule] of list.entries()) {
    const line = lineOf([...field, index]);
    if (typeof rule !== 'string' || rule.trim() === '') {
      model.findings.push(
        parseFinding(path, line, 'must be a permission rule such as Bash(npm test)', scope, [
          ...field,
          index,
        ]),
      );
      continue;
    }
    model.permissions.push(clientRule(scope, effect, rule, { path, line }));
  }
}

export const claudeSettingsAdapter: SourceAdapter = {
  id: 'claude-settings',
  kind: 'claude-code',
  alsoReads: ['**/.claude/settings.json', '**/.claude/settings.local.json'],
  defaultPaths: ['.claude/settings.json', '.claude/settings.local.json'],
  parse: parseClaudeSettings,
};
