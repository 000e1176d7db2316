// Every piece of text that comes from a pull request (tool names, descriptions, paths, prompt ids, finding
// messages) passes through here before it reaches GitHub-flavoured Markdown. The goals: no HTML (so no forged
// `<!-- agentgate:report -->` marker and no hidden content), no @-mentions, no links or emphasis that change
// what a reviewer sees, and invisible characters shown rather than hidden.

const ZERO_WIDTH_JOINER = '\u200D';

// Controls, format characters (bidi overrides, zero-width spaces), line/paragraph separators, variation
// selectors, BOM and tag characters, as inclusive code-point ranges. Tab and newline are handled by oneLine.
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x00, 0x08],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2028, 0x2029],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0xe0000, 0xe01ef],
];

const isInvisible = (cp: number): boolean => INVISIBLE.some(([from, to]) => cp >= from && cp <= to);

/** Shows invisible and direction-changing characters as `U+XXXX`, so a reviewer sees what the model sees. */
export function revealInvisible(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isInvisible(cp) ? `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩` : ch;
  }
  return out;
}

/** Keeps one line: newlines and tabs would end a table row or a list item. */
function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/\t/g, ' ');
}

/** Cuts long text, so that one 50 kB description cannot crowd out the report. */
export function clip(text: string, max = 300): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#+\-.!|~^=:"'$]/g;

/**
 * Plain inline text: HTML characters become entities, Markdown punctuation is backslash-escaped, and `@`
 * gets a zero-width joiner so that `@org/team` in a tool description notifies nobody.
 */
export function escapeMarkdown(text: string): string {
  return revealInvisible(oneLine(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/@/g, `@${ZERO_WIDTH_JOINER}`);
}

/**
 * A code span that holds any text: the fence is longer than the longest run of backticks inside, and
 * padding keeps a leading or trailing backtick from joining the fence. Inside a code span GitHub renders
 * no HTML and no mentions. In a table cell `|` must still be escaped (GFM splits cells first).
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  // GitHub shows a code span literally, but the raw body would still contain a marker-shaped string
  let body = revealInvisible(oneLine(text)).replace(/<!--/g, '<!-\u2060-');
  if (options.inTable) body = body.replace(/\|/g, '\\|');
  if (body === '') return '` `';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || /^ .* $/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A code span for a table cell. */
export function cellCode(text: string): string {
  return codeSpan(text, { inTable: true });
}
