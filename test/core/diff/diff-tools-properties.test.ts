import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffToolRegistry } from '../../../src/core/diff/diff-tools.js';
import { compareRadius } from '../../../src/core/radius/radius.js';
import type { Tool, ToolChange } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

describe('diffToolRegistry: scale', () => {
  // speed goals live in `npm run bench`, never in a timed unit test
  it('finds the 1,000 changed tools among 10,000', () => {
    const base = Array.from({ length: 10_000 }, (_, index) =>
      makeTool({
        name: `tool_${String(index).padStart(5, '0')}`,
        effect: 'read',
        scopes: [`svc${index % 50}:read`, `svc${index % 7}:list`],
        credentials: [{ name: `KEY_${index % 20}`, scopes: ['x:read'] }],
        egress: [`api${index % 30}.example.com`],
        rateLimit: { calls: 10, per: '1m' },
        description: `Tool number ${index} reads things.`,
        inputSchema: {
          type: 'object',
          properties: { id: { type: 'string', maxLength: 64 } },
          required: ['id'],
        },
      }),
    );
    // A separate copy, as a second parse would give: no shortcut through object identity.
    const head = structuredClone(base).map((tool, index) =>
      index % 10 === 0 ? { ...tool, scopes: [...tool.scopes, 'billing:refund'] } : tool,
    );
    const result: ToolChange[] = diffToolRegistry(base, head, {});
    expect(result).toHaveLength(1_000);
  });
});

// ---------------------------------------------------------------- property: narrowing never escalates

const scope = fc
  .tuple(
    fc.constantFrom('billing', 'repo', 'docs', '*'),
    fc.constantFrom('read', 'refund', 'write', 'admin', '*'),
  )
  .map(([resource, action]) => `${resource}:${action}`);
const host = fc.constantFrom('api.stripe.com', '*.stripe.com', 'api.github.com', '*', 'intranet.corp');
const credential = fc.record({
  name: fc.constantFrom('A_KEY', 'B_KEY', 'C_KEY'),
  scopes: fc.uniqueArray(scope, { maxLength: 3 }),
});
const arbitraryTool = fc
  .record({
    name: fc.constantFrom('delete_user', 'list_users', 'sync', 'grant_role'),
    effect: fc.option(fc.constantFrom('none', 'read', 'write', 'irreversible', 'privileged'), {
      nil: undefined,
    }),
    scopes: fc.uniqueArray(scope, { maxLength: 4 }),
    credentials: fc.uniqueArray(credential, { maxLength: 3, selector: (item) => item.name }),
    egress: fc.uniqueArray(host, { maxLength: 3 }),
    rateLimit: fc.option(
      fc.record({ calls: fc.integer({ min: 1, max: 1000 }), per: fc.constantFrom('1s', '1m', '1h', 'day') }),
      { nil: undefined },
    ),
    approval: fc.constantFrom('none', 'human'),
  })
  .map((fields) => makeTool(fields as Partial<Tool>));

const subset = <T>(list: readonly T[], keep: readonly boolean[]): T[] =>
  list.filter((_, index) => keep[index] ?? true);

describe('diffToolRegistry: a change that only narrows (property)', () => {
  it('never reports an escalation nor a widened field, save a credential left with no scope', () => {
    fc.assert(
      fc.property(
        arbitraryTool,
        fc.array(fc.boolean(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        (tool, keep, divisor, addApproval) => {
          const narrowed: Tool = {
            ...tool,
            scopes: subset(tool.scopes, keep),
            egress: subset(tool.egress, keep.slice(4)),
            credentials: subset(tool.credentials, keep.slice(8)).map((item, index) => ({
              ...item,
              scopes: subset(item.scopes, keep.slice(index)),
            })),
            rateLimit: tool.rateLimit && {
              ...tool.rateLimit,
              calls: Math.floor(tool.rateLimit.calls / divisor),
            },
            approval: addApproval ? 'human' : tool.approval,
          };
          // A credential stripped of its last scope is unscoped: the token's whole authority, widened. That one
          // removal is no narrowing: it needs sign-off, and when the credential's scopes were all that declared the
          // tool, the tool becomes undeclared and its radius rises, an escalation like any widening that raises it.
          const unscoped = new Set(
            narrowed.credentials
              .filter((item) => item.scopes.length === 0)
              .filter((item) => (tool.credentials.find((c) => c.name === item.name)?.scopes.length ?? 0) > 0)
              .map((item) => `credentials.${item.name}.scopes`),
          );
          for (const change of diffToolRegistry([tool], [narrowed], {})) {
            const widened = change.changes.filter((field) => field.kind === 'widened');
            expect(widened.map((field) => field.field).sort()).toEqual([...unscoped].sort());
            if (unscoped.size === 0) {
              expect(change.escalation).toBe(false);
            } else {
              expect(change.narrowing).toBe(false);
              expect(change.escalation).toBe(
                compareRadius(change.radiusAfter ?? 'none', change.radiusBefore ?? 'none') > 0,
              );
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('diffToolRegistry: a credential left with no scope', () => {
  it('is widened, never narrowing, and escalates when its scopes were all that declared the tool', () => {
    const before = makeTool({
      name: 'sync',
      effect: undefined,
      scopes: [],
      credentials: [{ name: 'A_KEY', scopes: ['docs:read'] }],
    });
    const after = makeTool({ ...before, credentials: [{ name: 'A_KEY', scopes: [] }] });
    const [change] = diffToolRegistry([before], [after], {});
    expect(change?.changes).toMatchObject([{ field: 'credentials.A_KEY.scopes', kind: 'widened' }]);
    expect(change?.narrowing).toBe(false);
    expect(change?.escalation).toBe(true);
  });
});
