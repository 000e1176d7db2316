import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { computeSignoffRequirement } from '../../../src/core/radius/signoff-requirement.js';
import type { Radius, ToolChange } from '../../../src/model/types.js';

function change(
  name: string,
  kind: ToolChange['change'],
  radiusAfter: Radius | null,
  narrowing = false,
): ToolChange {
  return {
    name,
    change: kind,
    radiusBefore: null,
    radiusAfter,
    escalation: !narrowing,
    narrowing,
    changes: [],
    path: 'x.yaml',
    line: 1,
  };
}
const none = { bindings: [], radiusOfBound: () => null, gateFilesChanged: false, flowsAdded: [] };

describe('required sign-offs', () => {
  it('asks two sign-offs for a privileged addition under the default config', () => {
    const r = computeSignoffRequirement(
      { ...none, tools: [change('admin', 'added', 'privileged')] },
      DEFAULT_CONFIG,
    );
    expect(r).toMatchObject({ maxRadius: 'privileged', requiredSignoffs: 2, narrowingOnly: false });
  });

  it('lets a revocation through with the narrowing count (default 0)', () => {
    const r = computeSignoffRequirement(
      { ...none, tools: [change('old', 'removed', null, true)] },
      DEFAULT_CONFIG,
    );
    expect(r).toMatchObject({ narrowingOnly: true, requiredSignoffs: 0 });
  });

  it('uses the configured counts of the (base) config', () => {
    const config = structuredClone(DEFAULT_CONFIG);
    config.planes.control.signoffs.write = 3;
    const r = computeSignoffRequirement({ ...none, tools: [change('w', 'modified', 'write')] }, config);
    expect(r.requiredSignoffs).toBe(3);
  });

  it('counts a new binding by the radius of the tool it binds', () => {
    const r = computeSignoffRequirement(
      {
        ...none,
        tools: [],
        bindings: [{ agent: 'support', added: ['refund'], removed: [] }],
        radiusOfBound: () => 'irreversible',
      },
      DEFAULT_CONFIG,
    );
    expect(r).toMatchObject({ maxRadius: 'irreversible', requiredSignoffs: 1, narrowingOnly: false });
  });

  it('treats an edit of a gate file as a privileged change', () => {
    const r = computeSignoffRequirement({ ...none, tools: [], gateFilesChanged: true }, DEFAULT_CONFIG);
    expect(r).toMatchObject({ signoffRadius: 'privileged', requiredSignoffs: 2, narrowingOnly: false });
  });

  it('needs nothing when no capability changed', () => {
    const r = computeSignoffRequirement({ ...none, tools: [] }, DEFAULT_CONFIG);
    expect(r).toMatchObject({ capabilityChanged: false, requiredSignoffs: 0, maxRadius: null });
  });

  it('signs a modified tool at the radius before when its radius fell (declaration lowered)', () => {
    const lowered = { ...change('launder', 'modified', 'read'), radiusBefore: 'privileged' as const };
    const r = computeSignoffRequirement({ ...none, tools: [lowered] }, DEFAULT_CONFIG);
    expect(r).toMatchObject({ signoffRadius: 'privileged', maxRadius: 'privileged', requiredSignoffs: 2 });
  });

  it('signs a renamed tool at the higher of its two radii', () => {
    const renamed = { ...change('list_users', 'renamed', 'read'), radiusBefore: 'irreversible' as const };
    const r = computeSignoffRequirement({ ...none, tools: [renamed] }, DEFAULT_CONFIG);
    expect(r.signoffRadius).toBe('irreversible');
  });

  it('signs an escalated tool at its radius after', () => {
    const raised = { ...change('x', 'modified', 'privileged'), radiusBefore: 'read' as const };
    const r = computeSignoffRequirement({ ...none, tools: [raised] }, DEFAULT_CONFIG);
    expect(r).toMatchObject({ signoffRadius: 'privileged', requiredSignoffs: 2 });
  });
});

describe('required sign-offs: servers and unmodelled files', () => {
  const server = (change: 'added' | 'removed' | 'modified', before: Radius | null, after: Radius | null) => ({
    name: 's',
    change,
    source: 'x.yaml',
    radiusBefore: before,
    radiusAfter: after,
    escalation: false,
    narrowing: change === 'removed',
    changes: [],
    path: 'x.yaml',
    line: 1,
  });

  it('counts a server radius like a tool radius', () => {
    const r = computeSignoffRequirement(
      { ...none, tools: [], servers: [server('added', null, 'privileged')] },
      DEFAULT_CONFIG,
    );
    expect(r).toMatchObject({ maxRadius: 'privileged', requiredSignoffs: 2, narrowingOnly: false });
  });

  it('asks the higher of before and after for a changed server', () => {
    const r = computeSignoffRequirement(
      { ...none, tools: [], servers: [server('modified', 'privileged', 'write')] },
      DEFAULT_CONFIG,
    );
    expect(r).toMatchObject({ maxRadius: 'privileged', requiredSignoffs: 2 });
  });

  it('asks signoffs.narrowing for a server-only revocation', () => {
    const config = structuredClone(DEFAULT_CONFIG);
    config.planes.control.signoffs.narrowing = 1;
    const r = computeSignoffRequirement(
      { ...none, tools: [], servers: [server('removed', 'privileged', null)] },
      config,
    );
    expect(r).toMatchObject({ narrowingOnly: true, requiredSignoffs: 1, capabilityChanged: true });
  });

  it('floors an unmodelled control file at write, never 0', () => {
    const config = structuredClone(DEFAULT_CONFIG);
    config.planes.control.signoffs.write = 3;
    const r = computeSignoffRequirement({ ...none, tools: [], unmodelledFiles: 1 }, config);
    expect(r).toMatchObject({ maxRadius: 'write', requiredSignoffs: 3, narrowingOnly: false });
  });
});
