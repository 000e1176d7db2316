import { describe, expect, it } from 'vitest';
import { diffToolRegistry } from '../../../src/core/diff/diff-tools.js';
import type { FieldChange, Tool, ToolChange } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const refund = makeTool({
  name: 'issue_refund',
  effect: 'irreversible',
  scopes: ['billing:refund'],
  credentials: [{ name: 'STRIPE_SECRET_KEY', scopes: ['refunds:write'] }],
  egress: ['api.stripe.com'],
  rateLimit: { calls: 10, per: '1m' },
  approval: 'human',
  source: { path: 'registry/tools/refund.yaml', line: 3 },
});

function only(changes: ToolChange[]): ToolChange {
  expect(changes).toHaveLength(1);
  return changes[0] as ToolChange;
}

function fieldOf(change: ToolChange, field: string): FieldChange | undefined {
  return change.changes.find((item) => item.field === field);
}

function modify(patch: Partial<Tool>, before: Tool = refund): ToolChange {
  return only(diffToolRegistry([before], [{ ...before, ...patch }], {}));
}

describe('diffToolRegistry: tool-level changes', () => {
  it('lists nothing for identical registries', () => {
    expect(diffToolRegistry([refund], [refund], {})).toEqual([]);
  });

  it('ignores source: a moved file with the same tool is unchanged', () => {
    const moved = { ...refund, source: { path: 'registry/tools/billing/refund.yaml', line: 9 } };
    expect(diffToolRegistry([refund], [moved], {})).toEqual([]);
  });

  it('ignores the order of scopes, egress and credentials', () => {
    const a = makeTool({
      name: 't',
      effect: 'read',
      scopes: ['a:read', 'b:read'],
      egress: ['x.com', 'y.com'],
    });
    const b = { ...a, scopes: ['b:read', 'a:read'], egress: ['y.com', 'x.com'] };
    expect(diffToolRegistry([a], [b], {})).toEqual([]);
  });

  it('reports an added tool with its head source and escalation above none', () => {
    const change = only(diffToolRegistry([], [refund], {}));
    expect(change).toMatchObject({
      name: 'issue_refund',
      change: 'added',
      radiusBefore: null,
      radiusAfter: 'irreversible',
      escalation: true,
      narrowing: false,
      path: 'registry/tools/refund.yaml',
      line: 3,
    });
  });

  it('does not call an added no-op tool an escalation', () => {
    const noop = makeTool({ name: 'ping', effect: 'none' });
    expect(only(diffToolRegistry([], [noop], {})).escalation).toBe(false);
  });

  it('reports a removed tool from its base source, as narrowing', () => {
    const change = only(diffToolRegistry([refund], [], {}));
    expect(change).toMatchObject({
      change: 'removed',
      radiusBefore: 'irreversible',
      radiusAfter: null,
      escalation: false,
      narrowing: true,
      path: 'registry/tools/refund.yaml',
    });
  });

  it('reports same content under a new name as renamed', () => {
    const moved = { ...refund, name: 'refund_payment', source: { path: 'registry/tools/r.yaml', line: 1 } };
    const change = only(diffToolRegistry([refund], [moved], {}));
    expect(change).toMatchObject({
      name: 'refund_payment',
      change: 'renamed',
      oldName: 'issue_refund',
      escalation: false,
      narrowing: false,
      path: 'registry/tools/r.yaml',
    });
  });

  it('counts a rename whose new leading verb raises the radius as an escalation', () => {
    const lister = makeTool({ name: 'list_users', effect: 'read' });
    const change = only(diffToolRegistry([lister], [{ ...lister, name: 'delete_users' }], {}));
    expect(change).toMatchObject({ change: 'renamed', radiusBefore: 'read', radiusAfter: 'irreversible' });
    expect(change.escalation).toBe(true);
    expect(change.changes).toEqual([
      { field: 'name', kind: 'widened', before: 'list_users', after: 'delete_users' },
    ]);
  });

  it('reports a rename to a milder verb as changed, never narrowed (a name is a claim)', () => {
    const deleter = makeTool({ name: 'delete_users', effect: 'read' });
    const change = only(diffToolRegistry([deleter], [{ ...deleter, name: 'list_users' }], {}));
    expect(change).toMatchObject({ radiusBefore: 'irreversible', radiusAfter: 'read', narrowing: false });
    expect(change.changes).toEqual([
      { field: 'name', kind: 'changed', before: 'delete_users', after: 'list_users' },
    ]);
  });

  it('pairs each base tool with at most one renamed head tool, deterministically by name', () => {
    const base = [makeTool({ name: 'a_old', effect: 'read' })];
    const head = [makeTool({ name: 'b_new', effect: 'read' }), makeTool({ name: 'c_new', effect: 'read' })];
    const changes = diffToolRegistry(base, head, {});
    expect(changes.map((change) => [change.name, change.change, change.oldName])).toEqual([
      ['b_new', 'renamed', 'a_old'],
      ['c_new', 'added', undefined],
    ]);
    expect(diffToolRegistry(base, [...head].reverse(), {})).toEqual(changes);
  });

  it('does not call a content change plus a new name a rename', () => {
    const other = { ...refund, name: 'refund_payment', approval: 'none' as const };
    const kinds = diffToolRegistry([refund], [other], {}).map((change) => change.change);
    expect(kinds).toEqual(['removed', 'added']);
  });

  it('sorts the output by name', () => {
    const base = [makeTool({ name: 'zeta' }), makeTool({ name: 'alpha' })];
    const names = diffToolRegistry(base, [makeTool({ name: 'mid', effect: 'write' })], {}).map((c) => c.name);
    expect(names).toEqual(['alpha', 'mid', 'zeta']);
  });

  it('computes radius with the configured action overrides', () => {
    const tool = makeTool({ name: 'warm', effect: 'read', scopes: ['cache:warm'] });
    expect(only(diffToolRegistry([], [tool], {})).radiusAfter).toBe('write');
    expect(only(diffToolRegistry([], [tool], { actions: { warm: 'read' } })).radiusAfter).toBe('read');
  });
});

describe('diffToolRegistry: modified tools', () => {
  it('reports a widened scope set and an escalation', () => {
    const change = modify({ scopes: ['billing:*'] });
    expect(fieldOf(change, 'scopes')).toEqual({
      field: 'scopes',
      kind: 'widened',
      added: ['billing:*'],
      removed: ['billing:refund'],
    });
    expect(change).toMatchObject({
      radiusBefore: 'irreversible',
      radiusAfter: 'privileged',
      escalation: true,
    });
  });

  it('reports an added credential as widened and a removed one as narrowed', () => {
    const extra = { name: 'ADMIN_TOKEN', scopes: ['org:read'] };
    const added = modify({ credentials: [...refund.credentials, extra] });
    expect(fieldOf(added, 'credentials')).toMatchObject({
      kind: 'widened',
      added: ['ADMIN_TOKEN'],
      removed: [],
    });
    const removed = modify({ credentials: [] });
    expect(fieldOf(removed, 'credentials')).toMatchObject({
      kind: 'narrowed',
      removed: ['STRIPE_SECRET_KEY'],
    });
    expect(removed.narrowing).toBe(true);
  });

  it("compares a kept credential's scopes under credentials.<NAME>.scopes", () => {
    const change = modify({ credentials: [{ name: 'STRIPE_SECRET_KEY', scopes: ['refunds:*'] }] });
    expect(fieldOf(change, 'credentials.STRIPE_SECRET_KEY.scopes')).toMatchObject({ kind: 'widened' });
  });

  it('compares egress by host containment', () => {
    expect(fieldOf(modify({ egress: ['*.stripe.com'] }), 'egress')?.kind).toBe('widened');
    expect(fieldOf(modify({ egress: [] }), 'egress')?.kind).toBe('narrowed');
  });

  it.each([
    [{ calls: 100, per: '1m' }, 'widened'],
    [{ calls: 1, per: '1s' }, 'widened'],
    [{ calls: 5, per: '1m' }, 'narrowed'],
    [{ calls: 10, per: '1h' }, 'narrowed'],
    [{ calls: 600, per: '1h' }, 'changed'],
    [{ calls: 10, per: 'minute' }, 'changed'],
    [{ calls: 10, per: '60s' }, 'changed'],
    [{ calls: 240, per: '1d' }, 'narrowed'],
    [{ calls: 10, per: 'fortnight' }, 'widened'],
  ] as const)('compares rate limit 10/1m -> %o as %s', (after, kind) => {
    expect(fieldOf(modify({ rateLimit: after }), 'rateLimit')?.kind).toBe(kind);
  });

  it('widens when a rate limit is removed and narrows when one is added', () => {
    expect(fieldOf(modify({ rateLimit: undefined }), 'rateLimit')).toMatchObject({
      kind: 'widened',
      before: { calls: 10, per: '1m' },
      after: null,
    });
    const unlimited = { ...refund, rateLimit: undefined };
    expect(fieldOf(modify({ rateLimit: { calls: 1, per: '1s' } }, unlimited), 'rateLimit')?.kind).toBe(
      'narrowed',
    );
  });

  it('widens when approval goes from human to none', () => {
    expect(fieldOf(modify({ approval: 'none' }), 'approval')).toEqual({
      field: 'approval',
      kind: 'widened',
      before: 'human',
      after: 'none',
    });
    const unattended = { ...refund, approval: 'none' as const };
    expect(fieldOf(modify({ approval: 'human' }, unattended), 'approval')?.kind).toBe('narrowed');
  });

  it('widens when dataAccess rises; lowering the declaration is changed, never narrowed (SPEC 5)', () => {
    expect(fieldOf(modify({ dataAccess: 'sensitive' }), 'dataAccess')?.kind).toBe('widened');
    const sensitive = { ...refund, dataAccess: 'sensitive' as const };
    const lowered = modify({ dataAccess: 'internal' }, sensitive);
    expect(fieldOf(lowered, 'dataAccess')?.kind).toBe('changed');
    expect(lowered.narrowing).toBe(false);
  });

  it('reports untrustedInput true -> false as changed, never narrowed', () => {
    const untrusted = { ...refund, untrustedInput: true };
    const lowered = modify({ untrustedInput: false }, untrusted);
    expect(fieldOf(lowered, 'untrustedInput')).toMatchObject({ kind: 'changed', before: true, after: false });
    expect(lowered.narrowing).toBe(false);
  });

  it('widens when untrustedInput becomes true', () => {
    expect(fieldOf(modify({ untrustedInput: true }), 'untrustedInput')).toMatchObject({
      kind: 'widened',
      before: false,
      after: true,
    });
  });

  it('reports inputSchema widening with its details', () => {
    const before = { ...refund, inputSchema: { type: 'object', properties: { env: { enum: ['staging'] } } } };
    const after = { inputSchema: { type: 'object', properties: { env: { enum: ['staging', 'prod'] } } } };
    expect(fieldOf(modify(after, before), 'inputSchema')).toEqual({
      field: 'inputSchema',
      kind: 'widened',
      details: ['properties.env.enum gained "prod"'],
    });
  });

  it('widens when the declared effect rises, reading a missing effect as irreversible', () => {
    expect(fieldOf(modify({ effect: 'privileged' }), 'effect')?.kind).toBe('widened');
    // lowering a declared effect is a claim, not a revocation (SPEC 5)
    expect(fieldOf(modify({ effect: 'write' }), 'effect')?.kind).toBe('changed');
    expect(modify({ effect: 'none' }).narrowing).toBe(false);
    expect(fieldOf(modify({ effect: undefined }), 'effect')).toMatchObject({ kind: 'changed', after: null });
  });

  it('compares annotations hint by hint: riskier widens, a milder claim is changed', () => {
    const readOnly = { ...refund, annotations: { readOnlyHint: true } };
    expect(fieldOf(modify({ annotations: { readOnlyHint: false } }, readOnly), 'annotations')?.kind).toBe(
      'widened',
    );
    expect(fieldOf(modify({ annotations: undefined }, readOnly), 'annotations')?.kind).toBe('widened');
    expect(fieldOf(modify({ annotations: { readOnlyHint: true } }), 'annotations')?.kind).toBe('changed');
    const titled = { annotations: { readOnlyHint: true, title: 'Refund' } };
    expect(fieldOf(modify(titled, readOnly), 'annotations')?.kind).toBe('changed');
  });

  it('widens when a protected target is removed and narrows when one is added', () => {
    const guarded = { ...refund, policy: { protectedTargets: ['prod-*'] } };
    expect(
      fieldOf(modify({ policy: { protectedTargets: [] } }, guarded), 'policy.protectedTargets'),
    ).toMatchObject({
      kind: 'widened',
      removed: ['prod-*'],
    });
    const more = { policy: { protectedTargets: ['prod-*', 'live-*'] } };
    expect(fieldOf(modify(more, guarded), 'policy.protectedTargets')).toMatchObject({
      kind: 'narrowed',
      added: ['live-*'],
    });
  });

  it('widens on any change of policy.targetField', () => {
    const guarded = { ...refund, policy: { targetField: 'db_instance_id' } };
    expect(
      fieldOf(modify({ policy: { targetField: 'instance' } }, guarded), 'policy.targetField'),
    ).toMatchObject({
      kind: 'widened',
      before: 'db_instance_id',
      after: 'instance',
    });
  });

  it('widens when requireChangeRequest goes from true to false, treating absent as false', () => {
    const guarded = { ...refund, policy: { requireChangeRequest: true } };
    const off = modify({ policy: { requireChangeRequest: false } }, guarded);
    expect(fieldOf(off, 'policy.requireChangeRequest')?.kind).toBe('widened');
    expect(fieldOf(modify({ policy: {} }, guarded), 'policy.requireChangeRequest')?.kind).toBe('widened');
    expect(
      fieldOf(modify({ policy: { requireChangeRequest: true } }), 'policy.requireChangeRequest')?.kind,
    ).toBe('narrowed');
  });

  it('widens on any transport change (a different server binary)', () => {
    const server = { ...refund, transport: { command: 'npx', args: ['server@1'] } };
    expect(
      fieldOf(modify({ transport: { command: 'npx', args: ['server@2'] } }, server), 'transport')?.kind,
    ).toBe('widened');
  });

  it('reports description and owner changes as changed, with before and after', () => {
    const change = modify({ description: 'Refund a payment.', owner: '@acme/finance' });
    expect(fieldOf(change, 'description')).toEqual({
      field: 'description',
      kind: 'changed',
      before: null,
      after: 'Refund a payment.',
    });
    expect(fieldOf(change, 'owner')?.kind).toBe('changed');
    expect(change.narrowing).toBe(false);
    expect(change.escalation).toBe(false);
  });

  it('marks a modified tool narrowing only when every field change narrowed', () => {
    expect(modify({ egress: [], approval: 'human', rateLimit: { calls: 1, per: '1m' } }).narrowing).toBe(
      true,
    );
    expect(modify({ egress: [], description: 'x' }).narrowing).toBe(false);
  });

  it('still lists a modified tool whose only difference has no meaning of its own', () => {
    const change = modify({ policy: { requireChangeRequest: false } });
    expect(change.changes).toEqual([
      { field: 'policy', kind: 'changed', before: null, after: { requireChangeRequest: false } },
    ]);
  });
});
