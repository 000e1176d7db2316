import { describe, expect, it } from 'vitest';
import { evaluateIntent } from '../../../src/core/intent/evaluate-intent.js';
import { resolveAgentScope } from '../../../src/core/intent/agent-scope.js';
import type { Prompt, Registry } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

function prompt(id: string, tools: string[] | undefined, path = `registry/prompts/${id}.md`): Prompt {
  return {
    id,
    text: 'You are an agent.',
    meta: {},
    source: { path, line: 1 },
    ...(tools !== undefined && { tools }),
  } as Prompt;
}

const readTicket = makeTool({ name: 'read_ticket', effect: 'read' });
const refund = makeTool({ name: 'issue_refund', effect: 'irreversible' });
const admin = makeTool({ name: 'admin_delete', effect: 'irreversible' });

function registry(prompts: Prompt[]): Registry {
  return { tools: [readTicket, refund, admin], prompts, findings: [] };
}

const decideAs = (reg: Registry, agent: string, tool: string) => {
  const scope = resolveAgentScope(reg, agent);
  return evaluateIntent(reg, { tool, args: {} }, { agent: scope });
};

describe('--agent: only the tools the agent binds', () => {
  const reg = registry([
    prompt('support/system', ['read_ticket']),
    prompt('billing/system', ['read_ticket', 'issue_refund']),
    prompt('notes', undefined),
  ]);

  it('allows a bound tool and denies an unbound one with tool-not-bound', () => {
    expect(decideAs(reg, 'support/system', 'read_ticket').decision).toBe('allow');
    const denied = decideAs(reg, 'support/system', 'issue_refund');
    expect(denied.decision).toBe('deny');
    expect(denied.reasons.map((r) => r.code)).toEqual(['tool-not-bound']);
    expect(denied.reasons[0]?.path).toBe('/tool');
    expect(decideAs(reg, 'billing/system', 'issue_refund').decision).toBe('allow');
  });

  it('still reports an unknown tool as unknown, not as unbound', () => {
    expect(decideAs(reg, 'support/system', 'nope').reasons.map((r) => r.code)).toEqual(['unknown-tool']);
  });

  it('treats an id no prompt binds tools under as unknown, listing the agents it knows', () => {
    expect(resolveAgentScope(reg, 'ghost')).toEqual({
      kind: 'unknown-agent',
      id: 'ghost',
      known: ['billing/system', 'support/system'],
    });
    // a prompt without tools: is not an agent
    expect(resolveAgentScope(reg, 'notes').kind).toBe('unknown-agent');
    // and an unknown scope never allows anything, should a caller pass it on
    const scope = resolveAgentScope(reg, 'ghost');
    expect(evaluateIntent(reg, { tool: 'read_ticket', args: {} }, { agent: scope }).decision).toBe('deny');
  });

  it('matches the agent id exactly: no case folding, no prefixes', () => {
    expect(resolveAgentScope(reg, 'Support/System').kind).toBe('unknown-agent');
    expect(resolveAgentScope(reg, 'support').kind).toBe('unknown-agent');
  });

  it('lets an agent binding * call every tool', () => {
    const wild = registry([prompt('ops', ['*'])]);
    expect(decideAs(wild, 'ops', 'admin_delete').decision).toBe('allow');
  });

  it('binds nothing when the agent lists no tools', () => {
    const none = registry([prompt('quiet', [])]);
    expect(decideAs(none, 'quiet', 'read_ticket').reasons.map((r) => r.code)).toEqual(['tool-not-bound']);
  });

  it('does not let a binding to a tool that is not in the registry allow anything', () => {
    const stray = registry([prompt('stray', ['read_ticket', 'ghost_tool'])]);
    expect(decideAs(stray, 'stray', 'ghost_tool').reasons.map((r) => r.code)).toEqual(['unknown-tool']);
    expect(decideAs(stray, 'stray', 'admin_delete').decision).toBe('deny');
  });
});
