import { describe, expect, it } from 'vitest';
import {
  callsPerSecond,
  compareToolFields,
  parsePeriodSeconds,
} from '../../../../src/core/diff/fields/tool-field-changes.js';
import type { Tool } from '../../../../src/model/types.js';
import { makeTool } from '../../../helpers/make-tool.js';

describe('parsePeriodSeconds', () => {
  it.each([
    ['1s', 1],
    ['30s', 30],
    ['1m', 60],
    ['5m', 300],
    ['1h', 3600],
    ['1d', 86_400],
    ['second', 1],
    ['minute', 60],
    ['hour', 3600],
    ['day', 86_400],
    ['2 hours', 7200],
    ['1M', 60],
  ])('reads %s as %d seconds', (per, seconds) => {
    expect(parsePeriodSeconds(per)).toBe(seconds);
  });

  it.each(['', 'fortnight', '0s', '-1m', '1 m s'])('cannot read %j', (per) => {
    expect(parsePeriodSeconds(per)).toBeUndefined();
  });

  it('gives calls per second', () => {
    expect(callsPerSecond({ calls: 120, per: '1m' })).toBe(2);
    expect(callsPerSecond({ calls: 1, per: 'week' })).toBeUndefined();
  });
});

describe('compareToolFields', () => {
  it('reports nothing for the same tool', () => {
    const tool = makeTool({ name: 't', effect: 'read', scopes: ['a:read'] });
    expect(compareToolFields(tool, { ...tool })).toEqual([]);
  });

  it('widens on a change to a field it does not model (fails closed)', () => {
    const tool = makeTool({ name: 't', effect: 'read' });
    const future = { ...tool, sandbox: 'none' } as Tool;
    expect(compareToolFields(tool, future)).toEqual([
      { field: 'sandbox', kind: 'widened', before: null, after: 'none' },
    ]);
  });

  it('reports credential changes as widened when any name is new, even if another went', () => {
    const before = makeTool({ credentials: [{ name: 'OLD', scopes: [] }] });
    const after = makeTool({ credentials: [{ name: 'NEW', scopes: [] }] });
    expect(compareToolFields(before, after)).toEqual([
      { field: 'credentials', kind: 'widened', added: ['NEW'], removed: ['OLD'] },
    ]);
  });

  it('reports the server field as changed', () => {
    expect(compareToolFields(makeTool({ server: 'a' }), makeTool({ server: 'b' }))).toEqual([
      { field: 'server', kind: 'changed', before: 'a', after: 'b' },
    ]);
  });

  it('never narrows a field a manifest only declares about itself (declaration laundering)', () => {
    const loud = makeTool({
      effect: 'privileged',
      dataAccess: 'sensitive',
      untrustedInput: true,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
    });
    const quiet = makeTool({
      effect: 'read',
      dataAccess: 'none',
      untrustedInput: false,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    });
    const changes = compareToolFields(loud, quiet);
    expect(changes.map((change) => [change.field, change.kind])).toEqual([
      ['dataAccess', 'changed'],
      ['untrustedInput', 'changed'],
      ['effect', 'changed'],
      ['annotations', 'changed'],
    ]);
    expect(compareToolFields(quiet, loud).every((change) => change.kind === 'widened')).toBe(true);
  });

  it.each([
    ['readOnlyHint', false, true, 'changed'],
    ['readOnlyHint', true, false, 'widened'],
    ['destructiveHint', true, false, 'changed'],
    ['destructiveHint', false, true, 'widened'],
    ['idempotentHint', false, true, 'changed'],
    ['idempotentHint', true, false, 'widened'],
    ['openWorldHint', true, false, 'changed'],
    ['openWorldHint', false, true, 'widened'],
  ])('reads %s %s -> %s as %s', (hint, before, after, kind) => {
    const tool = (value: boolean) => makeTool({ effect: 'write', annotations: { [hint]: value } });
    expect(compareToolFields(tool(before as boolean), tool(after as boolean))).toMatchObject([
      { field: 'annotations', kind },
    ]);
  });

  it('reads absent hints with MCP defaults: dropping a milder claim widens, adding one is changed', () => {
    const bare = makeTool({ effect: 'write' });
    const mild = makeTool({ effect: 'write', annotations: { openWorldHint: false } });
    expect(compareToolFields(mild, bare)).toMatchObject([{ field: 'annotations', kind: 'widened' }]);
    expect(compareToolFields(bare, mild)).toMatchObject([{ field: 'annotations', kind: 'changed' }]);
  });

  it('widens when a hint holds something that is not a boolean (fails closed)', () => {
    const odd = makeTool({ annotations: { readOnlyHint: 'yes' as unknown as boolean } });
    expect(compareToolFields(makeTool({ annotations: {} }), odd)).toMatchObject([
      { field: 'annotations', kind: 'widened' },
    ]);
  });

  it('reads an added effect below the assumed irreversible as changed, a removed low effect as widened', () => {
    expect(compareToolFields(makeTool(), makeTool({ effect: 'read' }))).toMatchObject([
      { field: 'effect', kind: 'changed' },
    ]);
    expect(compareToolFields(makeTool({ effect: 'read' }), makeTool())).toMatchObject([
      { field: 'effect', kind: 'widened' },
    ]);
  });
});
