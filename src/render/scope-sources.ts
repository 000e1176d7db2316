// The client-file part of `scope`: agents with what they reach, servers, permission rules. Every repository
// string goes through revealLine (terminal) or cellCode (Markdown).
import type { ChalkInstance } from 'chalk';
import type { ScopeAgent, ScopePermission, SourceScope } from '../core/history/scope-sources.js';
import { RADII } from '../model/types.js';
import { cellCode } from './markdown-escape.js';
import { revealLine } from './reveal.js';
import { colourRadius } from './text.js';

const RADIUS_WIDTH = Math.max(...RADII.map((r) => r.length));
const show = (text: string) => revealLine(text);

export function renderSourceScopeText(view: SourceScope, c: ChalkInstance): string[] {
  const out: string[] = [];
  const label = (radius: (typeof RADII)[number]) =>
    colourRadius(radius, c) + ' '.repeat(RADIUS_WIDTH - radius.length);
  const where = (path: string, line: number) => c.dim(`${show(path)}:${line}`);
  if (view.agents.length > 0) {
    out.push('', c.bold(`agents (${view.agents.length})`));
    for (const agent of view.agents) {
      out.push(`${label(agent.radius)}  ${c.bold(show(agent.id))}  ${where(agent.path, agent.line)}`);
      out.push(`    reaches ${reaches(agent)}`);
    }
  }
  if (view.servers.length > 0) {
    out.push('', c.bold(`servers (${view.servers.length})`));
    for (const server of view.servers) {
      out.push(`${label(server.radius)}  ${c.bold(show(server.name))}  ${where(server.path, server.line)}`);
      const parts = [`${server.transport} ${show(server.target) || '-'}`];
      if (server.credentials.length > 0) parts.push(`credentials ${server.credentials.map(show).join(', ')}`);
      parts.push(`egress ${server.egress.length > 0 ? server.egress.map(show).join(', ') : '-'}`);
      parts.push(
        server.pinnedTools === null ? 'tools unpinned' : `${server.pinnedTools.length} pinned tool(s)`,
      );
      if (!server.enabled) parts.push('disabled');
      out.push(`    ${parts.join(' · ')}`);
    }
  }
  if (view.permissions.length > 0) {
    out.push('', c.bold(`permission rules (${view.permissions.length})`));
    // the file and scope once, over its rules (a gh-aw workflow or a settings file holds dozens)
    for (const group of rulesByFile(view.permissions)) {
      out.push(`  ${c.bold(show(group.scope))}  ${c.dim(show(group.path))}`);
      for (const rule of group.rules)
        out.push(
          `${label(rule.radius)}  ${rule.effect} ${c.bold(show(rule.rule))}  ${c.dim(`line ${rule.line}`)}`,
        );
    }
  }
  return out;
}

/** Rules grouped by scope and file, the group with the highest rule first; the view's order within a group. */
export function rulesByFile(
  rules: readonly ScopePermission[],
): { scope: string; path: string; rules: ScopePermission[] }[] {
  const groups = new Map<string, { scope: string; path: string; rules: ScopePermission[] }>();
  for (const rule of rules) {
    const key = `${rule.scope}\0${rule.path}`;
    const group = groups.get(key) ?? { scope: rule.scope, path: rule.path, rules: [] };
    group.rules.push(rule);
    groups.set(key, group);
  }
  // the view lists rules highest radius first: a group's first rule is its highest, and Map keeps first sightings
  return [...groups.values()];
}

function reaches(agent: ScopeAgent): string {
  if (agent.tools.length === 0) return 'nothing';
  return agent.tools
    .map((tool) => {
      const name = tool.kind === 'unknown' ? `${tool.binding} (unknown)` : tool.binding;
      return `${show(name)} ${tool.radius}`;
    })
    .join(', ');
}

export function renderSourceScopeMarkdown(view: SourceScope): string[] {
  const out: string[] = [];
  const cells = (items: string[]) => (items.length > 0 ? items.map(cellCode).join(' ') : '-');
  if (view.agents.length > 0) {
    out.push('', '### agents', '', '| radius | agent | reaches | file |', '| --- | --- | --- | --- |');
    for (const agent of view.agents) {
      const reached =
        agent.tools.map((tool) => `${cellCode(tool.binding)} ${tool.radius}`).join('<br>') || '-';
      out.push(
        `| **${agent.radius}** | ${cellCode(agent.id)} | ${reached} | ${cellCode(`${agent.path}:${agent.line}`)} |`,
      );
    }
  }
  if (view.servers.length > 0) {
    out.push('', '### servers', '', '| radius | server | transport | credentials | egress | tools | file |');
    out.push('| --- | --- | --- | --- | --- | --- | --- |');
    for (const server of view.servers) {
      const tools = server.pinnedTools === null ? 'unpinned' : String(server.pinnedTools.length);
      out.push(
        `| **${server.radius}** | ${cellCode(server.name)} | ${server.transport} ${cells(server.target === '' ? [] : [server.target])} | ${cells(server.credentials)} | ${cells(server.egress)} | ${tools} | ${cellCode(`${server.path}:${server.line}`)} |`,
      );
    }
  }
  if (view.permissions.length > 0) {
    out.push('', '### permission rules');
    for (const group of rulesByFile(view.permissions)) {
      out.push('', `${cellCode(group.scope)} in ${cellCode(group.path)}`, '');
      out.push('| radius | effect | rule | line |', '| --- | --- | --- | --- |');
      for (const rule of group.rules)
        out.push(`| **${rule.radius}** | ${rule.effect} | ${cellCode(rule.rule)} | ${rule.line} |`);
    }
  }
  return out;
}
