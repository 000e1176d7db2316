import { TOOL_FIELDS } from './tool-fields.js';
import type { FieldChange, Tool } from '../../../model/types.js';

/**
 * The authority a new tool brings, as field changes against nothing, so that a reviewer reads what an added
 * tool can do in the same form as what a modified tool gained. Each field says how (TOOL_FIELDS).
 */
export function describeAddedTool(tool: Tool): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TOOL_FIELDS) {
    const change = field.added?.(tool);
    if (change) changes.push(change);
  }
  return changes;
}
