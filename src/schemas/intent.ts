import type { JsonSchema } from './common.js';
import { DRAFT_07, SCHEMA_ID_BASE } from './common.js';

/** A runtime intent: the model's proposal to call one tool. */
export const intentSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}intent.json`,
  title: 'agentgate intent',
  description: "The model's only way to act: checked against the registry before anything executes.",
  type: 'object',
  additionalProperties: false,
  required: ['tool'],
  properties: {
    tool: { type: 'string', minLength: 1, description: 'Name of the tool to call.' },
    args: { type: 'object', description: "Arguments, validated against the tool's inputSchema." },
    reason: { type: 'string', description: 'Why the agent wants to call it.' },
    changeRequest: {
      type: 'string',
      description: 'Change-request id, e.g. CHG-1234, when the tool requires one.',
    },
    id: { type: 'string', description: 'Caller-chosen intent id.' },
    agent: { type: 'string', description: 'The agent (prompt id) proposing the intent.' },
    timestamp: {
      type: 'string',
      format: 'date-time',
      description: 'When the intent was proposed (RFC 3339).',
    },
  },
};
