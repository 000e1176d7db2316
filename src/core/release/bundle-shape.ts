// Every field of a control bundle the runtime reads, checked for the type the release wrote. A digest proves the
// bundle was not changed after it was sealed, not that whoever sealed it wrote something the runtime can read: a
// field of another type is refused whole, never half-read (a string `protectedTargets` would be read as letters).

export type ShapeProblem = { field: string; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const RADII = ['none', 'read', 'write', 'irreversible', 'privileged'];

type Check = (value: unknown) => string | null;
const string: Check = (v) => (typeof v === 'string' ? null : 'must be a string');
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'must be a boolean');
const object: Check = (v) => (isObject(v) ? null : 'must be an object');
const strings: Check = (v) => (isStringArray(v) ? null : 'must be an array of strings');
const oneOf =
  (...allowed: string[]): Check =>
  (v) =>
    typeof v === 'string' && allowed.includes(v) ? null : `must be one of ${allowed.join(', ')}`;
const anything: Check = () => null;
const array: Check = (v) => (Array.isArray(v) ? null : 'must be an array');

/** The fields of an object: each known one checked when present (required ones always), an unknown one refused. */
function fields(
  value: unknown,
  at: string,
  required: Record<string, Check>,
  optional: Record<string, Check>,
): ShapeProblem | null {
  if (!isObject(value)) return { field: at, message: 'must be an object' };
  for (const [key, check] of Object.entries(required)) {
    if (!(key in value)) return { field: `${at}.${key}`, message: 'is missing' };
    const message = check(value[key]);
    if (message) return { field: `${at}.${key}`, message };
  }
  for (const key of Object.keys(value)) {
    if (key in required) continue;
    const check = Object.hasOwn(optional, key) ? optional[key] : undefined;
    // a key the runtime does not know may be a rule it would not enforce: refused, never ignored
    if (check === undefined) return { field: `${at}.${key}`, message: 'is not a field of a released bundle' };
    const message = check(value[key]);
    if (message) return { field: `${at}.${key}`, message };
  }
  return null;
}

const credentials: Check = (v) =>
  Array.isArray(v) && v.every((c) => isObject(c) && typeof c.name === 'string' && isStringArray(c.scopes))
    ? null
    : 'must be an array of { name, scopes }';
const sourceRef: Check = (v) =>
  isObject(v) && typeof v.path === 'string' && typeof v.line === 'number' ? null : 'must be { path, line }';

function policyProblem(value: unknown, at: string): ShapeProblem | null {
  return fields(
    value,
    at,
    {},
    { protectedTargets: strings, targetField: string, requireChangeRequest: boolean },
  );
}

function toolProblem(value: unknown, at: string): ShapeProblem | null {
  const problem = fields(
    value,
    at,
    {
      name: string,
      scopes: strings,
      credentials,
      egress: strings,
      dataAccess: oneOf('none', 'internal', 'sensitive'),
      untrustedInput: boolean,
      approval: oneOf('none', 'human'),
    },
    {
      server: string,
      description: string,
      owner: string,
      effect: oneOf(...RADII),
      rateLimit: (v) =>
        isObject(v) && typeof v.calls === 'number' && typeof v.per === 'string'
          ? null
          : 'must be { calls, per }',
      inputSchema: object,
      policy: object,
      annotations: object,
      transport: anything,
      source: sourceRef,
    },
  );
  if (problem) return problem;
  const tool = value as Record<string, unknown>;
  if (tool.policy !== undefined) return policyProblem(tool.policy, `${at}.policy`);
  return null;
}

function serverProblem(value: unknown, at: string): ShapeProblem | null {
  if (!isObject(value)) return { field: at, message: 'must be an object' };
  // servers are records of what a client config says; their own fields grow with the clients, so only the
  // fields the runtime reads are held to a type here (and the digest and signature hold the rest)
  const checks: Record<string, Check> = {
    name: string,
    origin: string,
    transport: object,
    credentials,
    egress: strings,
  };
  for (const [key, check] of Object.entries(checks)) {
    const message = check(value[key]);
    if (message) return { field: `${at}.${key}`, message };
  }
  for (const key of ['tools', 'includeTools', 'excludeTools'] as const)
    if (value[key] !== undefined && !isStringArray(value[key]))
      return { field: `${at}.${key}`, message: 'must be an array of strings' };
  for (const key of ['trust', 'enabled'] as const)
    if (value[key] !== undefined && typeof value[key] !== 'boolean')
      return { field: `${at}.${key}`, message: 'must be a boolean' };
  return null;
}

const each =
  (item: (value: unknown, at: string) => ShapeProblem | null) =>
  (value: unknown, at: string): ShapeProblem | null => {
    if (!Array.isArray(value)) return { field: at, message: 'must be an array' };
    for (const [i, entry] of value.entries()) {
      const problem = item(entry, `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };

const binding = (value: unknown, at: string) => fields(value, at, { agent: string, tools: strings }, {});
const permission = (value: unknown, at: string) =>
  fields(
    value,
    at,
    { scope: string, effect: oneOf('allow', 'ask', 'deny'), rule: string, tool: string },
    { source: sourceRef },
  );

const positiveInteger: Check = (v) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? null : 'must be a whole number from 1';

/** The first field of a control bundle whose type is not the one the release wrote, or null. */
export function controlBundleProblem(value: Record<string, unknown>): ShapeProblem | null {
  const top = fields(
    value,
    'bundle',
    {
      schemaVersion: (v) => (v === 1 ? null : 'must be 1'),
      plane: (v) => (v === 'control' ? null : 'must be control'),
      version: positiveInteger,
      commit: (v) =>
        typeof v === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(v) ? null : 'must be a commit sha',
      previous: (v) =>
        v === null || (isObject(v) && positiveInteger(v.version) === null && typeof v.commit === 'string')
          ? null
          : 'must be null or { version, commit }',
      changes: object,
      tools: array,
      servers: array,
      bindings: array,
      permissions: array,
      digest: string,
    },
    {
      changelog: strings,
      radius: (v) =>
        isObject(v) &&
        (v.actions === undefined ||
          (isObject(v.actions) && Object.values(v.actions).every((r) => RADII.includes(r as string))))
          ? null
          : 'must be { actions: { action: radius } }',
    },
  );
  if (top) return { field: top.field.replace(/^bundle\.?/, ''), message: top.message };
  const problem =
    each(toolProblem)(value.tools, 'tools') ??
    each(serverProblem)(value.servers, 'servers') ??
    each(binding)(value.bindings, 'bindings') ??
    each(permission)(value.permissions, 'permissions');
  return problem;
}
