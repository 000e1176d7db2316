import type { JsonSchema } from './common.js';
import { DRAFT_07, SCHEMA_ID_BASE } from './common.js';

/**
 * agentgate's native eval results, for eval harnesses other than promptfoo. `agentgate eval-delta` also
 * reads promptfoo's own output; this is the format to write when converting from anything else.
 */
export const evalResultsSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}eval-results.json`,
  title: 'agentgate eval results',
  description:
    'One entry per run of a test case. An id that appears several times is a repeated run of one case: the case ' +
    'passes by majority of its runs (a tie fails) and is reported as flaky when its runs disagree.',
  type: 'object',
  required: ['cases'],
  properties: {
    $schema: { type: 'string', description: 'JSON Schema reference for editors; ignored by agentgate.' },
    cases: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'pass'],
        properties: {
          id: {
            type: 'string',
            minLength: 1,
            description:
              'Stable case id: the same test against the same prompt and model keeps the same id across runs.',
          },
          pass: { type: 'boolean', description: 'The run passed every assertion.' },
          score: { type: 'number', description: 'Overall score of the run, typically 0..1.' },
          metrics: {
            type: 'object',
            description: 'Named scores of the run (e.g. { "helpfulness": 0.8 }); their means are compared.',
            additionalProperties: { type: 'number' },
          },
          error: {
            type: 'boolean',
            description:
              'The run errored (provider failure) rather than failing an assertion; it counts as not passing.',
          },
        },
      },
    },
  },
};
