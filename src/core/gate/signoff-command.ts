import { REPORT_MARKER } from './types.js';

// The command must stand on a line of its own: quoting it (`> /agentgate ...`) or mentioning it inside a
// sentence or a code span does not sign anything.
const COMMAND = /^[ \t]*\/agentgate[ \t]+signoff[ \t]+(sha256:[0-9a-fA-F]{64})[ \t]*$/m;

/** The digest a comment signs, or null when the comment is not a sign-off. Our own report never counts. */
export function parseSignoffCommand(body: string): string | null {
  if (body.includes(REPORT_MARKER)) return null;
  const match = COMMAND.exec(body.replace(/\r\n?/g, '\n'));
  return match ? (match[1] as string).toLowerCase() : null;
}

export function formatSignoffCommand(digest: string): string {
  return `/agentgate signoff ${digest}`;
}

/** `abcd1234` from `sha256:abcd1234…`: enough to tell two digests apart in a 140-character status. */
export function shortDigest(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 8);
}
