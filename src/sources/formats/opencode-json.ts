// OpenCode's `opencode.json(c)`: `mcp` maps names to `{type: local, command: [program, ...args], environment}` or
// `{type: remote, url, headers}`; `enabled: false` switches one off. Beside the servers: `permission` (deny < ask <
// allow per operation, per command pattern for bash; compared by rank, an absent one is allow), `agent` (agents
// with their own tools and permission), `plugin` (packages loaded as code) and `tools` (on or off). Every other
// key is the residual.
import type { FieldPath } from '../../parse/yaml.js';
import type { PermissionRule, Server } from '../../model/types.js';
import type { FindingSink } from '../kit/findings.js';
import { isRecord, ownEntries } from '../kit/front-matter.js';
import { sourceAt } from '../kit/node-rules.js';
import { settingRule } from '../kit/permission-rule.js';
import { plainOf, residualOfNode } from '../kit/residual.js';
import { readEnabled } from '../kit/server-entry.js';
import { parseJsonModel, readServerMap } from '../kit/source-model.js';
import type { ObjectNode } from '../kit/tree.js';
import { member } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';
import { OPENCODE, UNIVERSAL_INERT } from '../profiles/index.js';
import type { SourceAt } from '../profiles/setting-rules.js';
import { flatRules, orderedRule } from '../profiles/setting-rules.js';

const ID = 'opencode-json';
const MODELLED_TOP = ['mcp', 'permission', 'agent', 'plugin', 'tools'];

/** `permission` as ranked rules: `permission.edit=ask`, `permission.bash.git push=ask`; a bare value is `.*`. */
function permissionRules(scope: string, field: FieldPath, value: unknown, at: SourceAt): PermissionRule[] {
  const order = OPENCODE.ordered.permission!;
  if (!isRecord(value)) {
    const setting = `${field.join('.')}.*`;
    return [orderedRule(scope, field, value, order, at(field), setting)];
  }
  return ownEntries(value).flatMap(([key, inner]) =>
    isRecord(inner)
      ? permissionRules(scope, [...field, key], inner, at)
      : [orderedRule(scope, [...field, key], inner, order, at([...field, key]))],
  );
}

/** `tools`: a tool switched off is a deny rule (it narrows), one switched on an allow rule. */
function toolSwitches(scope: string, field: FieldPath, value: unknown, at: SourceAt): PermissionRule[] {
  if (!isRecord(value)) return flatRules(scope, field, value, at);
  return ownEntries(value).map(([tool, on]) =>
    settingRule(scope, on === false ? 'deny' : 'allow', [...field, tool].join('.'), on, at([...field, tool])),
  );
}

function agentRules(scope: string, agents: unknown, at: SourceAt): PermissionRule[] {
  if (!isRecord(agents)) return flatRules(scope, ['agent'], agents, at);
  const rules: PermissionRule[] = [];
  for (const [name, agent] of ownEntries(agents)) {
    if (!isRecord(agent)) {
      rules.push(...flatRules(scope, ['agent', name], agent, at));
      continue;
    }
    for (const [key, value] of ownEntries(agent)) {
      const field = ['agent', name, key];
      if (UNIVERSAL_INERT.includes(key)) continue;
      if (key === 'permission') rules.push(...permissionRules(scope, field, value, at));
      else if (key === 'tools') rules.push(...toolSwitches(scope, field, value, at));
      else rules.push(...flatRules(scope, field, value, at));
    }
  }
  return rules;
}

function settings(root: ObjectNode, sink: FindingSink): PermissionRule[] {
  const path = sink.file.path;
  const top = plainOf(root);
  if (!isRecord(top)) return [];
  const at = sourceAt(root, path);
  const rules: PermissionRule[] = [];
  if (Object.hasOwn(top, 'permission'))
    rules.push(...permissionRules(path, ['permission'], top.permission, at));
  if (Object.hasOwn(top, 'tools')) rules.push(...toolSwitches(path, ['tools'], top.tools, at));
  if (Object.hasOwn(top, 'agent')) rules.push(...agentRules(path, top.agent, at));
  if (Object.hasOwn(top, 'plugin')) rules.push(...flatRules(path, ['plugin'], top.plugin, at));
  residualOfNode(sink, path, root, MODELLED_TOP, []);
  return rules;
}

function readServers(root: ObjectNode, sink: FindingSink): Server[] {
  sink.rules.push(...settings(root, sink));
  const mcp = member(root, 'mcp');
  if (!mcp) return [];
  const servers = readServerMap(
    ID,
    mcp.value,
    mcp.line,
    ['mcp'],
    { envKey: 'environment', commandArray: true, urlType: 'http', modelledKeys: ['enabled'] },
    sink,
  );
  for (const server of servers) {
    const entry = member(mcp.value, server.name)?.value;
    const enabled = entry ? readEnabled(entry) : undefined;
    if (enabled !== undefined) server.enabled = enabled;
  }
  return servers;
}

export const opencodeJsonAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-config',
  defaultPaths: ['opencode.json', 'opencode.jsonc', '**/opencode.json', '**/opencode.jsonc'],
  parse: (file) => parseJsonModel(file, { jsonc: true }, readServers),
};
