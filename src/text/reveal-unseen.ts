// What JSON.stringify leaves raw but a terminal acts on or hides: C0/C1 controls, format characters (bidi
// overrides, zero-width), line separators and other default-ignorable code points.
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/gu;

/** The text with every invisible or control character spelled `\u{hex}`: the model chose it, a human reads it. */
export function revealUnseen(text: string): string {
  return text.replace(UNSEEN, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}
