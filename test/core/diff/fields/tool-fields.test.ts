import { describe, expect, it } from 'vitest';
import { describeAddedTool } from '../../../../src/core/diff/fields/added-tool-fields.js';
import { normalizeForDigest } from '../../../../src/core/diff/digest.js';
import { compareToolFields } from '../../../../src/core/diff/fields/tool-field-changes.js';
import { MODELLED_TOOL_KEYS, TOOL_FIELDS } from '../../../../src/core/diff/fields/tool-fields.js';
import type { Tool } from '../../../../src/model/types.js';
import { makeTool } from '../../../helpers/make-tool.js';

// Every optional field of Tool set, so that a field added to the model without a row shows up here.
const full: Tool = makeTool({
  server: 'billing',
  description: 'd',
  owner: '@acme/billing',
  effect: 'write',
  scopes: ['billing:write'],
  credentials: [{ name: 'BILLING_KEY', scopes: ['write'] }],
  egress: ['api.example.com'],
  dataAccess: 'sensitive',
  untrustedInput: true,
  rateLimit: { calls: 5, per: 'minute' },
  approval: 'human',
  inputSchema: { type: 'object' },
  policy: { targetField: 'id', protectedTargets: ['prod-*'], requireChangeRequest: true },
  annotations: { readOnlyHint: false },
  transport: { type: 'stdio', command: 'billing-mcp' },
});

describe('the tool field table', () => {
  it('has one row per key, and a row for every field a tool can carry', () => {
    const keys = TOOL_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of Object.keys(full)) expect(MODELLED_TOOL_KEYS.has(key)).toBe(true);
  });

  it('leaves the source location out of the digest and nothing else', () => {
    const moved = { ...full, source: { path: 'elsewhere/billing.yaml', line: 40 } };
    expect(normalizeForDigest(moved)).toEqual(normalizeForDigest(full));
    expect(normalizeForDigest({ ...full, owner: '@acme/other' })).not.toEqual(normalizeForDigest(full));
    expect(TOOL_FIELDS.filter((field) => !field.inDigest).map((field) => field.key)).toEqual(['source']);
  });

  it('compares a tool with itself as no change, and a field without a row as widened', () => {
    expect(compareToolFields(full, full)).toEqual([]);
    const extra = { ...full, sandbox: 'off' } as unknown as Tool;
    expect(compareToolFields(full, extra)).toEqual([
      { field: 'sandbox', kind: 'widened', before: null, after: 'off' },
    ]);
  });

  it('describes an added tool through the rows that grant authority, in table order', () => {
    expect(describeAddedTool(full).map((change) => change.field)).toEqual([
      'scopes',
      'credentials',
      'egress',
      'dataAccess',
      'untrustedInput',
    ]);
    expect(describeAddedTool(makeTool())).toEqual([]);
  });
});
