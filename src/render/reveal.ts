import { codePointLabel, replaceUnseen } from '../text/unseen.js';

// One function shows every character a reader could not see, or that could rewrite what they see, for every
// output: Markdown for GitHub and text for a terminal. In a terminal a raw ESC moves the cursor, erases lines
// and recolours text, so a tool description could rewrite the very lines a signer reads in `agentgate signoff`;
// bidi overrides reorder them, zero-width characters hide differences between names. Text from a pull request
// reaches no output without passing through here.

// The unseen characters (src/text/unseen.ts) but tab and newline, which callers turn into spaces or keep as line
// breaks.
const kept = (codePoint: number): boolean => codePoint === 0x09 || codePoint === 0x0a;

/**
 * Shows invisible, control and direction-changing characters as `⟨U+XXXX⟩` (ESC as `⟨U+001B⟩`), so a reader
 * sees what the model sees. Newlines and tabs are kept: see `revealLine` for text that must stay on one line.
 */
export function revealInvisible(text: string): string {
  return replaceUnseen(text, (codePoint) => `⟨${codePointLabel(codePoint)}⟩`, kept);
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
