import type { FieldChange, Tool } from './types.js';

/**
 * The authority a new tool brings, as field changes against nothing, so that a reviewer reads what an added
 * tool can do in the same form as what a modified tool gained.
 */
export function describeAddedTool(tool: Tool): FieldChange[] {
  const changes: FieldChange[] = [];
  if (tool.scopes.length > 0)
    changes.push({ field: 'scopes', kind: 'widened', added: [...tool.scopes], removed: [] });
  if (tool.credentials.length > 0) {
    changes.push({
      field: 'credentials',
      kind: 'widened',
      added: tool.credentials.map((c) => c.name),
      removed: [],
    });
  }
  if (tool.egress.length > 0)
    changes.push({ field: 'egress', kind: 'widened', added: [...tool.egress], removed: [] });
  if (tool.dataAccess !== 'none')
    changes.push({ field: 'dataAccess', kind: 'widened', before: 'none', after: tool.dataAccess });
  if (tool.untrustedInput)
    changes.push({ field: 'untrustedInput', kind: 'widened', before: false, after: true });
  return changes;
}
