// Validates a request against GitHub's own OpenAPI description (@octokit/openapi): path parameters, query
// parameters and JSON body of the operation, with $refs resolved and ajv compiling each schema once.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Json;
}
interface Operation {
  template: string;
  method: string;
  operationId: string;
  regex: RegExp;
  pathNames: string[];
  parameters: Parameter[];
  body: { required: boolean; schema: Json } | null;
}

let spec: Json | null = null;
function loadSpec(): Json {
  if (spec) return spec;
  const require = createRequire(import.meta.url);
  const path = require.resolve('@octokit/openapi/generated/api.github.com.json');
  spec = JSON.parse(readFileSync(path, 'utf8')) as Json;
  return spec;
}

function resolveRefs(value: unknown, root: Json, seen: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, root, seen));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Json;
  if (typeof obj.$ref === 'string') {
    const ref = obj.$ref;
    if (seen.includes(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return resolveRefs(target, root, [...seen, ref]);
  }
  const out: Json = {};
  for (const [key, item] of Object.entries(obj)) {
    if (key === 'examples' || key === 'example') continue;
    out[key] = resolveRefs(item, root, seen);
  }
  return out;
}

const operations = new Map<string, Operation>();
const ajv = new Ajv({ strict: false, allErrors: true });
const validators = new WeakMap<Json, ValidateFunction>();

/** The operation for one method and OpenAPI path template, e.g. ('POST', '/repos/{owner}/{repo}/statuses/{sha}'). */
export function operationFor(method: string, template: string): Operation {
  const key = `${method.toUpperCase()} ${template}`;
  const cached = operations.get(key);
  if (cached) return cached;
  const root = loadSpec();
  const pathItem = (root.paths as Json)[template] as Json | undefined;
  const raw = pathItem?.[method.toLowerCase()] as Json | undefined;
  if (!raw) throw new Error(`no OpenAPI operation ${key}`);
  const op = resolveRefs(raw, root) as Json;
  const pathNames: string[] = [];
  const regex = new RegExp(
    `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
      pathNames.push(name);
      // a contents path keeps its slashes
      return name === 'path' ? '(.+)' : '([^/]+)';
    })}$`,
  );
  const content = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.[
    'application/json'
  ] as Json | undefined;
  const operation: Operation = {
    template,
    method: method.toUpperCase(),
    operationId: String(op.operationId),
    regex,
    pathNames,
    parameters: ((op.parameters as Parameter[] | undefined) ?? []).filter((p) => p.in !== 'header'),
    body: content
      ? { required: (op.requestBody as Json).required === true, schema: content.schema as Json }
      : null,
  };
  operations.set(key, operation);
  return operation;
}

function validatorFor(schema: Json): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

function coerce(raw: string, schema: Json): unknown {
  if (schema.type === 'integer' || schema.type === 'number')
    return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
  return raw;
}

/** Problems with one request, as sentences; empty when GitHub's schema accepts it. */
export function validateRequest(
  operation: Operation,
  pathname: string,
  query: URLSearchParams,
  body: unknown,
): string[] {
  const problems: string[] = [];
  const where = `${operation.method} ${operation.template} (${operation.operationId})`;
  const match = operation.regex.exec(pathname);
  if (!match) return [`${where}: path ${pathname} does not fit the template`];
  const check = (label: string, value: unknown, schema: Json) => {
    const validate = validatorFor(schema);
    if (!validate(value)) problems.push(`${where}: ${label} ${ajv.errorsText(validate.errors)}`);
  };
  operation.pathNames.forEach((name, index) => {
    const param = operation.parameters.find((p) => p.in === 'path' && p.name === name);
    const raw = decodeURIComponent(match[index + 1] as string);
    if (!param) problems.push(`${where}: path parameter ${name} is not described`);
    else check(`path parameter ${name}`, coerce(raw, param.schema), param.schema);
  });
  for (const [name, raw] of query) {
    const param = operation.parameters.find((p) => p.in === 'query' && p.name === name);
    if (!param) problems.push(`${where}: unknown query parameter ${name}`);
    else check(`query parameter ${name}`, coerce(raw, param.schema), param.schema);
  }
  for (const param of operation.parameters) {
    if (param.in === 'query' && param.required && !query.has(param.name))
      problems.push(`${where}: missing query parameter ${param.name}`);
  }
  if (body === undefined) {
    if (operation.body?.required) problems.push(`${where}: missing JSON body`);
    return problems;
  }
  if (!operation.body) return [...problems, `${where}: takes no body`];
  check('body', body, operation.body.schema);
  const known = Object.keys((operation.body.schema.properties as Json | undefined) ?? {});
  if (typeof body === 'object' && body !== null && known.length > 0) {
    for (const key of Object.keys(body))
      if (!known.includes(key)) problems.push(`${where}: body field ${key} is not in the schema`);
  }
  return problems;
}
