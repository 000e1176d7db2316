// Moves one prompt file's `tools:` entry back to what the base had and keeps every other byte: a split ships a
// prompt's new text with its BASE bindings, so the data-only branch differs from the base by text alone.
import { isMap, isScalar, parseDocument } from 'yaml';
import { splitFrontMatter } from '../../parse/prompt.js';

type Located =
  | { ok: true; start: number; end: number; found: boolean; frontMatter: boolean }
  | { ok: false; reason: string };

export type SetToolsResult = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Where the top-level `tools` entry of a markdown prompt's front matter or of a YAML prompt sits: the whole
 * lines from its key to the end of its value. When there is none, start = end = where one would be appended.
 * Refuses anything it cannot edit exactly (unparseable YAML, a flow mapping): the caller then holds the file back.
 */
function locateTools(text: string, kind: 'markdown' | 'yaml'): Located {
  let offset = 0;
  let yamlText = text;
  if (kind === 'markdown') {
    const split = splitFrontMatter(text);
    if (split === 'unclosed') return { ok: false, reason: 'front matter is never closed' };
    if (split === undefined) return { ok: true, start: 0, end: 0, found: false, frontMatter: false };
    offset = text.indexOf('\n') + 1;
    yamlText = split.yaml;
  }
  const appendAt = offset + yamlText.length;
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, reason: 'front matter does not parse' };
  const map = doc.contents;
  if (map === null) return { ok: true, start: appendAt, end: appendAt, found: false, frontMatter: true };
  if (!isMap(map) || map.flow) return { ok: false, reason: 'front matter is not a block mapping' };
  if (yamlText.length > 0 && !yamlText.endsWith('\n'))
    return { ok: false, reason: 'front matter has no final newline' };
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === 'tools');
  if (pair === undefined)
    return { ok: true, start: appendAt, end: appendAt, found: false, frontMatter: true };
  const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
  const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
  if (!keyRange) return { ok: false, reason: 'tools key has no position' };
  const start = yamlText.lastIndexOf('\n', keyRange[0] - 1) + 1;
  if (start !== keyRange[0]) return { ok: false, reason: 'tools key is not at the start of a line' };
  const last = Math.max(0, (valueRange ? valueRange[1] : keyRange[2]) - 1);
  const newline = yamlText.indexOf('\n', last);
  const end = newline === -1 ? yamlText.length : newline + 1;
  return { ok: true, start: offset + start, end: offset + end, found: true, frontMatter: true };
}

/** The raw `tools:` entry of a prompt (its whole lines, newline included); '' when it binds nothing. */
export function toolsEntryOf(
  text: string,
  kind: 'markdown' | 'yaml',
): { ok: true; entry: string } | { ok: false; reason: string } {
  const at = locateTools(text, kind);
  if (!at.ok) return at;
  return { ok: true, entry: text.slice(at.start, at.end) };
}

/** Replaces the prompt's `tools:` entry with `entry` (raw lines as `toolsEntryOf` gives them; '' removes it). */
export function setToolsEntry(text: string, kind: 'markdown' | 'yaml', entry: string): SetToolsResult {
  const at = locateTools(text, kind);
  if (!at.ok) return at;
  if (!at.frontMatter) {
    if (entry === '') return { ok: true, text };
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    return { ok: true, text: `---${eol}${entry}---${eol}${text}` };
  }
  return { ok: true, text: text.slice(0, at.start) + entry + text.slice(at.end) };
}
