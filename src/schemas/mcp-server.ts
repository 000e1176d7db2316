import type { JsonSchema } from './common.js';
import {
  DRAFT_07,
  MCP_TOOL_NAME_PATTERN,
  SCHEMA_ID_BASE,
  TOOL_NAME_PATTERN,
  apiVersionSchema,
  approvalSchema,
  credentialsSchema,
  dataAccessSchema,
  editorSchemaKey,
  effectSchema,
  egressSchema,
  inputSchemaSchema,
  mcpAnnotationsSchema,
  policySchema,
  rateLimitSchema,
  scopesSchema,
  untrustedInputSchema,
} from './common.js';

/** Transport kinds as MCP clients write them: `local` is Copilot's stdio, `streamable-http` the spec's http. */
export const STDIO_TRANSPORT_TYPES = ['stdio', 'local'] as const;
export const REMOTE_TRANSPORT_TYPES = ['http', 'sse', 'streamable-http'] as const;

const transportSchema: JsonSchema = {
  type: 'object',
  description:
    'How the agent reaches the server, as MCP clients write it: { command, args } (stdio) or { url } (remote); ' +
    '`type` is optional. A changed command, argument or URL is a changed capability.',
  properties: {
    type: {
      type: 'string',
      enum: [...STDIO_TRANSPORT_TYPES, ...REMOTE_TRANSPORT_TYPES],
      description: 'Transport kind; optional: `command` means stdio, `url` means remote.',
    },
    command: { type: 'string', minLength: 1, description: 'stdio: the executable.' },
    args: { type: 'array', items: { type: 'string' }, description: 'stdio: its arguments.' },
    env: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'stdio: environment variables (names of secrets belong in credentials).',
    },
    cwd: { type: 'string', description: 'stdio: working directory.' },
    url: { type: 'string', format: 'uri', description: 'http/sse: the endpoint.' },
    headers: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'http/sse: extra headers.',
    },
  },
  allOf: [
    {
      if: { required: ['type'], properties: { type: { enum: [...STDIO_TRANSPORT_TYPES] } } },
      then: { required: ['command'] },
    },
    {
      if: { required: ['type'], properties: { type: { enum: [...REMOTE_TRANSPORT_TYPES] } } },
      then: { required: ['url'] },
    },
    // No type and no url: the client would run it as stdio, so the missing field is the command.
    {
      if: { not: { anyOf: [{ required: ['type'] }, { required: ['url'] }] } },
      then: { required: ['command'] },
    },
  ],
};

/** One entry of the server's tools/list snapshot, plus agentgate's own fields. */
const mcpToolSchema: JsonSchema = {
  type: 'object',
  description: 'A tool as MCP tools/list reports it; agentgate names it <server>.<tool>.',
  additionalProperties: false,
  patternProperties: { '^(_|x-)': { description: 'MCP metadata (_meta) and extensions (x-*).' } },
  required: ['name'],
  properties: {
    name: {
      type: 'string',
      pattern: MCP_TOOL_NAME_PATTERN,
      description: "MCP tool name: ASCII letters, digits, '_', '-', '.', 1 to 128 characters.",
    },
    title: { type: 'string', description: 'Human-readable title.' },
    description: { type: 'string', description: 'Model-facing description (scanned).' },
    inputSchema: inputSchemaSchema,
    outputSchema: { type: 'object', description: 'JSON Schema of structured results.' },
    annotations: mcpAnnotationsSchema,
    icons: { type: 'array', description: 'MCP icons (ignored).' },
    execution: { type: 'object', description: 'MCP execution hints (ignored).' },
    effect: effectSchema,
    scopes: scopesSchema,
    dataAccess: dataAccessSchema,
    untrustedInput: untrustedInputSchema,
    approval: approvalSchema,
    policy: policySchema,
    rateLimit: rateLimitSchema,
  },
};

/** One `kind: McpServer` manifest document. */
export const mcpServerSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}mcp-server.json`,
  title: 'agentgate McpServer manifest',
  description: 'An MCP server the agent may reach, with the snapshot of its tools (control plane).',
  type: 'object',
  additionalProperties: false,
  required: ['apiVersion', 'kind', 'name'],
  properties: {
    $schema: editorSchemaKey,
    apiVersion: apiVersionSchema,
    kind: { const: 'McpServer', description: 'McpServer: an MCP server and its tools.' },
    name: {
      type: 'string',
      pattern: TOOL_NAME_PATTERN,
      description:
        'Server name, the prefix of its tools: lowercase ASCII letter, then letters, digits, _ . -.',
    },
    description: { type: 'string', description: 'What the server is for.' },
    owner: { type: 'string', description: 'Owning team or user, e.g. "@acme/platform".' },
    transport: transportSchema,
    credentials: credentialsSchema,
    egress: egressSchema,
    tools: { type: 'array', description: 'The tools/list snapshot.', items: mcpToolSchema },
  },
};
