import type { Tool } from '../../src/model/types.js';

/**
 * A minimal valid Tool: no authority at all unless the test grants it. `effect` stays unset unless given,
 * so a test about `radius-assumed` gets exactly what a bare manifest gives.
 */
export function makeTool(partial: Partial<Tool> = {}): Tool {
  const name = partial.name ?? 'sample_tool';
  return {
    name,
    scopes: [],
    credentials: [],
    egress: [],
    dataAccess: 'none',
    untrustedInput: false,
    approval: 'none',
    source: { path: `registry/tools/${name}.yaml`, line: 1 },
    ...partial,
  };
}
