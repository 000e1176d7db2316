import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffToolRegistry } from '../../../src/core/diff/diff-tools.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { classifyBlastRadius, compareRadius } from '../../../src/core/radius/radius.js';
import { computeSignoffRequirement } from '../../../src/core/radius/signoff-requirement.js';
import type { Config, JsonObject, Radius, Tool, ToolAnnotations } from '../../../src/model/types.js';
import { RADII } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

// ---------------------------------------------------------------- generators

const radius = fc.constantFrom(...RADII);
const scope = fc
  .tuple(
    fc.constantFrom('billing', 'repo', 'org', '*'),
    fc.constantFrom('read', 'refund', 'admin', 'view', '*'),
  )
  .map(([resource, action]) => `${resource}:${action}`);
const hint = fc.option(fc.boolean(), { nil: undefined });
const annotations: fc.Arbitrary<ToolAnnotations | undefined> = fc.option(
  fc.record(
    { readOnlyHint: hint, destructiveHint: hint, idempotentHint: hint, openWorldHint: hint },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);
const schemas: JsonObject[] = [
  { type: 'object', properties: { id: { type: 'string', maxLength: 10 } } },
  { type: 'object', properties: { id: { type: 'string', maxLength: 5 } }, description: 'x' },
  { type: 'object', properties: { id: { $ref: '#/$defs/id' } }, $defs: { id: { maxLength: 3 } } },
  { type: 'object', properties: { id: { $ref: '#/$defs/id' } }, $defs: { id: { maxLength: 1 } } },
];

const tool: fc.Arbitrary<Tool> = fc
  .record({
    name: fc.constantFrom('delete_user', 'list_users', 'sync', 'fetch-page', 'grantRole'),
    effect: fc.option(radius, { nil: undefined }),
    scopes: fc.uniqueArray(scope, { maxLength: 3 }),
    credentials: fc.uniqueArray(
      fc.record({ name: fc.constantFrom('A', 'B'), scopes: fc.uniqueArray(scope, { maxLength: 2 }) }),
      { maxLength: 2, selector: (credential) => credential.name },
    ),
    egress: fc.uniqueArray(fc.constantFrom('api.example.com', '*.example.com', '*'), { maxLength: 2 }),
    dataAccess: fc.constantFrom('none', 'internal', 'sensitive'),
    untrustedInput: fc.boolean(),
    approval: fc.constantFrom('none', 'human'),
    description: fc.option(fc.constantFrom('Reads users.', 'Deletes users.'), { nil: undefined }),
    inputSchema: fc.option(fc.constantFrom(...schemas), { nil: undefined }),
    annotations,
  })
  .map((fields) => makeTool(fields as Partial<Tool>));

/** Each declared field lowered, or left, at random: never raised. */
function lowered(
  base: Tool,
  picks: { effect?: Radius; data: boolean; untrusted: boolean; hints: boolean },
): Tool {
  const order = RADII.indexOf(base.effect ?? 'irreversible');
  const effect = picks.effect && RADII.indexOf(picks.effect) < order ? picks.effect : base.effect;
  const milder: ToolAnnotations = {
    readOnlyHint: true,
    destructiveHint: false,
    idempotentHint: true,
    openWorldHint: false,
  };
  return {
    ...base,
    effect,
    dataAccess: picks.data ? 'none' : base.dataAccess,
    untrustedInput: picks.untrusted ? false : base.untrustedInput,
    annotations: picks.hints ? { ...base.annotations, ...milder } : base.annotations,
  };
}

/** Sign-off counts that never fall as the radius rises (any sane config). */
const counts = fc
  .tuple(fc.nat(2), fc.array(fc.nat(2), { minLength: 4, maxLength: 4 }), fc.nat(3))
  .map(([none, steps, narrowing]) => {
    const [read, write, irreversible, privileged] = steps.reduce<number[]>(
      (out, step) => [...out, (out.at(-1) ?? none) + step],
      [],
    ) as [number, number, number, number];
    return { none, read, write, irreversible, privileged, narrowing };
  });

function configWith(signoffs: Config['planes']['control']['signoffs']): Config {
  const config = structuredClone(DEFAULT_CONFIG);
  config.planes.control.signoffs = signoffs;
  return config;
}

const requirementOf = (base: Tool[], head: Tool[], config: Config) =>
  computeSignoffRequirement(
    {
      tools: diffToolRegistry(base, head, {}),
      bindings: [],
      radiusOfBound: () => null,
      gateFilesChanged: false,
      flowsAdded: [],
    },
    config,
  );

// ---------------------------------------------------------------- properties

describe('narrowing-only (property)', () => {
  it('no tool whose field notes include `changed` or `widened` is narrowing-only', () => {
    fc.assert(
      fc.property(tool, tool, (before, candidate) => {
        const after = { ...candidate, name: before.name };
        const changes = diffToolRegistry([before], [after], {});
        for (const change of changes) {
          const loud = change.changes.some((field) => field.kind !== 'narrowed');
          if (loud) expect(change.narrowing).toBe(false);
          if (change.change === 'modified') expect(change.narrowing).toBe(change.changes.length > 0 && !loud);
        }
        const requirement = requirementOf([before], [after], DEFAULT_CONFIG);
        if (changes.some((change) => !change.narrowing)) expect(requirement.narrowingOnly).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('declaration laundering (property)', () => {
  it('lowering any declared field never lowers the required sign-offs', () => {
    fc.assert(
      fc.property(
        tool,
        fc.record({
          effect: fc.option(radius, { nil: undefined }),
          data: fc.boolean(),
          untrusted: fc.boolean(),
          hints: fc.boolean(),
        }),
        counts,
        (before, picks, signoffs) => {
          const after = lowered(before, picks);
          const config = configWith(signoffs);
          const requirement = requirementOf([before], [after], config);
          const changes = diffToolRegistry([before], [after], {});
          if (changes.length === 0) return;
          const radiusBefore = classifyBlastRadius(before).radius;
          expect(requirement.narrowingOnly).toBe(false);
          // An added effect may sit above what annotations claimed: then the bar rises, never falls.
          expect(compareRadius(requirement.signoffRadius ?? 'none', radiusBefore)).toBeGreaterThanOrEqual(0);
          expect(requirement.requiredSignoffs).toBeGreaterThanOrEqual(signoffs[radiusBefore]);
          for (const field of changes[0]?.changes ?? []) expect(field.kind).not.toBe('narrowed');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a lowered declaration riding with a real revocation still needs the sign-offs of the radius before', () => {
    const admin = makeTool({
      name: 'rotate_keys',
      effect: 'privileged',
      scopes: ['keys:admin', 'keys:read'],
      annotations: { readOnlyHint: false },
    });
    const after = {
      ...admin,
      effect: 'read' as const,
      scopes: ['keys:read'],
      annotations: { readOnlyHint: true },
    };
    const requirement = requirementOf([admin], [after], DEFAULT_CONFIG);
    expect(requirement).toMatchObject({
      narrowingOnly: false,
      signoffRadius: 'privileged',
      requiredSignoffs: 2,
    });
  });
});
