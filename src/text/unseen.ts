// The one set of characters a human reviewer cannot see, or that change what they see: every scanner, revealer,
// folder and refusal asks here, so a character hidden from one reader is hidden from none of them.
//
// \p{Cc}: C0, DEL and C1 controls (ESC and CSI rewrite a terminal, CR rewrites a line, NUL hides the rest);
// \p{Cf}: format characters (bidi overrides and isolates, zero-width spaces and joiners, the soft hyphen, BOM,
// interlinear annotations, tag characters U+E0001..U+E007F); \p{Zl} \p{Zp}: line and paragraph separators;
// \p{Default_Ignorable_Code_Point}: what renderers drop (variation selectors U+FE00..U+FE0F and
// U+E0100..U+E01EF, Hangul fillers, Mongolian selectors, the combining grapheme joiner, musical format
// characters, the whole tag block U+E0000..U+E0FFF); U+2800: the blank braille pattern, a visible-width blank
// no font draws.
/** The set as the body of a regular-expression class (`u` or `v` flag). */
export const UNSEEN_CLASS = '\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Default_Ignorable_Code_Point}\\u2800';

const UNSEEN = new RegExp(`[${UNSEEN_CLASS}]`, 'u');
const UNSEEN_ALL = new RegExp(`[${UNSEEN_CLASS}]`, 'gu');
const PLAIN = /^[\x20-\x7e]*$/;

/** Whether a human cannot see this code point, or it changes what they see around it. */
export function isUnseen(codePoint: number): boolean {
  return UNSEEN.test(String.fromCodePoint(codePoint));
}

/** Whether the text holds any unseen character (tab and line feed count: callers that keep them say so). */
export function hasUnseen(text: string): boolean {
  return !PLAIN.test(text) && UNSEEN.test(text);
}

/** The first unseen code point of the text and its UTF-16 index, or undefined. */
export function firstUnseen(text: string): { index: number; codePoint: number } | undefined {
  if (PLAIN.test(text)) return undefined;
  const match = UNSEEN.exec(text);
  return match ? { index: match.index, codePoint: match[0].codePointAt(0)! } : undefined;
}

/**
 * The text with each unseen character replaced by `spell(codePoint)`; `keep` names code points a caller leaves
 * as they are (a revealer that keeps tabs and line breaks). `spell` returning '' removes the character.
 */
export function replaceUnseen(
  text: string,
  spell: (codePoint: number) => string,
  keep?: (codePoint: number) => boolean,
): string {
  if (PLAIN.test(text)) return text;
  return text.replace(UNSEEN_ALL, (ch) => {
    const codePoint = ch.codePointAt(0)!;
    return keep?.(codePoint) ? ch : spell(codePoint);
  });
}

/** Tab, line feed, VT, FF, CR, NEL and the line and paragraph separators: unseen, but a reader sees a break. */
export function isBreak(codePoint: number): boolean {
  return (
    (codePoint >= 0x09 && codePoint <= 0x0d) ||
    codePoint === 0x85 ||
    codePoint === 0x2028 ||
    codePoint === 0x2029
  );
}

/** The text with every unseen character removed but the breaks: the words a reader takes it to say. */
export function removeUnseen(text: string): string {
  return replaceUnseen(text, () => '', isBreak);
}

/** `U+XXXX`: how a message names one code point. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}
