import { describe, expect, it } from 'vitest';
import { buildScopeView } from '../../../src/core/history/scope.js';
import { parseConfig } from '../../../src/core/plane/config.js';
import type { Prompt } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const config = parseConfig(null, 'agentgate.yaml').config;
const readers = Array.from({ length: 12 }, (_, i) =>
  makeTool({ name: `read_thing_${String(i).padStart(2, '0')}`, effect: 'read', scopes: [`things:read`] }),
);
const admin = makeTool({ name: 'zz_quiet_admin', effect: 'write', scopes: ['billing:admin'] });
const ticket = makeTool({
  name: 'read_ticket',
  effect: 'read',
  scopes: ['tickets:read'],
  untrustedInput: true,
});
const agent = (id: string, tools: string[]): Prompt => ({
  id,
  tools,
  text: '',
  meta: {},
  source: { path: `registry/prompts/${id}.md`, line: 1 },
});

describe('buildScopeView', () => {
  it('puts the quiet thirteenth tool first: highest radius, then name', () => {
    const view = buildScopeView({
      ref: { ref: 'HEAD', sha: null },
      registry: { tools: [...readers, admin], prompts: [], findings: [] },
      config,
    });
    expect(view.tools[0]).toMatchObject({ name: 'zz_quiet_admin', radius: 'privileged', effect: 'write' });
    expect(view.tools.slice(1).map((t) => t.name)).toEqual(readers.map((t) => t.name));
    expect(view.counts).toEqual({ none: 0, read: 12, write: 0, irreversible: 0, privileged: 1 });
  });

  it('lists the agents bound to each tool and the dangerous paths it takes part in', () => {
    const prompts = [
      agent('support', ['read_ticket', 'zz_quiet_admin']),
      agent('reports', ['read_thing_00']),
    ];
    const view = buildScopeView({
      ref: { ref: 'HEAD', sha: null },
      registry: { tools: [...readers, admin, ticket], prompts, findings: [] },
      config,
    });
    const byName = new Map(view.tools.map((t) => [t.name, t]));
    expect(byName.get('zz_quiet_admin')).toMatchObject({
      agents: ['support'],
      flows: [{ kind: 'untrusted-to-action', agent: 'support', role: 'sink' }],
    });
    expect(byName.get('read_ticket')?.flows).toEqual([
      { kind: 'untrusted-to-action', agent: 'support', role: 'source' },
    ]);
    expect(byName.get('read_thing_00')).toMatchObject({ agents: ['reports'], flows: [] });
    expect(byName.get('read_thing_01')?.agents).toEqual([]);
    expect(view.flows).toEqual([
      { kind: 'untrusted-to-action', agent: 'support', sources: ['read_ticket'], sinks: ['zz_quiet_admin'] },
    ]);
  });

  it('attaches the last change when history is known', () => {
    const last = {
      sha: 'a'.repeat(40),
      date: '2024-01-01T00:00:00Z',
      author: 'Alice',
      subject: 'add admin',
      change: 'added' as const,
    };
    const view = buildScopeView({
      ref: { ref: 'HEAD', sha: null },
      registry: { tools: [admin, ticket], prompts: [], findings: [] },
      config,
      lastChanges: new Map([['zz_quiet_admin', last]]),
    });
    expect(view.tools.map((t) => t.lastChange)).toEqual([last, null]);
  });
});
