import { confusableSkeleton } from '../../text/scan-text.js';
import { UNSEEN_CLASS } from '../../text/unseen.js';

// Characters a reader cannot see and many downstream systems drop or ignore: format characters (zero-width,
// bidi controls, soft hyphen, tags, BOM), C0/C1 controls, line/paragraph separators, default-ignorable code
// points (Hangul fillers, variation selectors, Mongolian selectors) and the blank braille pattern. Combining
// marks are removed after decomposition, so `prod` with an accent or an overlay still reads as `prod`.
const INVISIBLE = new RegExp(`[${UNSEEN_CLASS}\\p{M}]`, 'gu');
const LETTER = /^\p{L}$/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ASCII_LETTERS = /^[a-z]+$/;

/**
 * A target (or a protected-target pattern) reduced to what it names, so that spelling it differently cannot
 * reach it: Unicode compatibility forms folded (NFKC: full-width letters, ligatures, the long s), invisible
 * characters and combining marks removed, case folded (full folding: `ß` is `ss`), look-alike letters from
 * other scripts mapped to the Latin letter they imitate, surrounding white space trimmed.
 *
 * Look-alikes: a Cyrillic `р` does not name the same database as a Latin `p` to any system we know of, so
 * folding them is not needed to stop a bypass; it is done anyway because the cost is a refused call on a
 * bizarre name, while the gain is that a human reading `needs-approval` is never shown a forged twin of a
 * protected name. Only letters are mapped, so glob syntax in a pattern is never changed by the fold.
 */
export function foldTarget(text: string): string {
  // printable ASCII has nothing to decompose, hide or confuse: only case and white space remain
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().trim();
  const decomposed = text.normalize('NFKD').toUpperCase().toLowerCase().normalize('NFKD');
  const visible = decomposed.replace(INVISIBLE, '').normalize('NFKC');
  let out = '';
  for (const ch of visible) out += LETTER.test(ch) ? foldLetter(ch) : ch;
  return out.trim();
}

const letters = new Map<string, string>();

function foldLetter(ch: string): string {
  let folded = letters.get(ch);
  if (folded === undefined) {
    const skeleton = confusableSkeleton(ch);
    // the skeleton also rewrites digits and punctuation; only a letter-for-letters answer is taken
    folded = ASCII_LETTERS.test(skeleton) && !ASCII_LETTERS.test(ch) ? skeleton : ch;
    letters.set(ch, folded);
  }
  return folded;
}

/** True when the text holds a NUL, which truncates a path in every C-based API below the tool. */
export function hasNul(text: string): boolean {
  return text.includes('\u0000');
}
