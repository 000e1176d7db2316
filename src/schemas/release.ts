import type { JsonSchema } from './common.js';
import { DRAFT_07, SCHEMA_ID_BASE } from './common.js';

const common = {
  schemaVersion: { const: 1 },
  version: {
    type: 'integer',
    minimum: 1,
    description: 'N of agentgate/<plane>/vN: versions count per plane.',
  },
  commit: { type: 'string', pattern: '^[0-9a-f]{40}([0-9a-f]{24})?$', description: 'The released commit.' },
  previous: {
    description: 'The previous release of this plane, or null for the first.',
    oneOf: [
      { type: 'null' },
      {
        type: 'object',
        required: ['version', 'commit'],
        properties: { version: { type: 'integer', minimum: 1 }, commit: { type: 'string' } },
      },
    ],
  },
  changes: {
    type: 'object',
    description: "This plane's part of the diff since the previous release (diff --format json).",
  },
  changelog: {
    type: 'array',
    items: { type: 'string' },
    description: 'One line per change, newest commit first.',
  },
  digest: {
    type: 'string',
    pattern: '^sha256:[0-9a-f]{64}$',
    description: 'sha256 over the canonical JSON (RFC 8785) of the bundle without this field.',
  },
};

/** A released plane: what a runtime enforces (control) or serves (data), bound to a commit by digest. */
export const releaseSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}release.json`,
  title: 'agentgate release bundle',
  description: 'agentgate-<plane>-v<N>.json, written by `agentgate release --plane data|control`.',
  oneOf: [
    {
      type: 'object',
      title: 'data-plane bundle',
      description: 'Prompts only: never a tool, scope, binding or server.',
      additionalProperties: false,
      required: ['schemaVersion', 'plane', 'version', 'commit', 'previous', 'changes', 'prompts', 'digest'],
      properties: {
        ...common,
        plane: { const: 'data' },
        prompts: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'text', 'path'],
            properties: {
              id: { type: 'string' },
              version: { type: 'string' },
              model: { type: 'string' },
              text: { type: 'string' },
              outputSchema: { type: 'object' },
              path: { type: 'string' },
            },
          },
        },
      },
    },
    {
      type: 'object',
      title: 'control-plane bundle',
      description: 'Tools, servers, bindings and permission rules: never a prompt text.',
      additionalProperties: false,
      required: [
        'schemaVersion',
        'plane',
        'version',
        'commit',
        'previous',
        'changes',
        'tools',
        'servers',
        'bindings',
        'permissions',
        'radius',
        'digest',
      ],
      properties: {
        ...common,
        plane: { const: 'control' },
        tools: { type: 'array', items: { type: 'object', required: ['name'] } },
        servers: { type: 'array', items: { type: 'object', required: ['name'] } },
        bindings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['agent', 'tools'],
            properties: { agent: { type: 'string' }, tools: { type: 'array', items: { type: 'string' } } },
          },
        },
        permissions: { type: 'array', items: { type: 'object' } },
        radius: {
          type: 'object',
          description: "The config's radius overrides (radius.actions) at the released commit.",
          properties: { actions: { type: 'object', additionalProperties: { type: 'string' } } },
        },
      },
    },
  ],
};
