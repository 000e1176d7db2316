import { standingLines } from './standing-lines.js';
import { REPORT_MARKER } from './types.js';

// The command must be a line of its own that the reader sees as the commenter's words: quoting it, pasting it
// in a code block or an HTML comment, or mentioning it inside a sentence or a code span signs nothing.
const COMMAND = /^ {0,3}\/agentgate[ \t]+signoff[ \t]+(sha256:[0-9a-fA-F]{64})[ \t]*$/;

/** The digest a comment signs, or null when the comment is not a sign-off. Our own report never counts. */
export function parseSignoffCommand(body: string): string | null {
  if (body.includes(REPORT_MARKER)) return null;
  for (const line of standingLines(body)) {
    const match = COMMAND.exec(line);
    if (match) return (match[1] as string).toLowerCase();
  }
  return null;
}

export function formatSignoffCommand(digest: string): string {
  return `/agentgate signoff ${digest}`;
}

/** `abcd1234` from `sha256:abcd1234…`: enough to tell two digests apart in a 140-character status. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 8);
}
