import type { FieldPath } from '../../parse/yaml.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES } from './findings.js';
import type { Entry } from './tree.js';

/** Bounds no real config comes near; beyond them a file is hostile, and the rest is not read. */
export const MAX_LIST_ITEMS = 1000;
export const MAX_STRING_LENGTH = 8192;

/**
 * A list of strings (`args`, an array `command`). Numbers and booleans are kept as text so a diff still sees them,
 * but reported: clients reject them. Anything else is reported and left out.
 */
export function readStringList(entry: Entry, field: FieldPath, sink: FindingSink): string[] {
  if (entry.value.kind !== 'array') {
    sink.add(
      'error',
      SOURCE_CODES.shape,
      entry.line,
      field,
      `must be a list of strings, found ${entry.value.kind === 'object' ? 'an object' : 'a single value'}`,
    );
    const single = entry.value.kind === 'scalar' ? entry.value.value : null;
    return single === null ? [] : [String(single)];
  }
  const items = entry.value.items;
  if (items.length > MAX_LIST_ITEMS) {
    sink.add(
      'error',
      SOURCE_CODES.limit,
      entry.line,
      field,
      `has ${items.length} items; only the first ${MAX_LIST_ITEMS} are read`,
    );
  }
  const out: string[] = [];
  items.slice(0, MAX_LIST_ITEMS).forEach((item, index) => {
    const value = item.kind === 'scalar' ? item.value : undefined;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) {
        sink.add(
          'error',
          SOURCE_CODES.limit,
          item.line,
          [...field, index],
          `is ${value.length} characters long; only the first ${MAX_STRING_LENGTH} are read`,
        );
        out.push(value.slice(0, MAX_STRING_LENGTH));
      } else out.push(value);
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean') {
      sink.add(
        'error',
        SOURCE_CODES.shape,
        item.line,
        [...field, index],
        `must be a string, found ${typeof value}`,
      );
      out.push(String(value));
      return;
    }
    sink.add(
      'error',
      SOURCE_CODES.shape,
      item.line,
      [...field, index],
      `must be a string, found ${item.kind === 'scalar' ? 'null' : `an ${item.kind}`}`,
    );
  });
  return out;
}

/** A list of tool names: an array of strings, or one comma-separated string. */
export function readNameList(entry: Entry, field: FieldPath, sink: FindingSink): string[] {
  if (entry.value.kind === 'scalar' && typeof entry.value.value === 'string') {
    return entry.value.value
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
  }
  return readStringList(entry, field, sink)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
