// Names for the code points that matter in a security review: look-alike letters and invisible characters.
// Node has no Unicode name table; this small one covers what attackers use, everything else prints as U+XXXX.

const NAMES: ReadonlyMap<number, string> = new Map([
  // Cyrillic look-alikes of Latin letters
  [0x0430, 'CYRILLIC SMALL LETTER A'],
  [0x0432, 'CYRILLIC SMALL LETTER VE'],
  [0x0435, 'CYRILLIC SMALL LETTER IE'],
  [0x043a, 'CYRILLIC SMALL LETTER KA'],
  [0x043c, 'CYRILLIC SMALL LETTER EM'],
  [0x043d, 'CYRILLIC SMALL LETTER EN'],
  [0x043e, 'CYRILLIC SMALL LETTER O'],
  [0x0440, 'CYRILLIC SMALL LETTER ER'],
  [0x0441, 'CYRILLIC SMALL LETTER ES'],
  [0x0442, 'CYRILLIC SMALL LETTER TE'],
  [0x0443, 'CYRILLIC SMALL LETTER U'],
  [0x0445, 'CYRILLIC SMALL LETTER HA'],
  [0x0455, 'CYRILLIC SMALL LETTER DZE'],
  [0x0456, 'CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I'],
  [0x0458, 'CYRILLIC SMALL LETTER JE'],
  [0x04bb, 'CYRILLIC SMALL LETTER SHHA'],
  [0x04cf, 'CYRILLIC SMALL LETTER PALOCHKA'],
  [0x0501, 'CYRILLIC SMALL LETTER KOMI DE'],
  [0x0410, 'CYRILLIC CAPITAL LETTER A'],
  [0x0415, 'CYRILLIC CAPITAL LETTER IE'],
  [0x041e, 'CYRILLIC CAPITAL LETTER O'],
  [0x0420, 'CYRILLIC CAPITAL LETTER ER'],
  [0x0421, 'CYRILLIC CAPITAL LETTER ES'],
  // Greek look-alikes
  [0x03b1, 'GREEK SMALL LETTER ALPHA'],
  [0x03b5, 'GREEK SMALL LETTER EPSILON'],
  [0x03b9, 'GREEK SMALL LETTER IOTA'],
  [0x03ba, 'GREEK SMALL LETTER KAPPA'],
  [0x03bd, 'GREEK SMALL LETTER NU'],
  [0x03bf, 'GREEK SMALL LETTER OMICRON'],
  [0x03c1, 'GREEK SMALL LETTER RHO'],
  [0x03c4, 'GREEK SMALL LETTER TAU'],
  [0x03c5, 'GREEK SMALL LETTER UPSILON'],
  [0x03c7, 'GREEK SMALL LETTER CHI'],
  [0x039f, 'GREEK CAPITAL LETTER OMICRON'],
  // Latin oddities and punctuation look-alikes
  [0x0131, 'LATIN SMALL LETTER DOTLESS I'],
  [0x0261, 'LATIN SMALL LETTER SCRIPT G'],
  [0x00a0, 'NO-BREAK SPACE'],
  [0x2010, 'HYPHEN'],
  [0x2011, 'NON-BREAKING HYPHEN'],
  [0x2013, 'EN DASH'],
  [0x2212, 'MINUS SIGN'],
  [0x2024, 'ONE DOT LEADER'],
  [0xff0e, 'FULLWIDTH FULL STOP'],
  [0xff3f, 'FULLWIDTH LOW LINE'],
  // invisible and format characters
  [0x00ad, 'SOFT HYPHEN'],
  [0x034f, 'COMBINING GRAPHEME JOINER'],
  [0x061c, 'ARABIC LETTER MARK'],
  [0x115f, 'HANGUL CHOSEONG FILLER'],
  [0x1160, 'HANGUL JUNGSEONG FILLER'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x200e, 'LEFT-TO-RIGHT MARK'],
  [0x200f, 'RIGHT-TO-LEFT MARK'],
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
  [0x2800, 'BRAILLE PATTERN BLANK'],
  [0x3164, 'HANGUL FILLER'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xffa0, 'HALFWIDTH HANGUL FILLER'],
  [0xe0001, 'LANGUAGE TAG'],
  [0xe007f, 'CANCEL TAG'],
]);

export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `CYRILLIC SMALL LETTER A`, or a descriptive name for ranges, or undefined when the table does not know it. */
export function nameOfCodePoint(codePoint: number): string | undefined {
  const known = NAMES.get(codePoint);
  if (known) return known;
  if (codePoint >= 0xe0020 && codePoint <= 0xe007e) {
    return `TAG ${describeAscii(codePoint - 0xe0000)}`;
  }
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return `VARIATION SELECTOR-${codePoint - 0xfe00 + 1}`;
  if (codePoint >= 0xe0100 && codePoint <= 0xe01ef) return `VARIATION SELECTOR-${codePoint - 0xe0100 + 17}`;
  if (codePoint >= 0xff01 && codePoint <= 0xff5e) return `FULLWIDTH ${describeAscii(codePoint - 0xfee0)}`;
  return undefined;
}

/** `U+0430 CYRILLIC SMALL LETTER A`, or just `U+0430`. */
export function describeCodePoint(codePoint: number): string {
  const name = nameOfCodePoint(codePoint);
  return name ? `${formatCodePoint(codePoint)} ${name}` : formatCodePoint(codePoint);
}

function describeAscii(code: number): string {
  const ch = String.fromCharCode(code);
  if (/[a-z]/.test(ch)) return `LATIN SMALL LETTER ${ch.toUpperCase()}`;
  if (/[A-Z]/.test(ch)) return `LATIN CAPITAL LETTER ${ch}`;
  if (/[0-9]/.test(ch)) return `DIGIT ${ch}`;
  if (ch === ' ') return 'SPACE';
  return `'${ch}'`;
}

/** The first character outside printable ASCII, with its index, or undefined. */
export function firstNonAscii(text: string): { index: number; codePoint: number } | undefined {
  let index = 0;
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!;
    if (codePoint < 0x20 || codePoint > 0x7e) return { index, codePoint };
    index += 1;
  }
  return undefined;
}
