import { canonicalEqual, canonicalJson } from '../../../model/canonical-json.js';
import type { JsonObject, JsonValue } from '../../../model/types.js';

// What the inputSchema comparator writes down about each keyword, and the small helpers every handler shares.

export type SchemaChangeKind = 'widened' | 'narrowed' | 'changed' | 'same';

export type NoteKind = Exclude<SchemaChangeKind, 'same'>;

export interface Note {
  kind: NoteKind;
  detail: string;
  /** plain text (`title`, `description`, `$comment`): no reference can make it accept anything */
  text?: boolean;
}

export type Notes = Note[];

export type Handler = (
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  keyPath: string,
  notes: Notes,
  parents: { before: JsonObject; after: JsonObject },
) => void;

export const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
export const labelOf = (path: string): string => (path === '' ? 'schema' : path);
export const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const same = (a: JsonValue | undefined, b: JsonValue | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && canonicalEqual(a, b));

export function show(value: JsonValue | undefined): string {
  if (value === undefined) return 'absent';
  const text = canonicalJson(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export const widen = (notes: Notes, detail: string): void => void notes.push({ kind: 'widened', detail });
export const narrow = (notes: Notes, detail: string): void => void notes.push({ kind: 'narrowed', detail });

/** Added -> narrowed, removed -> widened; otherwise defer to `both`. */
export function presence(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  keyPath: string,
  notes: Notes,
  both: () => void,
): void {
  if (before === undefined) narrow(notes, `${keyPath} added (${show(after)})`);
  else if (after === undefined) widen(notes, `${keyPath} removed (was ${show(before)})`);
  else both();
}

export function unprovable(
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  keyPath: string,
  notes: Notes,
) {
  const verb = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  widen(notes, `${keyPath} ${verb} (cannot prove narrower)`);
}

export const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
