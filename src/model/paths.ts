import { UNSEEN_CLASS, codePointLabel } from '../text/unseen.js';
import type { Finding } from './types.js';

/** The error finding of a path no gate can be trusted to classify; it holds every plane. */
export const PATH_REFUSED = 'path-refused';

// Every unseen character (controls, format and separator characters, default-ignorables), and what shows unlike
// its bytes: \p{Cs}, a lone surrogate (no file system name); U+FFFD, git bytes that were not UTF-8.
const REFUSED_CHARACTER = new RegExp(`[${UNSEEN_CLASS}\\p{Cs}\\uFFFD]`, 'u');

/** The first refused character of a path, as `U+XXXX`, or undefined when the path is clean. */
export function refusedCharacterOf(path: string): string | undefined {
  const match = REFUSED_CHARACTER.exec(path);
  if (!match) return undefined;
  return codePointLabel(match[0].codePointAt(0)!);
}

export function refusedPathFinding(path: string, character: string): Finding {
  return {
    severity: 'error',
    code: PATH_REFUSED,
    path,
    line: 1,
    message: `${showPath(path)}: the path holds ${character}, a character that does not show as itself; rename the file`,
  };
}

/** The path with every refused character spelled out, so a message about it cannot rewrite a terminal line. */
export function showPath(path: string): string {
  return path.replace(
    new RegExp(REFUSED_CHARACTER.source, 'gu'),
    (ch) => `<${codePointLabel(ch.codePointAt(0)!)}>`,
  );
}
