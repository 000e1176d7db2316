// Codex's `.codex/config.toml`: one `[mcp_servers.<name>]` table per server. Secrets are named, not written:
// `bearer_token_env_var`, `env_vars` and `env_http_headers` hold variable NAMES, which are credentials. Beside the
// servers, the settings that decide what runs unasked: `approval_policy` and `sandbox_mode` (ordered, compared by
// rank), `sandbox_workspace_write`, `notify` (a program run after every turn), `shell_environment_policy` and
// `profiles` (each a named set of the same settings). Every other key is the residual.
import type { FieldPath } from '../../parse/yaml.js';
import type { PermissionRule, Server } from '../../model/types.js';
import { FindingSink, SOURCE_CODES } from '../kit/findings.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { parseTomlSource } from '../kit/parse-toml.js';
import { settingRule } from '../kit/permission-rule.js';
import { plainOf, residualOfNode } from '../kit/residual.js';
import type { EntryDialect } from '../kit/server-entry.js';
import { addCredentials, readEnabled } from '../kit/server-entry.js';
import { modelOf, readServerMap, reportKeyProblems } from '../kit/source-model.js';
import { readNameList } from '../kit/string-lists.js';
import type { SourceNode } from '../kit/tree.js';
import { effectiveEntries, isObject, lineOfField, member, stringValue } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';
import { CODEX } from '../profiles/index.js';
import { flatRules, orderedRule } from '../profiles/setting-rules.js';

const ID = 'codex-config-toml';
const DIALECT: EntryDialect = {
  envKey: 'env',
  urlType: 'http',
  headersKey: 'http_headers',
  allowKeys: ['enabled_tools'],
  denyKeys: ['disabled_tools'],
  modelledKeys: ['enabled', 'bearer_token_env_var', 'env_vars', 'env_http_headers'],
};
const SETTINGS = ['approval_policy', 'sandbox_mode', 'sandbox_workspace_write', 'notify'];
const MODELLED_TOP = ['mcp_servers', ...SETTINGS, 'shell_environment_policy', 'profiles'];

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

/** One setting (top level or inside a profile) as rules: ordered ones by rank, the rest leaf by leaf. */
function settingRules(scope: string, field: FieldPath, value: unknown, root: SourceNode, path: string) {
  const at = (f: FieldPath) => ({ path, line: lineOfField(root, f) });
  const key = String(field[field.length - 1]);
  const order = CODEX.ordered[key];
  if (order && typeof value === 'string') return [orderedRule(scope, field, value, order, at(field))];
  // a command line is one thing, its words in order
  if (key === 'notify') return [settingRule(scope, 'allow', field.join('.'), value, at(field))];
  const rules = flatRules(scope, field, value, at);
  // `shell_environment_policy.exclude` takes variables away: each pattern a deny rule, so adding one narrows
  for (const rule of rules)
    if (/(?:^|\.)shell_environment_policy\.exclude=/u.test(rule.rule)) rule.effect = 'deny';
  return rules;
}

function codexSettings(root: SourceNode, path: string, sink: FindingSink): PermissionRule[] {
  const rules: PermissionRule[] = [];
  const top = plainOf(root);
  if (!isRecord(top)) return rules;
  for (const key of [...SETTINGS, 'shell_environment_policy']) {
    if (Object.hasOwn(top, key)) rules.push(...settingRules(path, [key], top[key], root, path));
  }
  const profiles = top.profiles;
  if (profiles !== undefined && !isRecord(profiles)) {
    rules.push(...flatRules(path, ['profiles'], profiles, (f) => ({ path, line: lineOfField(root, f) })));
  } else if (isRecord(profiles)) {
    for (const [name, profile] of ownEntries(profiles)) {
      if (!isRecord(profile)) {
        rules.push(...settingRules(path, ['profiles', name], profile, root, path));
        continue;
      }
      for (const [key, value] of ownEntries(profile))
        rules.push(...settingRules(path, ['profiles', name, key], value, root, path));
    }
  }
  residualOfNode(sink, path, root, MODELLED_TOP, []);
  return rules;
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
    sink.rules.push(...codexSettings(parsed.root, file.path, sink));
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
