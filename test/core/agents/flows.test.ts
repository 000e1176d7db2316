import { describe, expect, it } from 'vitest';
import { resolveAgents, WHOLE_REGISTRY_AGENT } from '../../../src/core/agents/agents.js';
import { diffFlows, listFlows, membersOfNewTuples } from '../../../src/core/agents/flows.js';
import { classifyBlastRadius } from '../../../src/core/radius/radius.js';
import type { Prompt, Tool } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const context = {
  radiusOf: (tool: Tool) => classifyBlastRadius(tool).radius,
  internalHosts: ['*.acme.internal'],
};
const contexts = { base: context, head: context };

const readTicket = makeTool({
  name: 'read_ticket',
  effect: 'read',
  untrustedInput: true,
  egress: ['helpdesk.acme.internal'],
});
const lookupOrder = makeTool({ name: 'lookup_order', effect: 'read', dataAccess: 'sensitive' });
const refund = makeTool({ name: 'issue_refund', effect: 'irreversible', egress: ['api.stripe.com'] });
const adminUpdate = makeTool({
  name: 'admin_billing_update',
  effect: 'privileged',
  scopes: ['billing:admin'],
});

function prompt(id: string, tools: string[] | undefined): Prompt {
  return { id, tools, text: '', meta: {}, source: { path: `registry/prompts/${id}.md`, line: 1 } };
}

describe('composition flows', () => {
  it('reports a new untrusted-to-action path when an admin tool joins an agent that reads tickets', () => {
    const base = resolveAgents(
      [readTicket, lookupOrder],
      [prompt('support', ['read_ticket', 'lookup_order'])],
    );
    const head = resolveAgents(
      [readTicket, lookupOrder, adminUpdate],
      [prompt('support', ['read_ticket', 'lookup_order', 'admin_billing_update'])],
    );
    const flows = diffFlows(base, head, contexts);
    expect(flows.added).toEqual([
      {
        kind: 'untrusted-to-action',
        agent: 'support',
        sources: ['read_ticket'],
        sinks: ['admin_billing_update'],
      },
    ]);
    expect(flows.removed).toEqual([]);
  });

  it('reports only the new sink, not the sinks that were already reachable', () => {
    const base = resolveAgents([readTicket, refund], []);
    const head = resolveAgents([readTicket, refund, adminUpdate], []);
    const [flow] = diffFlows(base, head, contexts).added.filter((f) => f.kind === 'untrusted-to-action');
    expect(flow).toEqual({
      kind: 'untrusted-to-action',
      agent: WHOLE_REGISTRY_AGENT,
      sources: ['read_ticket'],
      sinks: ['admin_billing_update'],
    });
  });

  it('reports a lethal trifecta when untrusted input, sensitive data and outside egress meet in one agent', () => {
    const base = resolveAgents([readTicket, lookupOrder], []);
    const head = resolveAgents([readTicket, lookupOrder, refund], []);
    const trifecta = diffFlows(base, head, contexts).added.find((f) => f.kind === 'lethal-trifecta');
    expect(trifecta).toEqual({
      kind: 'lethal-trifecta',
      agent: WHOLE_REGISTRY_AGENT,
      sources: ['lookup_order', 'read_ticket'],
      sinks: ['issue_refund'],
    });
  });

  it('does not count egress to internal hosts as leaving the organisation', () => {
    const internalSink = makeTool({ name: 'post_note', effect: 'write', egress: ['notes.acme.internal'] });
    const flows = listFlows(resolveAgents([readTicket, lookupOrder, internalSink], []), context);
    expect(flows.filter((f) => f.kind === 'lethal-trifecta')).toEqual([]);
  });

  it('reports removed paths when a binding is revoked', () => {
    const base = resolveAgents([readTicket, refund], [prompt('support', ['read_ticket', 'issue_refund'])]);
    const head = resolveAgents([readTicket, refund], [prompt('support', ['read_ticket'])]);
    const flows = diffFlows(base, head, contexts);
    expect(flows.added).toEqual([]);
    expect(flows.removed).toEqual([
      { kind: 'untrusted-to-action', agent: 'support', sources: ['read_ticket'], sinks: ['issue_refund'] },
    ]);
  });

  it('keeps flows per agent: tools bound to different agents never compose', () => {
    const agents = resolveAgents(
      [readTicket, refund],
      [prompt('reader', ['read_ticket']), prompt('refunder', ['issue_refund'])],
    );
    expect(listFlows(agents, context)).toEqual([]);
  });

  it('aggregates thousands of sources and sinks into one entry per agent and kind', () => {
    const sources = Array.from({ length: 5000 }, (_, i) =>
      makeTool({ name: `read_feed_${i}`, effect: 'read', untrustedInput: true }),
    );
    const sinks = Array.from({ length: 5000 }, (_, i) =>
      makeTool({ name: `delete_item_${i}`, effect: 'irreversible' }),
    );
    const flows = diffFlows(new Map(), resolveAgents([...sources, ...sinks], []), contexts).added;
    expect(flows).toHaveLength(1);
    expect(flows[0]?.sources).toHaveLength(5000);
    expect(flows[0]?.sinks).toHaveLength(5000);
  });
});

describe('membersOfNewTuples', () => {
  const set = (...names: string[]) => new Set(names);
  it('finds no new tuple when nothing changed', () => {
    expect(membersOfNewTuples([set('a'), set('x')], [set('a'), set('x')])).toEqual([set(), set()]);
  });
  it('pairs every old source with a new sink', () => {
    expect(membersOfNewTuples([set('a', 'b'), set('x', 'y')], [set('a', 'b'), set('x')])).toEqual([
      set('a', 'b'),
      set('y'),
    ]);
  });
  it('finds no tuple while one role is empty', () => {
    expect(membersOfNewTuples([set('a'), set()], [set(), set()])).toEqual([set(), set()]);
  });
  it('agrees with brute-force enumeration of tuples', () => {
    const universe = ['a', 'b', 'c', 'd'];
    for (let mask = 0; mask < 256; mask += 7) {
      const pick = (bits: number) => new Set(universe.filter((_, i) => bits & (1 << i)));
      const now = [pick(mask & 15), pick(mask >> 4)];
      const was = [pick((mask * 3) & 15), pick(((mask * 5) >> 4) & 15)];
      const expected = [new Set<string>(), new Set<string>()];
      for (const x of now[0]!)
        for (const y of now[1]!) {
          if (!(was[0]!.has(x) && was[1]!.has(y))) {
            expected[0]!.add(x);
            expected[1]!.add(y);
          }
        }
      expect(membersOfNewTuples(now, was)).toEqual(expected);
    }
  });
});
