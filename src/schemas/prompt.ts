import type { JsonSchema } from './common.js';
import { DRAFT_07, SCHEMA_ID_BASE } from './common.js';

/** Front matter of a registry/prompts/*.md file, or the whole of a prompt .yaml. */
export const promptSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}prompt.json`,
  title: 'agentgate prompt',
  description: 'A prompt (data plane). Other keys are kept and diffed as behaviour.',
  type: 'object',
  properties: {
    id: {
      type: 'string',
      minLength: 1,
      description: 'Default: the path under registry/prompts without extension.',
    },
    version: {
      description: 'Integer or semver; must change when the content changes (configurable).',
      oneOf: [
        { type: 'integer', minimum: 0 },
        {
          type: 'string',
          pattern:
            '^(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?)?$',
        },
      ],
    },
    model: { type: 'string', description: 'Model the prompt is written for.' },
    tools: {
      type: 'array',
      description:
        'The tools this agent is bound to. This is authority: a new binding goes to the control-plane gate.',
      items: { type: 'string', minLength: 1 },
    },
    outputSchema: { type: 'object', description: "JSON Schema of the model's output." },
    variables: { type: 'array', items: { type: 'string' }, description: 'Template variables.' },
    description: { type: 'string', description: 'What the prompt is for.' },
    template: { type: 'string', description: 'The prompt text (.yaml/.yml prompts only).' },
  },
};
