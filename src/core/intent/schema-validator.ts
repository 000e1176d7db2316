import AjvModule from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import Ajv2019Module from 'ajv/dist/2019.js';
import Ajv2020Module from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import { canonicalJson } from '../../model/canonical-json.js';

// ajv ships CommonJS; under NodeNext the default import is the module object, the class is on `.default`.
const Ajv = AjvModule.default;
const Ajv2019 = Ajv2019Module.default;
const Ajv2020 = Ajv2020Module.default;
const addFormats = formatsModule.default;

export interface SchemaViolation {
  /** JSON pointer into the validated value ('' for the value itself) */
  instancePath: string;
  /** JSON pointer into the schema, '#/...' */
  schemaPath: string;
  message: string;
}

export type SchemaCheck =
  | { kind: 'valid' }
  | { kind: 'invalid'; violations: SchemaViolation[] }
  | { kind: 'unusable-schema'; message: string };

type Draft = 'draft-07' | '2019-09' | '2020-12';
type AjvInstance = InstanceType<typeof Ajv>;
type Compiled = { kind: 'ok'; validate: ValidateFunction } | { kind: 'error'; message: string };

const instances = new Map<Draft, AjvInstance>();
const compiled = new Map<string, Compiled>();

/**
 * Validates `value` against a JSON Schema. Each distinct schema (by canonical JSON) is compiled once per
 * process: a guard checks every call of a long session against the same few schemas.
 * A schema ajv cannot compile is reported, not thrown: the caller fails closed on it.
 */
export function checkAgainstSchema(schema: object, value: unknown): SchemaCheck {
  const entry = compileCached(schema);
  if (entry.kind === 'error') return { kind: 'unusable-schema', message: entry.message };
  if (entry.validate(value)) return { kind: 'valid' };
  const violations = (entry.validate.errors ?? []).map(toViolation);
  violations.sort(compareViolations);
  return { kind: 'invalid', violations };
}

function compileCached(schema: object): Compiled {
  const key = canonicalJson(schema);
  const hit = compiled.get(key);
  if (hit) return hit;
  let entry: Compiled;
  try {
    // A root $id would register the schema globally in the ajv instance, and two tools reusing one $id for
    // different schemas would then collide; refs inside one schema resolve against the root without it.
    // $schema picked the instance already; left in, an unknown draft URI would make ajv refuse the schema.
    const { $id: _id, $schema: _schema, ...rest } = schema as Record<string, unknown>;
    entry = { kind: 'ok', validate: instanceFor(detectDraft(schema)).compile(rest) };
  } catch (error) {
    entry = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  compiled.set(key, entry);
  return entry;
}

function detectDraft(schema: object): Draft {
  const declared = (schema as { $schema?: unknown }).$schema;
  if (typeof declared !== 'string') return 'draft-07';
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('2019-09')) return '2019-09';
  return 'draft-07';
}

function instanceFor(draft: Draft): AjvInstance {
  let ajv = instances.get(draft);
  if (!ajv) {
    // strict: false because tool schemas come from third-party MCP servers that use unknown keywords freely
    const options = { allErrors: true, strict: false, validateFormats: true } as const;
    ajv =
      draft === '2020-12'
        ? new Ajv2020(options)
        : draft === '2019-09'
          ? new Ajv2019(options)
          : new Ajv(options);
    addFormats(ajv);
    instances.set(draft, ajv);
  }
  return ajv;
}

function toViolation(error: ErrorObject): SchemaViolation {
  let instancePath = error.instancePath;
  const params = error.params as Record<string, unknown>;
  // point at the missing / unexpected property itself rather than at its parent object
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    instancePath += '/' + escapePointer(params.missingProperty);
  } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    instancePath += '/' + escapePointer(params.additionalProperty);
  }
  let message = error.message ?? error.keyword;
  if (error.keyword === 'additionalProperties') message = 'is not an allowed property';
  if (error.keyword === 'required') message = 'is required';
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    message += ': ' + params.allowedValues.map((v) => JSON.stringify(v)).join(', ');
  }
  return { instancePath, schemaPath: error.schemaPath, message };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function compareViolations(a: SchemaViolation, b: SchemaViolation): number {
  return cmp(a.instancePath, b.instancePath) || cmp(a.schemaPath, b.schemaPath) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
