import { scalarChange } from './tool-field-compare.js';
import { MODELLED_TOOL_KEYS, TOOL_FIELDS } from './tool-fields.js';
import type { FieldChange, Tool } from '../../../model/types.js';

export { callsPerSecond, parsePeriodSeconds } from './tool-field-compare.js';

/**
 * Field-by-field comparison of one tool at base and head, row by row of TOOL_FIELDS. Each
 * differing field yields one FieldChange: `widened` when head grants more authority, `narrowed` when less,
 * `changed` when neither.
 *
 * Narrowing is removing authority (a scope, a host, a credential; a lower rate; an added approval or guard).
 * What a manifest declares about itself (`effect`, `dataAccess`, `untrustedInput`, annotations) is a claim,
 * not a grant: lowering a claim removes nothing, so it is `changed`, never `narrowed`, and the sign-off it
 * needs is that of the radius before the claim was lowered (signoffs.ts).
 */
export function compareToolFields(before: Tool, after: Tool): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TOOL_FIELDS)
    for (const change of field.compare?.(before, after) ?? []) if (change) changes.push(change);
  for (const key of unmodelledKeys(before, after)) {
    // A field this comparison does not know yet cannot be shown to grant less: fail closed.
    const change = scalarChange(key, before[key as keyof Tool], after[key as keyof Tool], 'widened');
    if (change) changes.push(change);
  }
  // Same meaning, different spelling (`policy: {}` vs none, requireChangeRequest false vs absent).
  if (changes.length === 0) {
    const change = scalarChange('policy', before.policy, after.policy, 'changed');
    if (change) changes.push(change);
  }
  return changes;
}

function unmodelledKeys(before: Tool, after: Tool): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((key) => !MODELLED_TOOL_KEYS.has(key)).sort();
}
