// Scans for model-facing text that hides something from the human reviewer: invisible characters, instructions
// addressed to the model, and names that look like other names.
import { nameOfCodePoint } from './unicode-names.js';
import { UNSEEN_CLASS, removeUnseen } from './unseen.js';

export interface HiddenCharacter {
  /** UTF-16 index in the text */
  index: number;
  codePoint: number;
  name: string;
}

// The hidden characters are the unseen ones (./unseen.ts) but the controls, which findControlCharacters reports
// with the escape sequences they start.
const HIDDEN = new RegExp(`(?!\\p{Cc})[${UNSEEN_CLASS}]`, 'gu');
const HIDDEN_TEST = new RegExp(HIDDEN.source, 'u');
// The classes list combining characters on purpose, each to be matched on its own, so the lint rule about
// combined characters in a class does not apply.
/* eslint-disable no-misleading-character-class */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const EMOJI = /\p{Emoji}/u;
const SKIN_TONE_OR_VS = /[\u{1F3FB}-\u{1F3FF}\uFE0F]/u;
/* eslint-enable no-misleading-character-class */

const PLAIN_TEXT = /^[\x20-\x7e\t\n]*$/;

/**
 * Printable ASCII, tabs and line feeds: nothing hidden, nothing that rewrites a terminal (a property test holds
 * both finders empty on it). Most strings of a registry are plain, and a scan over every one may skip them.
 */
export function isPlainText(text: string): boolean {
  return PLAIN_TEXT.test(text);
}

/** Every unseen character but the controls, except the joiners and selectors that are part of an ordinary emoji. */
export function findHiddenUnicode(text: string): HiddenCharacter[] {
  if (isPlainText(text) || !HIDDEN_TEST.test(text)) return [];
  const found: HiddenCharacter[] = [];
  for (const match of text.matchAll(HIDDEN)) {
    const index = match.index;
    const codePoint = match[0].codePointAt(0)!;
    if (isEmojiPart(text, index, codePoint)) continue;
    found.push({ index, codePoint, name: nameOfCodePoint(codePoint) ?? 'FORMAT CHARACTER' });
  }
  return found;
}

function isEmojiPart(text: string, index: number, codePoint: number): boolean {
  if (codePoint === 0xfe0e || codePoint === 0xfe0f) return EMOJI.test(previousCodePoint(text, index));
  if (codePoint === 0x200d) {
    // ZWJ sequences join pictographs (👩‍💻): a pictograph, maybe toned, on both sides
    let before = index;
    let previous = previousCodePoint(text, before);
    while (SKIN_TONE_OR_VS.test(previous)) {
      before -= previous.length;
      previous = previousCodePoint(text, before);
    }
    const next = String.fromCodePoint(text.codePointAt(index + 1) ?? 0x20);
    return PICTOGRAPH.test(previous) && PICTOGRAPH.test(next);
  }
  return false;
}

function previousCodePoint(text: string, index: number): string {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

export interface ControlCharacter {
  /** UTF-16 index in the text */
  index: number;
  codePoint: number;
  /** the whole terminal escape sequence it starts (`ESC [ 2 K`), or the character alone */
  sequence: string;
}

// C0 controls but tab and line feed (a CR counts unless it ends a CRLF line), DEL and C1 controls. In a terminal
// ESC and CSI (U+009B) start sequences that move the cursor, erase lines and hide text; a lone CR rewrites
// the line it is on; NUL, BEL and backspace overwrite or hide what a reviewer reads.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// ESC [ params final | ESC ] text (BEL | ESC \\) | ESC P/X/^/_ text ST | ESC one byte; the C1 CSI the same
const ESCAPE_SEQUENCE =
  /(?:(?:\u001B\[|\u009B)[\u0030-\u003F]{0,64}[\u0020-\u002F]{0,16}[\u0040-\u007E]?|(?:\u001B[\]PX^_]|[\u0090\u009D\u0098\u009E\u009F])[^\u0007\u001B\u009C]{0,256}(?:\u0007|\u001B\\|\u009C)?|\u001B[\u0020-\u007E]?)/y;
/* eslint-enable no-control-regex */

/** Control characters and the terminal escape sequences they start, in model-facing text. */
export function findControlCharacters(text: string): ControlCharacter[] {
  const found: ControlCharacter[] = [];
  CONTROL.lastIndex = 0;
  for (let match = CONTROL.exec(text); match !== null; match = CONTROL.exec(text)) {
    const index = match.index;
    const codePoint = text.charCodeAt(index);
    if (codePoint === 0x0d && text.charCodeAt(index + 1) === 0x0a) continue;
    ESCAPE_SEQUENCE.lastIndex = index;
    const sequence = ESCAPE_SEQUENCE.exec(text)?.[0] || (match[0] as string);
    found.push({ index, codePoint, sequence });
    CONTROL.lastIndex = index + sequence.length;
  }
  return found;
}

/** A sequence spelled with visible escapes: ESC [ 2 K as `\x1b[2K`. */
export function spellControls(sequence: string): string {
  let out = '';
  for (const ch of sequence) {
    const code = ch.codePointAt(0) ?? 0;
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `\\x${code.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}

/** Text smuggled as Unicode tag characters (U+E0020..U+E007E), decoded; '' when there is none. */
export function decodeTagCharacters(text: string): string {
  let out = '';
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!;
    if (codePoint >= 0xe0020 && codePoint <= 0xe007e) out += String.fromCharCode(codePoint - 0xe0000);
  }
  return out;
}

// Phrases addressed to the model rather than describing the tool. Bounded gaps keep every pattern linear.
const INSTRUCTION_PATTERNS: readonly RegExp[] = [
  /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+|the\s+|your\s+)*(?:previous|prior|above|earlier|preceding|former)\s+(?:instructions?|prompts?|rules|directions|guidelines|messages?|context)\b/i,
  /\bdisregard\s+(?:all\s+|any\s+|everything\s+)?(?:the\s+)?(?:above|previous|prior)\b/i,
  /\byou\s+must\s+(?:always|never)\b/i,
  /\b(?:do\s+not|don'?t|never)\s+(?:tell|inform|notify|alert|mention\s+(?:this\s+|it\s+)?to|reveal\s+(?:this\s+|it\s+)?to)\s+(?:the\s+)?user\b/i,
  /\bwithout\s+(?:telling|informing|notifying|asking)\s+(?:the\s+)?user\b/i,
  /\bsystem\s+prompt\b/i,
  /<\/?\s*(?:important|system|instructions?)\s*>/i,
  /\bbefore\s+using\s+this\s+tool\b[^\n]{0,120}?\bread\b/i,
  /\byou\s+are\s+now\b/i,
  /\bnew\s+instructions?\s*:/i,
  /\b(?:send|post|upload|forward|transmit|exfiltrate|leak)\b[^\n]{0,120}?\b(?:to|at)\s+https?:\/\//i,
  /(?:~\/\.ssh|\bid_rsa\b|\.aws\/credentials)/i,
];

/** The instruction-like phrases in the text, as found (deduplicated, in pattern order). */
export function findInstructionLikeText(text: string): string[] {
  const found: string[] = [];
  for (const pattern of INSTRUCTION_PATTERNS) {
    const match = pattern.exec(text);
    if (match && !found.includes(match[0])) found.push(match[0]);
  }
  return found;
}

// Look-alikes from other scripts, mapped to the Latin letter they imitate.
const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    а: 'a',
    в: 'b',
    е: 'e',
    к: 'k',
    м: 'm',
    н: 'h',
    о: 'o',
    р: 'p',
    с: 'c',
    т: 't',
    у: 'y',
    х: 'x',
    ѕ: 's',
    і: 'i',
    ј: 'j',
    һ: 'h',
    ӏ: 'l',
    ԁ: 'd',
    ԛ: 'q',
    ԝ: 'w',
    α: 'a',
    ε: 'e',
    ι: 'i',
    κ: 'k',
    ν: 'v',
    ο: 'o',
    ρ: 'p',
    τ: 't',
    υ: 'u',
    χ: 'x',
    ı: 'i',
    ɡ: 'g',
    ℓ: 'l',
  }),
);

/**
 * A name reduced to what a reader sees: `read_fi1e`, `read-file` and `Read.File` share a skeleton with
 * `read_file`. Two distinct names with one skeleton are confusable.
 */
export function confusableSkeleton(name: string): string {
  // printable ASCII: NFKC changes nothing, no look-alike table entry and no format character applies
  // (a property test holds this path equal to the full one); most names are plain ASCII
  const out = PRINTABLE_ASCII.test(name) ? name.replace(/I/g, 'l').toLowerCase() : unicodeSkeleton(name);
  return out
    .replace(/0/g, 'o')
    .replace(/[1|]/g, 'l')
    .replace(/[_\-.]+/g, '_')
    .replace(/rn/g, 'm')
    .replace(/vv/g, 'w');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function unicodeSkeleton(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFKC')) {
    if (ch === 'I') out += 'l';
    else {
      const lower = ch.toLowerCase();
      out += HOMOGLYPHS.get(lower) ?? lower;
    }
  }
  return removeUnseen(out);
}
