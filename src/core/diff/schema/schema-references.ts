import { canonicalEqual, canonicalJson } from '../../../model/canonical-json.js';
import type { JsonValue } from '../../../model/types.js';

/**
 * What references (`$ref`, `$dynamicRef`, `$recursiveRef`) do to a schema comparison. The keyword
 * comparator reads a schema in place; a reference makes another part of the document apply where it stands,
 * so a change the comparator calls an annotation (`$defs`, `x-*`, `examples`, `default`) or a narrowing (under
 * `not`, the referenced part works backwards) can widen what the reference accepts. This module finds every
 * such hazard, failing closed:
 *
 * - a reference whose target it can resolve (`#`, `#/json/pointer` with `~0 ~1` and percent escapes, a plain
 *   `#anchor`) is widened when that target differs between the two documents;
 * - a reference it cannot resolve inside the document (remote, relative, anchored in an embedded resource,
 *   not a string) may point anywhere, so every change beyond plain text is widened (`unresolved`);
 * - in a document that holds any reference, a change to a member a reference can lean on (`$id`, `$anchor`,
 *   `$dynamicAnchor`, `$defs`, `definitions`, `default`, `examples`, `x-*`, `$schema`, ...) is widened;
 * - an embedded resource (a nested `$id`) can be the target of a reference elsewhere, even from another
 *   tool's schema in the same validator: it counts as an unresolved reference.
 *
 * Keys are matched wherever they sit, data positions included: a false alarm costs a sign-off, a miss costs
 * the gate.
 */

export interface ReferenceHazards {
  /** changes that widen what a reference may accept */
  widened: string[];
  /** references that cannot be resolved inside the document (then any change may lie behind them) */
  unresolved: string[];
}

const REFERENCE_KEYS = new Set(['$ref', '$dynamicRef', '$recursiveRef']);
const MEMBER_KEYS = new Set([
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$recursiveAnchor',
  '$defs',
  'definitions',
  'default',
  'examples',
  'example',
  '$schema',
  '$vocabulary',
]);
/** A walk past these limits is treated as unreadable (hostile shapes, shared subtrees): every change widens. */
const NODE_LIMIT = 200_000;
const DEPTH_LIMIT = 256;
const REFERENCE_LIMIT = 2_000;

type Segments = string[];

interface Reference {
  key: string;
  value: JsonValue;
  at: Segments;
}

interface SchemaIndex {
  references: Reference[];
  /** pointer -> value, for every member a reference may lean on */
  members: Map<string, JsonValue>;
  /** anchor name -> where it is declared */
  anchors: Map<string, Segments[]>;
  /** pointers of nested objects that start a resource of their own (a non-root `$id`) */
  embedded: string[];
  /** the walk gave up: treat the document as unreadable */
  truncated: boolean;
}

const isObject = (value: JsonValue | undefined): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function toPointer(segments: readonly string[]): string {
  return segments.map((segment) => '/' + segment.replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

function isMember(key: string, value: JsonValue): boolean {
  if (MEMBER_KEYS.has(key) || key.startsWith('x-')) return true;
  // draft-4 `id`; only a string, since `properties.id` is a common property name
  return key === 'id' && typeof value === 'string';
}

function idOf(node: { [key: string]: JsonValue }): string | undefined {
  const id = node.$id ?? node.id;
  return typeof id === 'string' ? id : undefined;
}

function indexSchema(root: JsonValue): SchemaIndex {
  const index: SchemaIndex = {
    references: [],
    members: new Map(),
    anchors: new Map(),
    embedded: [],
    truncated: false,
  };
  // Paths are kept as parent links and spelled out only where needed: copying them at every level would
  // make a deep document quadratic.
  const stack: Step[] = [{ node: root, at: undefined, depth: 0, inMember: false }];
  let visited = 0;
  while (stack.length > 0) {
    const { node, at, depth, inMember } = stack.pop() as Step;
    if (++visited > NODE_LIMIT || depth > DEPTH_LIMIT || index.references.length > REFERENCE_LIMIT) {
      index.truncated = true;
      return index;
    }
    const next = { depth: depth + 1, inMember };
    if (Array.isArray(node)) {
      node.forEach((item, position) =>
        stack.push({ node: item, at: { parent: at, key: String(position) }, ...next }),
      );
      continue;
    }
    if (!isObject(node)) continue;
    indexObject(node, at, inMember, index);
    for (const [key, value] of Object.entries(node)) {
      const member = inMember || isMember(key, value);
      stack.push({ node: value, at: { parent: at, key }, depth: depth + 1, inMember: member });
    }
  }
  return index;
}

interface Step {
  node: JsonValue;
  at: Trail;
  depth: number;
  /** under a member already recorded whole: its own members need no entry of their own */
  inMember: boolean;
}

type Trail = { parent: Trail; key: string } | undefined;

function segmentsOf(trail: Trail): Segments {
  const out: string[] = [];
  for (let step = trail; step !== undefined; step = step.parent) out.push(step.key);
  return out.reverse();
}

function indexObject(
  node: { [key: string]: JsonValue },
  trail: Trail,
  inMember: boolean,
  index: SchemaIndex,
): void {
  let known: Segments | undefined;
  const at = (): Segments => (known ??= segmentsOf(trail));
  const id = idOf(node);
  // `$id: "#name"` is draft 6/7's spelling of an anchor, not a new resource
  if (id !== undefined && trail !== undefined && !id.startsWith('#')) index.embedded.push(toPointer(at()));
  const names = [node.$anchor, node.$dynamicAnchor, id?.startsWith('#') ? id.slice(1) : undefined];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const list = index.anchors.get(name);
    if (list) list.push(at());
    else index.anchors.set(name, [at()]);
  }
  for (const [key, value] of Object.entries(node)) {
    if (REFERENCE_KEYS.has(key)) index.references.push({ key, value, at: at() });
    // Only the outermost member is kept whole: a change anywhere under it shows there, once.
    if (!inMember && isMember(key, value)) index.members.set(toPointer([...at(), key]), value);
  }
}

/** The value at a JSON pointer, by own members only (`__proto__` is a key like any other). */
function valueAt(root: JsonValue, segments: Segments): JsonValue | undefined {
  let node: JsonValue | undefined = root;
  for (const segment of segments) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      node = node[Number(segment)];
    } else if (isObject(node) && Object.hasOwn(node, segment)) {
      node = node[segment];
    } else {
      return undefined;
    }
  }
  return node;
}

type Resolution = { kind: 'target'; at: Segments } | { kind: 'unresolved'; why: string };

const unresolved = (why: string): Resolution => ({ kind: 'unresolved', why });

/** Where a reference lands inside its own document, when that can be known without a base URI. */
function resolve(reference: Reference, index: SchemaIndex): Resolution {
  // `$recursiveRef` starts at the root and may jump to any `$recursiveAnchor`: the whole document.
  if (reference.key === '$recursiveRef') return { kind: 'target', at: [] };
  const { value } = reference;
  if (typeof value !== 'string') return unresolved('is not a string');
  if (index.embedded.length > 0) return unresolved('sits in a document with embedded resources');
  if (!value.startsWith('#')) return unresolved('points outside the document');
  let fragment: string;
  try {
    fragment = decodeURIComponent(value.slice(1));
  } catch {
    return unresolved('has a malformed percent-escape');
  }
  if (fragment === '') return { kind: 'target', at: [] };
  if (fragment.startsWith('/')) {
    const raw = fragment.slice(1).split('/');
    if (raw.some((segment) => /~(?![01])/.test(segment))) return unresolved('has a malformed ~ escape');
    const at = raw.map(unescapeSegment);
    // RFC 6901 decodes the fragment before splitting it; ajv splits first. `%2F` and `%7E` would then name
    // two different targets: the comparison cannot know which one the validator uses.
    if (/%2f|%7e/i.test(value) && toPointer(at) !== toPointer(splitThenDecode(value.slice(2))))
      return unresolved('decodes to a different target in different validators');
    return { kind: 'target', at };
  }
  const declared = index.anchors.get(fragment) ?? [];
  if (declared.length !== 1) return unresolved(`names an anchor declared ${declared.length} times`);
  return { kind: 'target', at: declared[0] as Segments };
}

const unescapeSegment = (segment: string): string => segment.replaceAll('~1', '/').replaceAll('~0', '~');

function splitThenDecode(pointer: string): Segments {
  return pointer.split('/').map((segment) => unescapeSegment(decodeURIComponent(segment)));
}

/** True when a document holds a reference or an embedded resource anywhere: the cases this module judges. */
function isReferential(index: SchemaIndex): boolean {
  return index.truncated || index.references.length > 0 || index.embedded.length > 0;
}

const describe = (reference: Reference): string =>
  `${reference.key} ${shorten(canonicalJson(reference.value))} at ${toPointer(reference.at) || '/'}`;
const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);

export function findReferenceHazards(before: JsonValue, after: JsonValue): ReferenceHazards {
  const sides = [indexSchema(before), indexSchema(after)] as const;
  const hazards: ReferenceHazards = { widened: [], unresolved: [] };
  if (!sides.some(isReferential)) return hazards;
  for (const side of sides)
    if (side.truncated) hazards.unresolved.push('schema too large to follow references');
  for (const side of sides) {
    for (const pointer of side.embedded) hazards.unresolved.push(`embedded resource ($id) at ${pointer}`);
  }
  compareMembers(sides[0].members, sides[1].members, hazards);
  const seen = new Set<string>();
  const sameTarget = new Map<string, boolean>();
  for (const side of sides) {
    for (const reference of side.references) {
      const label = describe(reference);
      if (seen.has(label)) continue;
      seen.add(label);
      compareTargets(reference, label, [before, after], sides, sameTarget, hazards);
    }
  }
  return hazards;
}

function compareMembers(
  before: Map<string, JsonValue>,
  after: Map<string, JsonValue>,
  hazards: ReferenceHazards,
) {
  const pointers = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const pointer of pointers) {
    if (before.has(pointer) && after.has(pointer) && canonicalEqual(before.get(pointer), after.get(pointer)))
      continue;
    const verb = !before.has(pointer) ? 'added' : !after.has(pointer) ? 'removed' : 'changed';
    hazards.widened.push(
      `${pointer} ${verb} in a schema that uses references (a reference may resolve to it)`,
    );
  }
}

function compareTargets(
  reference: Reference,
  label: string,
  documents: readonly [JsonValue, JsonValue],
  sides: readonly [SchemaIndex, SchemaIndex],
  sameTarget: Map<string, boolean>,
  hazards: ReferenceHazards,
): void {
  const [first, second] = [resolve(reference, sides[0]), resolve(reference, sides[1])];
  if (first.kind === 'unresolved' || second.kind === 'unresolved') {
    const why = first.kind === 'unresolved' ? first.why : (second as { why: string }).why;
    hazards.unresolved.push(`${label} ${why}`);
    return;
  }
  const [b, a] = [valueAt(documents[0], first.at), valueAt(documents[1], second.at)];
  const pointer = toPointer(first.at);
  if (b === undefined || a === undefined) {
    hazards.unresolved.push(`${label} has no target in ${b === undefined ? 'the old' : 'the new'} schema`);
    return;
  }
  // Many references share a target (every node of a tree points at `#`): compare each target once.
  let same = pointer === toPointer(second.at) ? sameTarget.get(pointer) : false;
  if (same === undefined) sameTarget.set(pointer, (same = canonicalEqual(b, a)));
  if (!same) {
    hazards.widened.push(
      `${label}: its target ${toPointer(second.at) || '/'} changed (cannot prove narrower)`,
    );
  }
}
