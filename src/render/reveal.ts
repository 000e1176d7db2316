// One function shows every character a reader could not see, or that could rewrite what they see, for every
// output: Markdown for GitHub and text for a terminal. In a terminal a raw ESC moves the cursor, erases lines
// and recolours text, so a tool description could rewrite the very lines a signer reads in `agentgate signoff`;
// bidi overrides reorder them, zero-width characters hide differences between names. Text from a pull request
// reaches no output without passing through here.

// C0 controls (but tab and newline, which callers turn into spaces or keep as line breaks), DEL and C1 controls
// (U+009B is a one-byte CSI), format characters (bidi overrides and isolates, zero-width spaces and joiners),
// line/paragraph separators, fillers, variation selectors, BOM and tag characters, as inclusive ranges.
const INVISIBLE: readonly (readonly [number, number])[] = [
  [0x00, 0x08],
  [0x0b, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180e],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff9, 0xfffb],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe0fff],
];

export const isInvisible = (cp: number): boolean => INVISIBLE.some(([from, to]) => cp >= from && cp <= to);

/**
 * Shows invisible, control and direction-changing characters as `⟨U+XXXX⟩` (ESC as `⟨U+001B⟩`), so a reader
 * sees what the model sees. Newlines and tabs are kept: see `revealLine` for text that must stay on one line.
 */
export function revealInvisible(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    out += isInvisible(cp) ? `⟨U+${cp.toString(16).toUpperCase().padStart(4, '0')}⟩` : ch;
  }
  return out;
}

/** One line of revealed text: a newline from the PR would let it print lines that look like agentgate's own. */
export function revealLine(text: string): string {
  return revealInvisible(text.replace(/\r\n|\r|\n/g, ' ⏎ ').replace(/\t/g, ' '));
}

/** Revealed text that keeps its own line breaks (a comment body, a commit message), each line revealed. */
export function revealLines(text: string): string {
  return text
    .replace(/\r\n|\r/g, '\n')
    .split('\n')
    .map((line) => revealInvisible(line.replace(/\t/g, ' ')))
    .join('\n');
}
