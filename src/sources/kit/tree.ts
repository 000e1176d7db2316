// A tiny, format-neutral tree that every adapter reads: JSON(C), TOML and YAML all become this, each node with the
// line it starts on, so one entry reader serves every format and file:line survives to the findings.
import type { FieldPath } from '../../parse/yaml.js';

export type Scalar = string | number | boolean | null;

export interface Entry {
  key: string;
  /** the line of the key, where a finding about the entry points */
  line: number;
  value: SourceNode;
}

export type SourceNode =
  | { kind: 'object'; line: number; entries: Entry[] }
  | { kind: 'array'; line: number; items: SourceNode[] }
  | { kind: 'scalar'; line: number; value: Scalar };

export type ObjectNode = Extract<SourceNode, { kind: 'object' }>;
export type ArrayNode = Extract<SourceNode, { kind: 'array' }>;

/** Keys that would reach an object's prototype if anything downstream built plain objects from them. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isUnsafeKey(key: string): boolean {
  return UNSAFE_KEYS.has(key);
}

export function isObject(node: SourceNode | undefined): node is ObjectNode {
  return node?.kind === 'object';
}

export function isArray(node: SourceNode | undefined): node is ArrayNode {
  return node?.kind === 'array';
}

/** The entry a client would see: JSON.parse and every client keep the LAST of duplicate keys. */
export function member(node: SourceNode | undefined, key: string): Entry | undefined {
  if (!isObject(node)) return undefined;
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i];
    if (entry && entry.key === key) return entry;
  }
  return undefined;
}

/** The effective entries of an object: the last of each key, in first-seen order, unsafe keys left out. */
export function effectiveEntries(node: ObjectNode): Entry[] {
  const out = new Map<string, Entry>();
  for (const entry of node.entries) {
    if (isUnsafeKey(entry.key)) continue;
    out.set(entry.key, entry);
  }
  return [...out.values()];
}

export function stringValue(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

export function booleanValue(node: SourceNode | undefined): boolean | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'boolean' ? node.value : undefined;
}

export interface KeyProblem {
  kind: 'duplicate' | 'unsafe';
  key: string;
  line: number;
  field: FieldPath;
}

/** Every duplicate or prototype-reaching key anywhere in the tree, with its field path. */
export function findKeyProblems(root: SourceNode): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const visit = (node: SourceNode, path: FieldPath): void => {
    if (node.kind === 'array') node.items.forEach((item, index) => visit(item, [...path, index]));
    if (node.kind !== 'object') return;
    const seen = new Set<string>();
    for (const entry of node.entries) {
      const field = [...path, entry.key];
      if (isUnsafeKey(entry.key)) problems.push({ kind: 'unsafe', key: entry.key, line: entry.line, field });
      else if (seen.has(entry.key))
        problems.push({ kind: 'duplicate', key: entry.key, line: entry.line, field });
      seen.add(entry.key);
      visit(entry.value, field);
    }
  };
  visit(root, []);
  return problems;
}

/** How a finding names a node's shape: `an array`, `an object`, `string`, `null`. */
export function describeNode(node: SourceNode): string {
  if (node.kind === 'scalar') return node.value === null ? 'null' : typeof node.value;
  return node.kind === 'array' ? 'an array' : 'an object';
}

/** The line of a field path in a tree: the deepest part of the path that exists. */
export function lineOfField(root: SourceNode, field: FieldPath): number {
  let node: SourceNode | undefined = root;
  let line = root.line;
  for (const part of field) {
    if (node === undefined) break;
    if (typeof part === 'number') {
      node = node.kind === 'array' ? node.items[part] : undefined;
      if (node) line = node.line;
    } else {
      const entry = member(node, part);
      node = entry?.value;
      if (entry) line = entry.line;
    }
  }
  return line;
}
