import { replaceUnseen } from './unseen.js';

/** The text with every unseen character (./unseen.ts) spelled `\\u{hex}`: the model chose it, a human reads it. */
export function revealUnseen(text: string): string {
  return replaceUnseen(text, (codePoint) => `\\u{${codePoint.toString(16)}}`);
}
