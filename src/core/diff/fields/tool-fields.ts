import {
  APPROVAL_RANK,
  DATA_ACCESS_RANK,
  FLAG_RANK,
  annotationsChange,
  declarationChange,
  effectChange,
  protectedTargetsChange,
  rankedChange,
  rateLimitChange,
  scalarChange,
  schemaChange,
  transportChange,
} from './tool-field-compare.js';
import { credentialChanges, setChange } from '../../radius/credential-changes.js';
import { compareHostSets } from '../../radius/hosts.js';
import { compareScopeSets } from '../../radius/scopes.js';
import type { FieldChange, Tool } from '../../../model/types.js';

/**
 * One row per top-level field of a Tool: how two versions compare (kind and rank live in the compare
 * function), what an added tool brings through it, and whether it counts in the capability digest. A new
 * field is one new row here; a field with no row is compared as `widened` whenever it differs (fail closed).
 * Rows are in the order their changes are listed.
 */
export interface ToolField {
  key: keyof Tool;
  /** the field changes between two versions; absent: the field is identity, not authority (name) */
  compare?: (before: Tool, after: Tool) => (FieldChange | undefined)[];
  /** the authority a new tool brings through this field, as a change against nothing */
  added?: (tool: Tool) => FieldChange | undefined;
  /** false: left out of the digest (where a manifest sits is no capability) */
  inDigest: boolean;
}

export const TOOL_FIELDS: readonly ToolField[] = [
  { key: 'name', inDigest: true },
  { key: 'source', inDigest: false },
  {
    key: 'scopes',
    inDigest: true,
    compare: (b, a) => [setChange('scopes', compareScopeSets(b.scopes, a.scopes))],
    added: (tool) => grown('scopes', tool.scopes),
  },
  {
    key: 'credentials',
    inDigest: true,
    compare: credentialChanges,
    added: (tool) =>
      grown(
        'credentials',
        tool.credentials.map((c) => c.name),
      ),
  },
  {
    key: 'egress',
    inDigest: true,
    compare: (b, a) => [setChange('egress', compareHostSets(b.egress, a.egress))],
    added: (tool) => grown('egress', tool.egress),
  },
  { key: 'rateLimit', inDigest: true, compare: (b, a) => [rateLimitChange(b.rateLimit, a.rateLimit)] },
  {
    key: 'approval',
    inDigest: true,
    compare: (b, a) => [rankedChange('approval', APPROVAL_RANK, b.approval, a.approval)],
  },
  {
    key: 'dataAccess',
    inDigest: true,
    compare: (b, a) => [declarationChange('dataAccess', DATA_ACCESS_RANK, b.dataAccess, a.dataAccess)],
    added: (tool) =>
      tool.dataAccess !== 'none'
        ? { field: 'dataAccess', kind: 'widened', before: 'none', after: tool.dataAccess }
        : undefined,
  },
  {
    key: 'untrustedInput',
    inDigest: true,
    compare: (b, a) => [
      declarationChange('untrustedInput', FLAG_RANK, String(b.untrustedInput), String(a.untrustedInput)),
    ],
    added: (tool) =>
      tool.untrustedInput
        ? { field: 'untrustedInput', kind: 'widened', before: false, after: true }
        : undefined,
  },
  { key: 'inputSchema', inDigest: true, compare: (b, a) => [schemaChange(b, a)] },
  { key: 'effect', inDigest: true, compare: (b, a) => [effectChange(b, a)] },
  { key: 'annotations', inDigest: true, compare: (b, a) => [annotationsChange(b, a)] },
  {
    key: 'policy',
    inDigest: true,
    compare: (b, a) => [
      protectedTargetsChange(b, a),
      scalarChange('policy.targetField', b.policy?.targetField, a.policy?.targetField, 'widened'),
      rankedChange(
        'policy.requireChangeRequest',
        FLAG_RANK,
        String(b.policy?.requireChangeRequest ?? false),
        String(a.policy?.requireChangeRequest ?? false),
        // true -> false drops a guard, so here a falling rank is the widening
        true,
      ),
    ],
  },
  // A different server binary or URL is a different capability, whatever it says about itself.
  { key: 'transport', inDigest: true, compare: (b, a) => [transportChange(b.transport, a.transport)] },
  {
    key: 'server',
    inDigest: true,
    compare: (b, a) => [scalarChange('server', b.server, a.server, 'changed')],
  },
  {
    key: 'description',
    inDigest: true,
    compare: (b, a) => [scalarChange('description', b.description, a.description, 'changed')],
  },
  { key: 'owner', inDigest: true, compare: (b, a) => [scalarChange('owner', b.owner, a.owner, 'changed')] },
];

/** Every key with a row: anything else a manifest carries is compared as unknown authority. */
export const MODELLED_TOOL_KEYS: ReadonlySet<string> = new Set(TOOL_FIELDS.map((field) => field.key));

function grown(field: string, values: readonly string[]): FieldChange | undefined {
  return values.length > 0 ? { field, kind: 'widened', added: [...values], removed: [] } : undefined;
}
