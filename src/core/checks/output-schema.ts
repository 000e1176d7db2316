import { canonicalJson } from '../../model/canonical-json.js';
import type { JsonObject, JsonValue } from '../../model/types.js';

/**
 * Changes to a prompt's `outputSchema` that can break whoever consumes the model's output: a field that
 * was guaranteed (required) or known (a property) disappears, a value may now have a type or an enum value
 * that consumers never received before. Narrowing (fewer types, fewer enum values, a new required field)
 * only gives consumers less to handle, so it is not reported. Combinators (anyOf, oneOf, $ref) are not
 * followed.
 */

export interface SchemaBreak {
  /** dotted path into the prompt, e.g. `outputSchema.properties.answer.type` */
  field: string;
  message: string;
}

export function findBreakingOutputChanges(
  before: JsonObject | undefined,
  after: JsonObject | undefined,
): SchemaBreak[] {
  if (before === undefined) return [];
  if (after === undefined) {
    return [
      { field: 'outputSchema', message: 'outputSchema was removed: consumers lose the output contract' },
    ];
  }
  const breaks: SchemaBreak[] = [];
  compareNode(before, after, 'outputSchema', '', breaks);
  return breaks;
}

function compareNode(
  before: JsonValue,
  after: JsonValue,
  field: string,
  where: string,
  out: SchemaBreak[],
): void {
  if (!isObject(before) || !isObject(after)) return;
  const subject = where === '' ? 'the output' : `output field \`${where}\``;
  compareTypes(before, after, field, subject, out);
  compareEnums(before, after, field, subject, out);

  const oldProps = isObject(before['properties']) ? before['properties'] : {};
  const newProps = isObject(after['properties']) ? after['properties'] : {};
  const newRequired = stringList(after['required']);
  for (const name of Object.keys(oldProps).sort()) {
    const child = where === '' ? name : `${where}.${name}`;
    const childField = `${field}.properties.${name}`;
    const oldChild = oldProps[name]!;
    const newChild = newProps[name];
    if (newChild === undefined) {
      out.push({ field: childField, message: `output field \`${child}\` was removed` });
      continue;
    }
    compareNode(oldChild, newChild, childField, child, out);
  }
  for (const name of stringList(before['required'])) {
    if (newRequired.includes(name) || (name in oldProps && !(name in newProps))) continue;
    const child = where === '' ? name : `${where}.${name}`;
    out.push({
      field: `${field}.required`,
      message: `output field \`${child}\` is no longer required: consumers may not receive it`,
    });
  }
  if (before['items'] !== undefined && after['items'] !== undefined) {
    compareNode(before['items'], after['items'], `${field}.items`, `${where}[]`, out);
  }
}

function compareTypes(
  before: JsonObject,
  after: JsonObject,
  field: string,
  subject: string,
  out: SchemaBreak[],
) {
  const oldTypes = typeList(before['type']);
  if (oldTypes === null) return;
  const newTypes = typeList(after['type']);
  if (newTypes === null) {
    out.push({
      field: `${field}.type`,
      message: `${subject} is no longer restricted to ${oldTypes.join('|')}`,
    });
    return;
  }
  const covered = (type: string) =>
    oldTypes.includes(type) || (type === 'integer' && oldTypes.includes('number'));
  const fresh = newTypes.filter((type) => !covered(type));
  if (fresh.length === 0) return;
  const verb = fresh.length < newTypes.length ? 'widened' : 'changed';
  out.push({
    field: `${field}.type`,
    message: `type of ${subject} ${verb} from ${oldTypes.join('|')} to ${newTypes.join('|')}: consumers may now receive ${fresh.join('|')}`,
  });
}

function compareEnums(
  before: JsonObject,
  after: JsonObject,
  field: string,
  subject: string,
  out: SchemaBreak[],
) {
  const oldValues = before['enum'];
  if (!Array.isArray(oldValues)) return;
  const newValues = after['enum'];
  if (!Array.isArray(newValues)) {
    out.push({ field: `${field}.enum`, message: `${subject} is no longer restricted to its enum values` });
    return;
  }
  const known = new Set(oldValues.map((value) => canonicalJson(value)));
  const fresh = newValues.filter((value) => !known.has(canonicalJson(value)));
  if (fresh.length === 0) return;
  out.push({
    field: `${field}.enum`,
    message: `${subject} may now be ${fresh.map((value) => JSON.stringify(value)).join(', ')} (new enum value${fresh.length === 1 ? '' : 's'})`,
  });
}

function typeList(value: JsonValue | undefined): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string').sort();
  return null;
}

function stringList(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
