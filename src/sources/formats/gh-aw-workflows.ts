// GitHub Agentic Workflows, `.github/workflows/**/*.md`: markdown whose front matter says what the agent job may
// do. The body is the agent's instructions (data plane); `permissions`, `tools`, `mcp-servers`, `network`,
// `safe-outputs` and every other key that changes how or when the job runs are control plane. A markdown file
// there without front matter is not a workflow and gives nothing.
import type { SourceFile } from '../../model/source-file.js';
import type { Prompt } from '../../model/types.js';
import { agentId } from '../kit/agent-id.js';
import { isRecord, ownEntries, parseFinding, readFrontMatter } from '../kit/front-matter.js';
import { mapRules, networkRules, toolRules } from '../kit/gh-aw-rules.js';
import { toJsonObject } from '../kit/json-value.js';
import { valueRules } from '../kit/permission-rule.js';
import { redacted, residualRules } from '../kit/residual.js';
import { readServerBlock } from '../kit/server-block.js';
import { roleRules, tokenRules } from '../profiles/gh-aw-orders.js';
import type { ParseOptions, SourceAdapter, SourceModel } from '../kit/types.js';
import { GH_AW, inertKeysFor } from '../profiles/index.js';

const HANDLED = new Set(['permissions', 'network', 'safe-outputs', 'roles']);
const AUTHORITY_KEYS = new Set([
  ...[
    'engine',
    'on',
    'if',
    'steps',
    'post-steps',
    'jobs',
    'imports',
    'sandbox',
    'strict',
    'env',
    'runs-on',
    'roles',
  ],
  ...['runtimes', 'features', 'cache', 'secrets', 'concurrency', 'timeout_minutes', 'container', 'services'],
]);

export function parseGhAwWorkflow(file: SourceFile, options: ParseOptions = {}): SourceModel {
  const id = agentId('gh-aw', file.path, '.github', '.md');
  const model: SourceModel = { servers: [], tools: [], agents: [], permissions: [], findings: [] };
  if (!/^\uFEFF?---[ \t]*\r?\n/u.test(file.text)) return model;
  const read = readFrontMatter(file, id);
  if (!read.ok) {
    model.findings.push(...read.findings);
    return model;
  }
  const { data, body, lineOf } = read.frontMatter;
  const at = (...field: (string | number)[]) => ({ path: file.path, line: lineOf(field) });
  const tools = toolRules(id, data.tools, at);
  // gh-aw gives every agent job the GitHub tools unless the workflow turns them off
  const bindings = new Set(data.tools !== undefined && data.tools !== null ? tools.bindings : ['github']);
  model.permissions.push(...tools.rules);
  if (data.tools !== undefined && data.tools !== null && !isRecord(data.tools)) {
    const message = 'must be a mapping of tool names to settings; every tool is assumed';
    model.findings.push(parseFinding(file.path, lineOf(['tools']), message, id, ['tools']));
  }
  const servers = readServerBlock('mcp-servers', data['mcp-servers'], {
    path: file.path,
    origin: 'gh-aw-workflows',
    subject: id,
    lineOf,
  });
  model.servers.push(...servers.servers);
  model.findings.push(...servers.findings);
  model.permissions.push(...servers.rules);
  for (const server of servers.servers) bindings.add(server.name);

  // keys that only describe (the profile's, the base config's): data plane; a key gh-aw reads as authority never is
  const inert = inertKeysFor(GH_AW, {
    frontMatter: true,
    ...(options.inert && { extra: options.inert }),
    authority: [...AUTHORITY_KEYS, ...HANDLED, 'tools', 'mcp-servers'],
  });
  const meta: Record<string, unknown> = {};
  const unread: Record<string, unknown> = {};
  for (const [key, value] of ownEntries(data)) {
    if (key === 'permissions') model.permissions.push(...tokenRules(id, value, at));
    else if (key === 'roles') model.permissions.push(...roleRules(id, value, at));
    else if (key === 'safe-outputs') model.permissions.push(...mapRules(id, key, value, at));
    else if (key === 'network') model.permissions.push(...networkRules(id, value, at));
    if (key === 'tools' || key === 'mcp-servers') continue;
    const modelled = inert.has(key) || HANDLED.has(key) || AUTHORITY_KEYS.has(key);
    // the text diff shows `meta`: a key nobody models is shown there as its rule shows it (secrets by hash)
    const shown = modelled ? value : redacted(key, value);
    Object.defineProperty(meta, key, { value: shown, enumerable: true, writable: true, configurable: true });
    if (inert.has(key) || HANDLED.has(key)) continue;
    // a list of names (`imports`, `runs-on` labels) member by member; a list of steps stays whole, in its order
    if (AUTHORITY_KEYS.has(key)) model.permissions.push(...valueRules(id, 'allow', key, value, at(key)));
    else Object.defineProperty(unread, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const residual = residualRules({
    path: file.path,
    scope: id,
    value: unread,
    modelled: [],
    lineOf,
    subject: 'agent',
  });
  model.permissions.push(...residual.rules);
  model.findings.push(...residual.findings);
  const agent: Prompt = {
    id,
    tools: [...bindings],
    text: body,
    meta: toJsonObject(meta),
    source: { path: file.path, line: 1 },
  };
  model.agents.push(agent);
  return model;
}

export const ghAwWorkflowsAdapter: SourceAdapter = {
  id: 'gh-aw-workflows',
  kind: 'gh-aw',
  role: 'agent',
  defaultPaths: ['.github/workflows/**/*.md'],
  parse: parseGhAwWorkflow,
};
