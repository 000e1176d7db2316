import type { JsonSchema } from './common.js';
import { DRAFT_07, SCHEMA_ID_BASE, editorSchemaKey, radiusSchema } from './common.js';

const stringList = (description: string): JsonSchema => ({
  type: 'array',
  description,
  items: { type: 'string', minLength: 1 },
});

const signoffCount = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });

const fraction = (description: string): JsonSchema => ({
  type: 'number',
  minimum: 0,
  maximum: 1,
  description,
});

/** agentgate.yaml; every key optional. */
export const configSchema: JsonSchema = {
  $schema: DRAFT_07,
  $id: `${SCHEMA_ID_BASE}config.json`,
  title: 'agentgate config (agentgate.yaml)',
  description:
    'Every key is optional. Always read from the base commit: a pull request cannot loosen its own gate.',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: editorSchemaKey,
    version: { const: 1, description: 'Config format version.' },
    extends: {
      type: 'object',
      description:
        'A floor this config sits on: it can only tighten. { path } reads it from this repository at the base commit (relative) or from the machine (absolute); { repository, path, ref } fetches it at that commit through the contents API.',
      additionalProperties: false,
      required: ['path'],
      properties: {
        path: { type: 'string', minLength: 1, description: 'The floor file (agentgate.yaml format).' },
        repository: {
          type: 'string',
          pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$',
          description: 'OWNER/NAME of the repository holding the floor.',
        },
        ref: {
          type: 'string',
          pattern: '^[0-9a-f]{40}$',
          description: 'The full commit sha to read the floor at: never a branch, which could move.',
        },
      },
      dependencies: { repository: ['ref'], ref: ['repository'] },
    },
    planes: {
      type: 'object',
      additionalProperties: false,
      properties: {
        data: {
          type: 'object',
          description: 'The behaviour plane: prompts, examples, output schemas, model choice.',
          additionalProperties: false,
          properties: {
            paths: stringList('Globs of data-plane files (default registry/prompts/**).'),
            reviewers: stringList('Users or @org/team slugs; default: the CODEOWNERS owners of these paths.'),
            versionBump: {
              type: 'string',
              enum: ['required', 'warn', 'off'],
              description: 'Whether a changed prompt must change its version (default required).',
            },
            eval: {
              type: 'object',
              description: 'Behavioural verdict from eval results.',
              additionalProperties: false,
              properties: {
                results: { type: 'string', description: 'Head eval results file.' },
                baseline: { type: 'string', description: 'Baseline eval results file.' },
                maxPassRateDrop: fraction(
                  'Largest pass-rate drop allowed, 0..1 (default 0.02: a drop over 2 points fails).',
                ),
                minPassRate: fraction('Lowest pass rate allowed, 0..1.'),
              },
            },
          },
        },
        control: {
          type: 'object',
          description: 'The authority plane: tools, scopes, credentials, egress, MCP servers, bindings.',
          additionalProperties: false,
          properties: {
            paths: stringList('Globs of control-plane files (default registry/tools/**).'),
            reviewers: stringList('Users or @org/team slugs; default: the CODEOWNERS owners of these paths.'),
            signers: stringList('Users or @org/team slugs allowed to sign off; default: the reviewers.'),
            signoffs: {
              type: 'object',
              description: 'Sign-offs required by the highest radius among added or widened tools.',
              additionalProperties: false,
              properties: {
                none: signoffCount('Default 0.'),
                read: signoffCount('Default 1.'),
                write: signoffCount('Default 1.'),
                irreversible: signoffCount('Default 1.'),
                privileged: signoffCount('Default 2.'),
                narrowing: signoffCount('For changes that only narrow (revocations); default 0.'),
              },
            },
            maxRadius: {
              ...radiusSchema,
              description: 'Highest radius the gate lets through (default privileged).',
            },
            internalHosts: stringList('Egress to these hosts is not "outside the organisation".'),
          },
        },
      },
    },
    radius: {
      type: 'object',
      additionalProperties: false,
      properties: {
        actions: {
          type: 'object',
          description:
            'Extra action -> radius floors, merged over the defaults, e.g. { refund: irreversible }.',
          propertyNames: { pattern: '^[A-Za-z0-9_*.-]+$' },
          additionalProperties: radiusSchema,
        },
      },
    },
    release: {
      type: 'object',
      description:
        'What a runtime trusts in a released bundle (--bundle): the keys or the workflow identity that sign releases.',
      additionalProperties: false,
      properties: {
        publicKeys: stringList(
          'Ed25519 public keys (PEM, SPKI) whose signature (<bundle>.sig) the runtime accepts; with any pinned, an unsigned bundle is refused.',
        ),
        signer: {
          type: 'object',
          description:
            'The GitHub Actions workflow whose artifact attestation (<bundle>.sigstore.json) the runtime accepts.',
          additionalProperties: false,
          required: ['repository', 'workflow', 'ref'],
          properties: {
            repository: { type: 'string', minLength: 1, description: 'owner/name of the repository.' },
            workflow: {
              type: 'string',
              minLength: 1,
              description: 'The workflow file, e.g. .github/workflows/agentgate-release.yml.',
            },
            ref: {
              type: 'string',
              minLength: 1,
              description:
                'The ref it ran on, e.g. refs/heads/main or refs/tags/v* (`*` matches any run of characters). Required: a run of the workflow on any other branch, changed there by anyone who may push, could attest anything.',
            },
          },
        },
      },
    },
    sources: {
      type: 'object',
      description:
        'Where else authority lives, keyed by source kind (mcp-config, mcp-registry, claude-code, copilot, gh-aw) or adapter id (mcp-json, vscode-mcp-json, claude-agents…). false turns it off; { paths } adds globs it reads; { inert } adds keys that only describe. Every default stays on unless turned off.',
      propertyNames: { pattern: '^[a-z][a-z0-9-]*$' },
      additionalProperties: {
        oneOf: [
          { type: 'boolean', description: 'false: do not read this source; true: the defaults.' },
          {
            type: 'object',
            additionalProperties: false,
            properties: {
              enabled: { type: 'boolean', description: 'false: do not read this source (default true).' },
              paths: stringList('Extra globs read by this source, beside its default paths.'),
              inert: {
                type: 'array',
                description:
                  "Keys that only describe, at the top level of this source's front matter or settings: data plane, no sign-off. A key the client reads as authority stays authority. Read from the base commit's config only.",
                items: { type: 'string', minLength: 1, pattern: '^\\S+$' },
                uniqueItems: true,
              },
            },
          },
        ],
      },
    },
    waivers: {
      type: 'array',
      description:
        'Each silences one finding on one tool, server or agent until a date; expired waivers are reported.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tool', 'code', 'owner', 'reason', 'expires'],
        properties: {
          kind: {
            enum: ['tool', 'server', 'agent'],
            description: 'What `tool` names: a tool (or prompt id, the default), a server, or an agent.',
          },
          tool: {
            type: 'string',
            minLength: 1,
            description: 'Name of the tool (or prompt id), server or agent.',
          },
          code: { type: 'string', minLength: 1, description: 'Finding code, e.g. effect-understated.' },
          owner: { type: 'string', minLength: 1, description: 'Who answers for the waiver.' },
          reason: { type: 'string', minLength: 1, description: 'Why it is acceptable.' },
          expires: { type: 'string', format: 'date', description: 'Last day it applies (YYYY-MM-DD).' },
        },
      },
    },
  },
};
