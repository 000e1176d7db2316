// Which lines of a Markdown comment a reader sees as the commenter's own words, standing on their own: not inside
// an HTML comment, a fenced or indented code block, a quote (or its lazy continuation), or an HTML element that
// hides or quotes text (`<details>`, `<pre>`, ...). A sign-off quoted from the report, pasted inside a code
// block or tucked into a comment a bot copied from the PR signs nothing. Where Markdown is ambiguous the line
// does not stand: a missed sign-off is posted again, a forged one certifies a change.

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>/;
const INDENTED = /^(?: {4}|\t| {1,3}\t)/;
// any element that can hide, quote, shrink or restyle text: an unclosed one swallows the rest of the comment
const HIDING_TAGS = [
  'details|summary|pre|code|textarea|script|style|template|blockquote|q|kbd|samp|noscript|tt|xmp|plaintext',
  'div|span|p|a|sub|sup|small|s|del|strike|ins|em|strong|b|i|u|font|mark|abbr|cite|dfn|var|bdi|bdo|ruby|rt|rp',
  'table|thead|tbody|tfoot|tr|td|th|caption|ul|ol|li|dl|dt|dd|h[1-6]|picture|object|iframe|svg|math|section',
].join('|');
const TAG = new RegExp(`<(/?)(${HIDING_TAGS})(?=[\\s/>]|$)`, 'gi');

interface LineState {
  fence: { char: string; length: number } | null;
  inComment: boolean;
  inQuote: boolean;
  hiddenDepth: number;
}

/** The lines that stand on their own, CR/CRLF read as line breaks and nothing else (not U+2028). */
export function standingLines(body: string): string[] {
  const state: LineState = { fence: null, inComment: false, inQuote: false, hiddenDepth: 0 };
  const standing: string[] = [];
  for (const line of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (readLine(line, state)) standing.push(line);
  }
  return standing;
}

/** Advances the state past one line; true when the line stands on its own. */
function readLine(line: string, state: LineState): boolean {
  if (state.fence) {
    if (closesFence(line, state.fence)) state.fence = null;
    return false;
  }
  const blank = line.trim() === '';
  if (state.inComment) {
    state.inComment = !leavesComment(line);
    return false;
  }
  if (QUOTE.test(line)) {
    state.inQuote = true;
    return false;
  }
  if (state.inQuote) {
    // a non-blank line after a quote continues it (lazy continuation); a blank line ends it
    if (blank) state.inQuote = false;
    return false;
  }
  const fence = FENCE_OPEN.exec(line);
  if (fence) {
    const marker = fence[1] as string;
    state.fence = { char: marker[0] as string, length: marker.length };
    return false;
  }
  const opensComment = line.includes('<!--');
  if (opensComment) state.inComment = !leavesComment(line.slice(line.indexOf('<!--') + 4));
  const depthBefore = state.hiddenDepth;
  state.hiddenDepth = Math.max(0, depthBefore + tagBalance(line));
  if (opensComment || depthBefore > 0 || state.hiddenDepth > 0) return false;
  return !INDENTED.test(line);
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const match = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  const marker = match?.[1];
  return marker !== undefined && marker[0] === fence.char && marker.length >= fence.length;
}

/** After the text of an open comment: does it close, and stay closed (`--> <!--` reopens)? */
function leavesComment(rest: string): boolean {
  let text = rest;
  for (;;) {
    const end = text.indexOf('-->');
    if (end < 0) return false;
    text = text.slice(end + 3);
    const reopen = text.indexOf('<!--');
    if (reopen < 0) return true;
    text = text.slice(reopen + 4);
  }
}

function tagBalance(line: string): number {
  let balance = 0;
  for (const match of line.matchAll(TAG)) balance += match[1] === '/' ? -1 : 1;
  return balance;
}
