// Turns ajv errors into one readable sentence each, with the field path they are about.
import type { ErrorObject } from './validators.js';
import type { FieldPath } from './yaml.js';

export interface SchemaProblem {
  /** the field the problem is about (for `required`/`additionalProperties`: the missing or unknown key) */
  path: (string | number)[];
  message: string;
}

/** At most this many problems per document: the first few are what a person fixes next. */
const MAX_PROBLEMS = 10;

export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  // a oneOf/anyOf says it once for all its branches; the branches' own failures are noise
  const alternatives = (errors ?? [])
    .filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
    .map((error) => `${error.schemaPath}/`);
  for (const error of errors ?? []) {
    // `if` only says that a `then` failed; the `then` error next to it is the useful one
    if (error.keyword === 'if') continue;
    if (alternatives.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    const problem = describeError(error);
    const key = `${problem.path.join('\0')}\0${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  return problems;
}

function describeError(error: ErrorObject): SchemaProblem {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema?.properties as object | undefined) ?? {}).filter(
        (k) => k !== '$schema',
      );
      const guess = closest(key, known);
      const hint = guess
        ? `; did you mean '${guess}'?`
        : known.length > 0
          ? `; known fields: ${known.join(', ')}`
          : '';
      return { path: [...path, key], message: `unknown field${hint}` };
    }
    case 'required':
      return { path: [...path, String(params.missingProperty)], message: 'required field is missing' };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}${got(error)}`,
      };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}${got(error)}` };
    case 'type':
      return { path, message: `must be ${describeType(String(params.type))}${got(error)}` };
    case 'pattern':
      return { path, message: `must match ${String(params.pattern)}${got(error)}` };
    case 'format':
      return { path, message: `must be ${describeFormat(String(params.format))}${got(error)}` };
    case 'oneOf':
    case 'anyOf':
      return { path, message: `must be ${describeAlternatives(error.schema)}${got(error)}` };
    default:
      return { path, message: `${error.message ?? 'is invalid'}${got(error)}` };
  }
}

function describeAlternatives(branches: unknown): string {
  if (!Array.isArray(branches)) return 'one of the allowed forms';
  const forms = branches.map((branch: { type?: unknown; pattern?: unknown }) => {
    const type = typeof branch.type === 'string' ? describeType(branch.type) : 'a value';
    return typeof branch.pattern === 'string' ? `${type} matching ${branch.pattern}` : type;
  });
  return forms.join(', or ');
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

function describeType(type: string): string {
  if (type === 'object') return 'a mapping (object)';
  if (type === 'array') return 'a list';
  if (type === 'integer') return 'an integer';
  return `a ${type}`;
}

function describeFormat(format: string): string {
  if (format === 'date') return 'a date (YYYY-MM-DD)';
  if (format === 'date-time') return 'a date-time (RFC 3339)';
  if (format === 'uri') return 'an absolute URI';
  return `a valid ${format}`;
}

/** The offending value, when it is a short scalar: escaped, so hidden characters show. */
function got(error: ErrorObject): string {
  const data: unknown = error.data;
  if (data === null || ['string', 'number', 'boolean'].includes(typeof data)) {
    const text = JSON.stringify(data);
    return text.length <= 80 ? ` (got ${escapeNonAscii(text)})` : '';
  }
  if (Array.isArray(data)) return ' (got a list)';
  if (typeof data === 'object') return ' (got a mapping)';
  return '';
}

export function escapeNonAscii(text: string): string {
  return text.replace(/[^\x20-\x7e]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

function closest(key: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export type { FieldPath };
