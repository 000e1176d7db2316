// Helpers for adapters that read a format-neutral tree (tree.ts) and emit settings as rules.
import type { FieldPath } from '../../parse/yaml.js';
import type { SourceRef } from '../../model/types.js';
import type { SourceNode } from './tree.js';
import { lineOfField } from './tree.js';

/** Where a field of the tree sits: the file and the line of the deepest part of the path that exists. */
export function sourceAt(root: SourceNode, path: string): (field: FieldPath) => SourceRef {
  return (field) => ({ path, line: lineOfField(root, field) });
}
