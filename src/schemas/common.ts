// Building blocks shared by the published schemas. Plain JSON, inlined (no $ref) so that every printed schema is
// self-contained for editors.

export type JsonSchema = { [key: string]: unknown };

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
export const SCHEMA_ID_BASE = 'https://agentgate.dev/schemas/v1/';

export const RADIUS_VALUES = ['none', 'read', 'write', 'irreversible', 'privileged'];

export const TOOL_NAME_PATTERN = '^[a-z][a-z0-9_.-]{0,63}$';
export const MCP_TOOL_NAME_PATTERN = '^[A-Za-z0-9_.-]{1,128}$';
/** resource:action, ':'-separated; '*' may stand for a whole segment, never part of one */
export const SCOPE_PATTERN = '^(\\*|[A-Za-z0-9_][A-Za-z0-9_./-]*)(:(\\*|[A-Za-z0-9_][A-Za-z0-9_./-]*))+$';
/** a host, '*.host' or '*', with an optional port */
export const EGRESS_PATTERN = '^(\\*|(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*)(:[0-9]{1,5})?$';
export const RATE_PERIOD_PATTERN = '^[1-9][0-9]*[smhd]$';

export const radiusSchema: JsonSchema = {
  type: 'string',
  enum: RADIUS_VALUES,
};

export const effectSchema: JsonSchema = {
  ...radiusSchema,
  description:
    'Declared blast radius: none (no-op) < read (reads data) < write (reversible write) < irreversible (side effect ' +
    'that cannot be undone) < privileged (changes authority, identity, credentials or admin state). ' +
    'agentgate raises it when scopes, credentials, annotations or the name imply more.',
};

export const scopesSchema: JsonSchema = {
  type: 'array',
  description: "Scopes as resource:action, ':'-separated segments; '*' may stand for a whole segment.",
  items: { type: 'string', pattern: SCOPE_PATTERN },
};

export const credentialsSchema: JsonSchema = {
  type: 'array',
  description: 'Credentials the tool holds at run time, each with the scopes it grants.',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: { type: 'string', minLength: 1, description: 'Name of the secret, e.g. STRIPE_SECRET_KEY.' },
      scopes: {
        type: 'array',
        description: 'What the credential can do, e.g. refunds:write.',
        items: { type: 'string', minLength: 1 },
      },
    },
  },
};

export const egressSchema: JsonSchema = {
  type: 'array',
  description: "Hosts the tool can reach; '*.example.com' and '*' allowed.",
  items: { type: 'string', pattern: EGRESS_PATTERN },
};

export const dataAccessSchema: JsonSchema = {
  type: 'string',
  enum: ['none', 'internal', 'sensitive'],
  description: 'Private data the tool can read: none | internal | sensitive.',
};

export const untrustedInputSchema: JsonSchema = {
  type: 'boolean',
  description:
    "true when the tool returns third-party content (tickets, mail, web pages) into the model's context.",
};

export const rateLimitSchema: JsonSchema = {
  type: 'object',
  description: 'Call budget, e.g. { calls: 10, per: 1m }.',
  additionalProperties: false,
  required: ['calls', 'per'],
  properties: {
    calls: { type: 'integer', minimum: 1, description: 'Calls allowed per period.' },
    per: { type: 'string', pattern: RATE_PERIOD_PATTERN, description: 'Period: 1s, 30s, 1m, 1h, 1d, ...' },
  },
};

export const approvalSchema: JsonSchema = {
  type: 'string',
  enum: ['none', 'human'],
  description: 'human: a person approves each call at run time (human in the loop).',
};

export const inputSchemaSchema: JsonSchema = {
  type: 'object',
  description: "JSON Schema of the tool's arguments (an intent's args are validated against it).",
  required: ['type'],
  properties: { type: { const: 'object', description: 'Tool arguments are always an object.' } },
};

export const policySchema: JsonSchema = {
  type: 'object',
  description: 'Runtime policy checked on every intent before the tool runs.',
  additionalProperties: false,
  properties: {
    protectedTargets: {
      type: 'array',
      description: "Argument values that must never be targeted; '*' wildcards allowed, e.g. prod-*.",
      items: { type: 'string', minLength: 1 },
    },
    targetField: { type: 'string', minLength: 1, description: 'Which argument holds the target.' },
    requireChangeRequest: { type: 'boolean', description: 'The intent must carry a change-request id.' },
  },
};

const annotationProperties: JsonSchema = {
  title: { type: 'string', description: 'Human-readable title.' },
  readOnlyHint: {
    type: 'boolean',
    description: 'MCP: the tool does not modify its environment (default false).',
  },
  destructiveHint: {
    type: 'boolean',
    description:
      'MCP: the tool may perform destructive updates (default true; meaningful when not read-only).',
  },
  idempotentHint: {
    type: 'boolean',
    description: 'MCP: repeated calls with the same args have no extra effect.',
  },
  openWorldHint: {
    type: 'boolean',
    description: 'MCP: the tool interacts with an open world of external entities.',
  },
};

export const annotationsSchema: JsonSchema = {
  type: 'object',
  description: "MCP's tool annotations, read with MCP's defaults.",
  additionalProperties: false,
  properties: annotationProperties,
};

/** annotations as an MCP server reports them: future MCP keys are let through */
export const mcpAnnotationsSchema: JsonSchema = {
  type: 'object',
  description: "MCP's tool annotations as tools/list reports them.",
  properties: annotationProperties,
};

export const apiVersionSchema: JsonSchema = {
  const: 'agentgate/v1',
  description: 'Manifest format version.',
};

export const editorSchemaKey: JsonSchema = {
  type: 'string',
  description: 'JSON Schema reference for editors; ignored by agentgate.',
};

/** The schema without its identity, for embedding in another schema. */
export function embedSchema(schema: JsonSchema): JsonSchema {
  const { $id: _id, $schema: _schema, ...rest } = schema;
  return rest;
}
