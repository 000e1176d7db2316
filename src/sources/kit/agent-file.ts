// One agent-definition file (Claude Code subagent, command or skill; Copilot agent, chat mode or prompt file) onto
// the shared model. Its text is data plane; its bindings, servers and authority keys are control plane.
import type { SourceFile } from '../../model/source-file.js';
import type { PermissionRule, Prompt } from '../../model/types.js';
import type { FrontMatter } from './front-matter.js';
import { ownEntries, parseFinding, readFrontMatter } from './front-matter.js';
import { toJsonObject } from './json-value.js';
import { valueRules } from './leftover-keys.js';
import { clientRule } from './permission-rule.js';
import { RESIDUAL_CODE, residualRules } from './residual.js';
import { readServerBlock } from './server-block.js';
import type { ParseOptions, SourceModel } from './types.js';
import { readToolList } from './tool-list.js';

export interface AgentFormat {
  /** the adapter id: servers' origin */
  adapterId: string;
  /** `tools` or `allowed-tools` */
  toolsKey: string;
  /** what a file without the tools key grants: every tool (subagents, Copilot agents) or nothing new */
  withoutTools: 'every-tool' | 'nothing-new';
  /**
   * keys of the front matter that only describe (name, description, colours…), from the client's profile plus
   * the base config's `extra`: data plane. A key this format reads as authority is authority all the same.
   */
  inertKeys(extra?: readonly string[]): ReadonlySet<string>;
  /** keys the client documents that carry authority: each is a gated setting `key=value` */
  authorityKeys: readonly string[];
  /** keys holding MCP server blocks */
  serverKeys?: readonly string[];
  /** each tools entry is also a pre-approval (`allowed-tools` of commands and skills) */
  toolsArePreApprovals?: boolean;
  /** authority keys whose rules `extraRules` derives instead of one `key=value` rule */
  derivedKeys?: readonly string[];
  /** extra rules a format derives (a subagent's `disallowedTools`) */
  extraRules?(frontMatter: FrontMatter, scope: string, path: string): PermissionRule[];
}

/** Keys recorded as `key=value` rules because the format cannot tell they are harmless. */
export const UNKNOWN_KEY_CODE = RESIDUAL_CODE;

export function parseAgentFile(
  file: SourceFile,
  id: string,
  format: AgentFormat,
  options: ParseOptions = {},
): SourceModel {
  const model: SourceModel = { servers: [], tools: [], agents: [], permissions: [], findings: [] };
  const read = readFrontMatter(file, id);
  if (!read.ok) {
    model.findings.push(...read.findings);
    return model;
  }
  const { data, body, lineOf } = read.frontMatter;
  const at = (key: string) => ({ path: file.path, line: lineOf([key]) });

  const written = readToolList(data[format.toolsKey]);
  let tools: string[];
  if (written.kind === 'list') tools = written.names;
  else if (written.kind === 'absent') tools = format.withoutTools === 'every-tool' ? ['*'] : [];
  else {
    // the grant cannot be read: hold it as the widest, and say so
    tools = ['*'];
    model.findings.push(
      parseFinding(file.path, lineOf([format.toolsKey]), written.message, id, [format.toolsKey]),
    );
  }
  if (format.toolsArePreApprovals) {
    for (const rule of tools) model.permissions.push(clientRule(id, 'allow', rule, at(format.toolsKey)));
  }

  const serverKeys = new Set(format.serverKeys ?? []);
  const authorityKeys = new Set(format.authorityKeys);
  // a key both inert and read as authority is authority: no profile or config entry can talk a grant down
  const authority = new Set([
    format.toolsKey,
    ...authorityKeys,
    ...serverKeys,
    ...(format.derivedKeys ?? []),
  ]);
  const inert = format.inertKeys(options.inert);
  const isInert = (key: string) => inert.has(key) && !authority.has(key);
  const meta: Record<string, unknown> = {};
  const unread: Record<string, unknown> = {};
  for (const [key, value] of ownEntries(data)) {
    if (key === format.toolsKey) continue;
    // a Claude Code subagent may list server NAMES (declared elsewhere) instead of inline entries
    if (serverKeys.has(key) && !Array.isArray(value)) {
      const block = readServerBlock(key, value, {
        path: file.path,
        origin: format.adapterId,
        subject: id,
        lineOf,
      });
      model.servers.push(...block.servers);
      model.findings.push(...block.findings);
      model.permissions.push(...block.rules);
      continue;
    }
    if (key !== 'model')
      Object.defineProperty(meta, key, { value, enumerable: true, writable: true, configurable: true });
    if (isInert(key) || key === 'model' || format.derivedKeys?.includes(key)) continue;
    // a list (handoffs, skills, server names) is compared member by member: one added member is one rule
    if (authorityKeys.has(key) || serverKeys.has(key))
      model.permissions.push(...valueRules(id, 'allow', key, value, at(key)));
    else Object.defineProperty(unread, key, { value, enumerable: true, writable: true, configurable: true });
  }
  // every key neither data nor modelled authority: the residual (any change to it needs sign-off)
  const residual = residualRules({ path: file.path, scope: id, value: unread, modelled: [], lineOf });
  model.permissions.push(...residual.rules);
  model.findings.push(...residual.findings);
  model.permissions.push(...(format.extraRules?.(read.frontMatter, id, file.path) ?? []));

  const agent: Prompt = {
    id,
    tools,
    text: body,
    meta: toJsonObject(meta),
    source: { path: file.path, line: 1 },
  };
  if (typeof data.model === 'string') agent.model = data.model;
  else if (data.model !== undefined && data.model !== null)
    agent.meta.model = toJsonObject({ model: data.model }).model!;
  model.agents.push(agent);
  return model;
}
