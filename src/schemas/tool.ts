import type { JsonSchema } from './common.js';
import {
  DRAFT_07,
  SCHEMA_ID_BASE,
  TOOL_NAME_PATTERN,
  annotationsSchema,
  apiVersionSchema,
  approvalSchema,
  credentialsSchema,
  dataAccessSchema,
  editorSchemaKey,
  effectSchema,
  egressSchema,
  inputSchemaSchema,
  policySchema,
  rateLimitSchema,
  scopesSchema,
  untrustedInputSchema,
} from './common.js';

/** One `kind: Tool` manifest document. */
export const toolSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}tool-kind.json`,
  title: 'agentgate Tool manifest',
  description: 'A tool the agent may call: the authority it carries (control plane).',
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'name'],
  properties: {
    $schema: editorSchemaKey,
    apiVersion: apiVersionSchema,
    kind: { const: 'Tool', description: 'Tool: a single tool.' },
    name: {
      type: 'string',
      pattern: TOOL_NAME_PATTERN,
      description:
        'Unique tool name: lowercase ASCII letter, then letters, digits, _ . - (at most 64 characters).',
    },
    description: {
      type: 'string',
      description: 'Model-facing description (scanned for hidden Unicode and injected instructions).',
    },
    owner: { type: 'string', description: 'Owning team or user, e.g. "@acme/payments".' },
    effect: effectSchema,
    scopes: scopesSchema,
    credentials: credentialsSchema,
    egress: egressSchema,
    dataAccess: dataAccessSchema,
    untrustedInput: untrustedInputSchema,
    rateLimit: rateLimitSchema,
    approval: approvalSchema,
    inputSchema: inputSchemaSchema,
    policy: policySchema,
    annotations: annotationsSchema,
  },
};
