import { describe, expect, it } from 'vitest';
import { evaluateIntent } from '../../../src/core/intent/evaluate-intent.js';
import type { Registry } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

const deleteDb = makeTool({
  name: 'delete_db_instance',
  effect: 'irreversible',
  scopes: ['db:delete'],
  inputSchema: {
    type: 'object',
    properties: { db_instance_id: { type: 'string', minLength: 1 }, skip_snapshot: { type: 'boolean' } },
    required: ['db_instance_id'],
    additionalProperties: false,
  },
  policy: { protectedTargets: ['prod-*'], targetField: 'db_instance_id', requireChangeRequest: true },
});

const readFile = makeTool({
  name: 'fs.read_file',
  server: 'fs',
  annotations: { readOnlyHint: true },
  inputSchema: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  policy: { protectedTargets: ['/data/prod/**'], targetField: 'path' },
});

const issueRefund = makeTool({
  name: 'issue_refund',
  effect: 'irreversible',
  approval: 'human',
  inputSchema: {
    type: 'object',
    properties: { amount: { type: 'number', maximum: 500 } },
    required: ['amount'],
  },
});

const registry: Registry = { tools: [deleteDb, readFile, issueRefund], prompts: [], findings: [] };
const codes = (intent: unknown): string[] => evaluateIntent(registry, intent).reasons.map((r) => r.code);

describe('evaluateIntent: the seed incident', () => {
  it('denies deleting the production database as a protected target', () => {
    const decision = evaluateIntent(registry, {
      tool: 'delete_db_instance',
      args: { db_instance_id: 'prod-database-main' },
      reason: 'clean up unused instance',
      changeRequest: 'CHG-1234',
    });
    expect(decision.decision).toBe('deny');
    expect(decision.tool).toBe('delete_db_instance');
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: 'protected-target', path: '/args/db_instance_id' }),
    ]);
    expect(decision.reasons[0]?.message).toContain('prod-database-main');
    expect(decision.radius).toBe('irreversible');
  });

  it('allows deleting a staging instance with a change request', () => {
    const decision = evaluateIntent(registry, {
      tool: 'delete_db_instance',
      args: { db_instance_id: 'staging-old' },
      changeRequest: 'CHG-1234',
    });
    expect(decision).toEqual({
      decision: 'allow',
      tool: 'delete_db_instance',
      reasons: [],
      radius: 'irreversible',
    });
  });
});

describe('evaluateIntent: each check', () => {
  it('denies a tool that is not in the registry', () => {
    const decision = evaluateIntent(registry, { tool: 'drop_everything', args: {} });
    expect(decision.decision).toBe('deny');
    expect(decision.reasons.map((r) => r.code)).toEqual(['unknown-tool']);
    expect(decision.radius).toBeUndefined();
  });

  it('denies an intent that is not an intent, naming the field', () => {
    const decision = evaluateIntent(registry, { tool: 'delete_db_instance', args: 'x', extra: 1 });
    expect(decision.decision).toBe('deny');
    const invalid = decision.reasons.filter((r) => r.code === 'invalid-intent');
    expect(invalid.map((r) => r.path)).toEqual(['/args', '/extra']);
    expect(evaluateIntent(registry, 42).reasons.map((r) => r.code)).toEqual(['invalid-intent']);
    expect(evaluateIntent(registry, null).tool).toBe('');
  });

  it('denies arguments that break the inputSchema, with the instance path', () => {
    const decision = evaluateIntent(registry, {
      tool: 'delete_db_instance',
      args: { skip_snapshot: 'yes', force: true },
      changeRequest: 'CHG-1',
    });
    expect(decision.decision).toBe('deny');
    expect(decision.reasons.map((r) => [r.code, r.path])).toEqual([
      ['invalid-args', '/args/db_instance_id'],
      ['invalid-args', '/args/force'],
      ['invalid-args', '/args/skip_snapshot'],
    ]);
    expect(decision.reasons[2]?.message).toMatch(
      /skip_snapshot must be boolean \(schema #\/properties\/skip_snapshot\/type\)/,
    );
  });

  it('treats missing args as an empty object', () => {
    expect(codes({ tool: 'fs.read_file' })).toEqual(['invalid-args']);
  });

  it('requires a well-formed change request when the policy says so', () => {
    expect(codes({ tool: 'delete_db_instance', args: { db_instance_id: 'staging-old' } })).toEqual([
      'change-request-missing',
    ]);
    expect(
      codes({ tool: 'delete_db_instance', args: { db_instance_id: 'staging-old' }, changeRequest: 'please' }),
    ).toEqual(['change-request-malformed']);
    const custom = evaluateIntent(
      registry,
      { tool: 'delete_db_instance', args: { db_instance_id: 'staging-old' }, changeRequest: 'jira#12' },
      { changeRequestPattern: /^jira#\d+$/g },
    );
    expect(custom.decision).toBe('allow');
  });

  it('asks for approval when the tool requires a human, and deny wins over approval', () => {
    const ok = evaluateIntent(registry, { tool: 'issue_refund', args: { amount: 20 } });
    expect(ok.decision).toBe('needs-approval');
    expect(ok.reasons.map((r) => r.code)).toEqual(['approval-required']);
    const tooMuch = evaluateIntent(registry, { tool: 'issue_refund', args: { amount: 5000 } });
    expect(tooMuch.decision).toBe('deny');
    expect(tooMuch.reasons.map((r) => r.code)).toEqual(['invalid-args', 'approval-required']);
  });

  it('collects every reason in a fixed order', () => {
    const decision = evaluateIntent(registry, {
      tool: 'delete_db_instance',
      args: { db_instance_id: 'prod-x', force: 1 },
      changeRequest: 'nope',
      bogus: true,
    });
    expect(decision.reasons.map((r) => r.code)).toEqual([
      'invalid-intent',
      'invalid-args',
      'protected-target',
      'change-request-malformed',
    ]);
  });

  it('is deterministic: the same input gives the same output', () => {
    const intent = {
      tool: 'delete_db_instance',
      args: { db_instance_id: 'prod-x', z: 1, a: 2 },
      changeRequest: 'x',
    };
    const first = JSON.stringify(evaluateIntent(registry, intent));
    for (let i = 0; i < 5; i++)
      expect(JSON.stringify(evaluateIntent(registry, structuredClone(intent)))).toBe(first);
    expect(JSON.stringify(evaluateIntent([...registry.tools], intent))).toBe(first);
  });

  it('fails closed on an inputSchema that cannot be compiled', () => {
    const broken = makeTool({ name: 'broken', effect: 'read', inputSchema: { type: 'no-such-type' } });
    const decision = evaluateIntent([broken], { tool: 'broken', args: {} });
    expect(decision.decision).toBe('deny');
    expect(decision.reasons.map((r) => r.code)).toEqual(['invalid-input-schema']);
  });

  it('validates 2020-12 schemas with their own draft', () => {
    const tuple = makeTool({
      name: 'tuple',
      effect: 'read',
      inputSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] } },
      },
    });
    expect(evaluateIntent([tuple], { tool: 'tuple', args: { pair: ['a', 1] } }).decision).toBe('allow');
    expect(evaluateIntent([tuple], { tool: 'tuple', args: { pair: [1, 'a'] } }).decision).toBe('deny');
  });
});

describe('evaluateIntent: protected targets', () => {
  const read = (path: string) => evaluateIntent(registry, { tool: 'fs.read_file', args: { path } });

  it('protects a path prefix and everything under it, normalised', () => {
    expect(read('/data/prod').decision).toBe('deny');
    expect(read('/data/prod/customers.csv').decision).toBe('deny');
    expect(read('/data/prod/a/b/.secret').decision).toBe('deny');
    expect(read('/data/staging/../prod/x').decision).toBe('deny');
    expect(read('/data//prod/./x').decision).toBe('deny');
    expect(read('/data/production/x').decision).toBe('allow');
    expect(read('/data/staging/x').decision).toBe('allow');
  });

  it('matches identifiers case-insensitively (SPEC 9), with * spanning any characters', () => {
    const del = (id: string) =>
      evaluateIntent(registry, {
        tool: 'delete_db_instance',
        args: { db_instance_id: id },
        changeRequest: 'CHG-1',
      }).decision;
    expect(del('prod-a/b')).toBe('deny');
    expect(del('Prod-a')).toBe('deny');
    expect(del('preprod-a')).toBe('allow');
  });

  it('checks every string argument when the policy names no targetField', () => {
    const anywhere = makeTool({ name: 'copy', effect: 'write', policy: { protectedTargets: ['prod-*'] } });
    const decision = evaluateIntent([anywhere], {
      tool: 'copy',
      args: { from: 'dev-1', to: { id: ['ok', 'prod-9'] } },
    });
    expect(decision.decision).toBe('deny');
    expect(decision.reasons).toEqual([
      expect.objectContaining({ code: 'protected-target', path: '/args/to/id/1' }),
    ]);
  });

  it('checks each element when the target field holds a list', () => {
    const many = makeTool({
      name: 'fs.read_multiple_files',
      effect: 'read',
      policy: { protectedTargets: ['/data/prod/**'], targetField: 'paths' },
    });
    const decision = evaluateIntent([many], {
      tool: 'fs.read_multiple_files',
      args: { paths: ['/tmp/a', '/data/prod/b'] },
    });
    expect(decision.reasons.map((r) => r.path)).toEqual(['/args/paths/1']);
  });
});
