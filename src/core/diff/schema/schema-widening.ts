import { canonicalEqual, canonicalJson } from '../../../model/canonical-json.js';
import { ANNOTATIONS, LOWER_BOUNDS, TEXT_KEYS, UPPER_BOUNDS } from './schema-keywords.js';
import {
  isObject,
  join,
  labelOf,
  narrow,
  presence,
  same,
  shorten,
  show,
  unprovable,
  widen,
} from './schema-notes.js';
import type { Handler, NoteKind, Notes, SchemaChangeKind } from './schema-notes.js';
import { compareOneOf } from './schema-one-of.js';
import { findReferenceHazards } from './schema-references.js';
import { holdsUnevaluated } from './schema-unevaluated.js';
import { malformedAt } from './schema-well-formed.js';
import type { JsonObject, JsonValue } from '../../../model/types.js';

/**
 * Does the new inputSchema accept more arguments than the old one? Only the keywords modelled below are
 * trusted to narrow; a change to any other validation keyword (`not`, `if`, `$ref`, `dependentRequired`,
 * ...) is reported as widened, because a gate must not pass what it cannot prove narrower. References are
 * judged apart (schema-references.ts): a change anything may resolve to is widened.
 */

export type { SchemaChangeKind };

export interface SchemaComparison {
  kind: SchemaChangeKind;
  details: string[];
}

export function compareInputSchemas(before?: JsonObject, after?: JsonObject): SchemaComparison {
  if (before === undefined && after === undefined) return { kind: 'same', details: [] };
  if (after === undefined)
    return { kind: 'widened', details: ['inputSchema removed (any arguments accepted)'] };
  if (before === undefined) return { kind: 'narrowed', details: ['inputSchema added'] };
  if (canonicalEqual(before, after)) return { kind: 'same', details: [] };
  const notes: Notes = [];
  compareNode(before, after, '', notes);
  if (notes.length === 0)
    notes.push({ kind: 'changed', detail: 'schema rewritten without changing what it accepts' });
  addReferenceHazards(before, after, notes);
  addUnevaluatedHazard(before, after, notes);
  addMalformedBase(before, notes);
  return { kind: overallKind(notes), details: notes.map((note) => note.detail) };
}

const HAZARD_LINES = 20;

function addReferenceHazards(before: JsonObject, after: JsonObject, notes: Notes): void {
  const hazards = findReferenceHazards(before, after);
  // A schema with thousands of references must not print thousands of lines: the first few say enough.
  for (const detail of hazards.widened.slice(0, HAZARD_LINES)) notes.push({ kind: 'widened', detail });
  const hidden = hazards.widened.length - HAZARD_LINES;
  if (hidden > 0) notes.push({ kind: 'widened', detail: `(and ${hidden} more changes behind references)` });
  // A reference that may land anywhere makes every change but plain text a possible widening.
  if (hazards.unresolved.length > 0 && notes.some((note) => note.kind !== 'widened' && !note.text)) {
    const more = hazards.unresolved.length > 1 ? ` (and ${hazards.unresolved.length - 1} more)` : '';
    const detail = `${hazards.unresolved[0]}${more}: any change may lie behind it (cannot prove narrower)`;
    notes.push({ kind: 'widened', detail });
  }
}

function addUnevaluatedHazard(before: JsonObject, after: JsonObject, notes: Notes): void {
  const key = holdsUnevaluated(before) ?? holdsUnevaluated(after);
  if (key === undefined || !notes.some((note) => note.kind !== 'widened' && !note.text)) return;
  widen(
    notes,
    `${key} weighs every sibling keyword: any change may let more through (cannot prove narrower)`,
  );
}

/** The runtime refused every call under a schema the validator cannot compile: nothing after it is narrower. */
function addMalformedBase(before: JsonObject, notes: Notes): void {
  const where = malformedAt(before);
  if (where === undefined || !notes.some((note) => note.kind !== 'widened' && !note.text)) return;
  widen(notes, `${where} was malformed, so every call was refused: any change may let calls through`);
}

/** A narrowing is only a narrowing when nothing else changed beside it: a `changed` never rides along. */
function overallKind(notes: Notes): NoteKind {
  if (notes.some((note) => note.kind === 'widened')) return 'widened';
  if (notes.some((note) => note.kind === 'changed')) return 'changed';
  return 'narrowed';
}

function isUnconstrained(schema: JsonValue | undefined): boolean {
  if (schema === undefined || schema === true) return true;
  return isObject(schema) && Object.keys(schema).every((key) => ANNOTATIONS.has(key) || key.startsWith('x-'));
}

/** Compares two subschemas; `undefined` is an absent keyword, which accepts anything. */
function compareNode(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  path: string,
  notes: Notes,
): void {
  if (same(before, after)) return;
  const label = labelOf(path);
  if (before === false) {
    notes.push({ kind: 'widened', detail: `${label} was false, now ${show(after)}` });
    return;
  }
  if (after === false) {
    notes.push({ kind: 'narrowed', detail: `${label} is now false (was ${show(before)})` });
    return;
  }
  const beforeIsSchema = before === undefined || before === true || isObject(before);
  const afterIsSchema = after === undefined || after === true || isObject(after);
  if (!beforeIsSchema || !afterIsSchema) {
    notes.push({ kind: 'widened', detail: `${label} changed to ${show(after)} (cannot prove narrower)` });
    return;
  }
  const beforeFree = isUnconstrained(before);
  const afterFree = isUnconstrained(after);
  if (!beforeFree && afterFree) {
    notes.push({ kind: 'widened', detail: `${label} is no longer constrained` });
    return;
  }
  if (beforeFree && !afterFree) {
    notes.push({ kind: 'narrowed', detail: `${label} is now constrained` });
    return;
  }
  compareKeywords(isObject(before) ? before : {}, isObject(after) ? after : {}, path, notes);
}

function compareKeywords(before: JsonObject, after: JsonObject, path: string, notes: Notes): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const b = before[key];
    const a = after[key];
    if (same(b, a)) continue;
    const keyPath = join(path, key);
    const count = notes.length;
    handlerFor(key)(b, a, keyPath, notes, { before, after });
    // A respelling the handler found harmless (`"string"` -> `["string"]`) still differs: say so.
    if (notes.length === count) notes.push({ kind: 'changed', detail: `${keyPath} changed` });
  }
}

function handlerFor(key: string): Handler {
  // The dialect decides what every other keyword means (draft-07 ignores `$ref` siblings, 2020-12 `items`).
  if (key === '$schema') return compareUnknown;
  if (ANNOTATIONS.has(key) || key.startsWith('x-')) {
    return key === '$defs' || key === 'definitions' ? compareDefinitions : compareAnnotation(key);
  }
  if (UPPER_BOUNDS.has(key)) return compareBound('upper');
  if (LOWER_BOUNDS.has(key)) return compareBound('lower');
  return (Object.hasOwn(HANDLERS, key) ? HANDLERS[key] : undefined) ?? compareUnknown;
}

const isText = (value: JsonValue | undefined): boolean => value === undefined || typeof value === 'string';

const compareAnnotation =
  (key: string): Handler =>
  (before, after, keyPath, notes) => {
    const text = TEXT_KEYS.has(key) && isText(before) && isText(after);
    notes.push({ kind: 'changed', detail: `${keyPath} changed`, ...(text ? { text } : {}) });
  };

const compareUnknown: Handler = (before, after, keyPath, notes) => unprovable(before, after, keyPath, notes);

const compareDefinitions: Handler = (before, after, keyPath, notes) => {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  for (const name of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
    const path = join(keyPath, name);
    if (!Object.hasOwn(a, name)) notes.push({ kind: 'changed', detail: `${path} removed` });
    else if (!Object.hasOwn(b, name)) notes.push({ kind: 'changed', detail: `${path} added` });
    else compareNode(b[name], a[name], path, notes);
  }
};

function compareBound(side: 'upper' | 'lower'): Handler {
  return (before, after, keyPath, notes) =>
    presence(before, after, keyPath, notes, () => {
      if (typeof before === 'number' && typeof after === 'number') {
        const raised = after > before;
        const loosens = side === 'upper' ? raised : !raised;
        const detail = `${keyPath} ${raised ? 'raised' : 'lowered'} from ${before} to ${after}`;
        notes.push({ kind: loosens ? 'widened' : 'narrowed', detail });
      } else if (typeof before === 'boolean' && typeof after === 'boolean') {
        // draft-4 exclusiveMaximum/exclusiveMinimum: true is the stricter bound
        notes.push({
          kind: before ? 'widened' : 'narrowed',
          detail: `${keyPath} changed from ${before} to ${after}`,
        });
      } else {
        widen(notes, `${keyPath} changed from ${show(before)} to ${show(after)} (cannot prove narrower)`);
      }
    });
}

function typeSet(value: JsonValue | undefined): Set<string> | undefined {
  if (typeof value === 'string') return new Set([value]);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return new Set(value as string[]);
  return undefined;
}

const typeCovered = (type: string, set: Set<string>): boolean =>
  set.has(type) || (type === 'integer' && set.has('number'));

const compareType: Handler = (before, after, keyPath, notes) =>
  presence(before, after, keyPath, notes, () => {
    const b = typeSet(before);
    const a = typeSet(after);
    if (!b || !a) return unprovable(before, after, keyPath, notes);
    for (const type of [...a].sort()) if (!typeCovered(type, b)) widen(notes, `${keyPath} gained "${type}"`);
    for (const type of [...b].sort()) if (!typeCovered(type, a)) narrow(notes, `${keyPath} lost "${type}"`);
  });

/** Set comparison by canonical JSON; `growth` says what a new member means. */
function compareMembers(growth: 'widens' | 'narrows', noun: string): Handler {
  return (before, after, keyPath, notes) =>
    presence(before, after, keyPath, notes, () => {
      if (!Array.isArray(before) || !Array.isArray(after)) return unprovable(before, after, keyPath, notes);
      const b = new Set(before.map(canonicalJson));
      const a = new Set(after.map(canonicalJson));
      const gained = growth === 'widens' ? widen : narrow;
      const lost = growth === 'widens' ? narrow : widen;
      for (const item of a) if (!b.has(item)) gained(notes, `${keyPath} gained ${noun}${shorten(item)}`);
      for (const item of b) if (!a.has(item)) lost(notes, `${keyPath} lost ${noun}${shorten(item)}`);
    });
}

const compareRequired: Handler = (before, after, keyPath, notes) => {
  const names = (value: JsonValue | undefined): Set<string> =>
    new Set(Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const b = names(before);
  const a = names(after);
  for (const name of [...b].sort()) if (!a.has(name)) widen(notes, `${keyPath} no longer has "${name}"`);
  for (const name of [...a].sort()) if (!b.has(name)) narrow(notes, `${keyPath} now has "${name}"`);
};

/** Replaces "was X, now Y" with a precise verb for the usual one-way changes. */
const compareChangedValue =
  (what: string): Handler =>
  (before, after, keyPath, notes) =>
    presence(before, after, keyPath, notes, () =>
      widen(notes, `${keyPath} changed from ${show(before)} to ${show(after)}${what}`),
    );

const compareProperties: Handler = (before, after, keyPath, notes, parents) => {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  for (const name of [...new Set([...Object.keys(b), ...Object.keys(a)])].sort()) {
    const path = join(keyPath, name);
    if (Object.hasOwn(b, name) && Object.hasOwn(a, name)) compareNode(b[name], a[name], path, notes);
    else if (Object.hasOwn(a, name))
      compareAddedProperty(parents.before.additionalProperties, a[name], path, notes);
    else compareRemovedProperty(b[name], parents.after, path, notes);
  }
};

/** A new property used to be judged by the old additionalProperties. */
function compareAddedProperty(
  fallback: JsonValue | undefined,
  schema: JsonValue | undefined,
  path: string,
  notes: Notes,
) {
  if (fallback === false) widen(notes, `${path} added while additionalProperties is false`);
  else if (isUnconstrained(fallback)) {
    if (isUnconstrained(schema)) notes.push({ kind: 'changed', detail: `${path} added (unconstrained)` });
    else narrow(notes, `${path} added (was unconstrained)`);
  } else compareNode(fallback, schema, path, notes);
}

/** A dropped property is now judged by the new additionalProperties (and maybe patternProperties). */
function compareRemovedProperty(
  schema: JsonValue | undefined,
  after: JsonObject,
  path: string,
  notes: Notes,
) {
  const fallback = after.additionalProperties;
  if (after.patternProperties !== undefined) {
    widen(notes, `${path} removed (cannot prove patternProperties reject it)`);
  } else if (fallback === false) {
    narrow(notes, `${path} removed while additionalProperties is false`);
  } else if (isUnconstrained(fallback)) {
    if (isUnconstrained(schema)) notes.push({ kind: 'changed', detail: `${path} removed` });
    else widen(notes, `${path} removed (now unconstrained)`);
  } else compareNode(schema, fallback, path, notes);
}

const compareSubschema: Handler = (before, after, keyPath, notes) =>
  compareNode(before, after, keyPath, notes);

const compareItems: Handler = (before, after, keyPath, notes) => {
  if (!Array.isArray(before) && !Array.isArray(after)) return compareNode(before, after, keyPath, notes);
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) {
    return unprovable(before, after, keyPath, notes);
  }
  before.forEach((item, index) => compareNode(item, after[index], `${keyPath}[${index}]`, notes));
};

const comparePatternProperties: Handler = (before, after, keyPath, notes) => {
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const bKeys = Object.keys(b).sort();
  const aKeys = Object.keys(a).sort();
  if (canonicalJson(bKeys) !== canonicalJson(aKeys)) return unprovable(before, after, keyPath, notes);
  for (const pattern of aKeys) compareNode(b[pattern], a[pattern], join(keyPath, pattern), notes);
};

const compareUniqueItems: Handler = (before, after, keyPath, notes) => {
  if (before === true && after !== true) widen(notes, `${keyPath} no longer true`);
  else if (before !== true && after === true) narrow(notes, `${keyPath} is now true`);
};

/**
 * A multiple of a multiple of n is a multiple of n, but only in exact arithmetic: a validator divides floats
 * (0.3 / 0.1 is not 3), so only whole numbers, whose quotients are exact, prove it.
 */
const compareMultipleOf: Handler = (before, after, keyPath, notes) =>
  presence(before, after, keyPath, notes, () => {
    const whole = (value: JsonValue | undefined): value is number =>
      Number.isSafeInteger(value) && (value as number) > 0;
    if (!whole(before) || !whole(after) || after % before !== 0) {
      return widen(notes, `${keyPath} changed from ${before} to ${after} (cannot prove narrower)`);
    }
    narrow(notes, `${keyPath} changed from ${before} to ${after}`);
  });

/** `minContains` left out means 1: adding `minContains: 0` drops the need for any match. */
const compareMinContains: Handler = (before, after, keyPath, notes) =>
  compareBound('lower')(before ?? 1, after ?? 1, keyPath, notes, { before: {}, after: {} });

const HANDLERS: Record<string, Handler> = {
  type: compareType,
  enum: compareMembers('widens', ''),
  const: compareChangedValue(''),
  pattern: compareChangedValue(' (cannot prove narrower)'),
  format: compareChangedValue(''),
  required: compareRequired,
  properties: compareProperties,
  additionalProperties: compareSubschema,
  patternProperties: comparePatternProperties,
  items: compareItems,
  anyOf: compareMembers('widens', 'a branch '),
  oneOf: compareOneOf,
  allOf: compareMembers('narrows', 'a branch '),
  uniqueItems: compareUniqueItems,
  multipleOf: compareMultipleOf,
  minContains: compareMinContains,
};
