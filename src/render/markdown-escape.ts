// Every piece of text that comes from a pull request (tool names, descriptions, paths, prompt ids, finding
// messages) passes through here before it reaches GitHub-flavoured Markdown. The goals: no HTML (so no forged
// `<!-- agentgate:report -->` marker and no hidden content), no @-mentions, no links or emphasis that change
// what a reviewer sees, and invisible characters shown rather than hidden.

import { revealInvisible } from './reveal.js';

export { revealInvisible } from './reveal.js';

// invisible on GitHub and in a terminal, and no mention: GitHub needs a name character right after `@`
const WORD_JOINER = '\u2060';

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
 * gets a word joiner so that `@org/team` in a tool description notifies nobody, with no mark a reader sees.
 */
export function escapeMarkdown(text: string): string {
  return revealInvisible(oneLine(text))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKDOWN_PUNCTUATION, '\\$&')
    .replace(/@/g, `@${WORD_JOINER}`);
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
