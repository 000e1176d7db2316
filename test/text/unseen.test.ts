// Every reader of "a character a human cannot see" asks src/text/unseen.ts: each caller on the product's path is
// run here over every code point of the one set, so a caller with a narrower set of its own fails.
import { describe, expect, it } from 'vitest';
import { refusedCharacterOf, showPath } from '../../src/model/paths.js';
import { revealInvisible, revealLine } from '../../src/render/reveal.js';
import { sourcePatterns } from '../../src/core/codeowners/codeowners-paths.js';
import { foldTarget } from '../../src/core/intent/fold-target.js';
import { actionFloor } from '../../src/core/radius/action-floors.js';
import { programName } from '../../src/core/radius/server-radius.js';
import { claudeMcpJsonAdapter } from '../../src/sources/formats/claude-mcp-json.js';
import { instructionsAdapter } from '../../src/sources/formats/instructions.js';
import { shown } from '../../src/sources/kit/findings.js';
import { revealUnseen } from '../../src/text/reveal-unseen.js';
import { confusableSkeleton, findControlCharacters, findHiddenUnicode } from '../../src/text/scan-text.js';
import { firstUnseen, hasUnseen, isBreak, isUnseen, removeUnseen } from '../../src/text/unseen.js';

/** The whole set, enumerated once over every code point but the surrogates. */
const UNSEEN: number[] = [];
for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
  if (isUnseen(codePoint)) UNSEEN.push(codePoint);
}
const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
/** The code points for which `fails` holds, named, so a failure says which characters slipped through. */
const failing = (fails: (ch: string, codePoint: number) => boolean, set: readonly number[] = UNSEEN) =>
  set.filter((codePoint) => fails(String.fromCodePoint(codePoint), codePoint)).map(hex);
const notBreaks = UNSEEN.filter((codePoint) => !isBreak(codePoint));
const notTabOrNewline = UNSEEN.filter((codePoint) => codePoint !== 0x09 && codePoint !== 0x0a);

describe('the one set of unseen characters', () => {
  it('holds what a security review must catch: controls, bidi, zero-width, tags, selectors, fillers', () => {
    const must = [
      ...[0x00, 0x07, 0x08, 0x0d, 0x1b, 0x7f, 0x85, 0x9b], // C0, DEL, C1 (CSI)
      ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c], // bidi
      ...[0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e], // zero-width, soft hyphen, BOM
      ...[0xe0000, 0xe0001, 0xe0041, 0xe007f, 0xe0fff], // tag characters and the rest of their block
      ...[0xfe00, 0xfe0f, 0xe0100, 0xe01ef, 0x180b], // variation and Mongolian selectors
      ...[0x034f, 0x115f, 0x1160, 0x3164, 0xffa0, 0x17b4, 0x2800], // joiner, fillers, blank braille
      ...[0x2028, 0x2029, 0xfff9, 0xfffb, 0x1d173, 0x1d17a, 0x0600, 0x06dd, 0x110bd], // separators, Cf
    ];
    expect(failing((_, codePoint) => !isUnseen(codePoint), must)).toEqual([]);
  });

  it('leaves what a reader sees', () => {
    for (const ch of ['a', 'Z', '0', ' ', '~', 'é', 'ß', '日', 'Ж', '\u00a0', '👍', '\u0301', '\ufffd'])
      expect(isUnseen(ch.codePointAt(0)!), hex(ch.codePointAt(0)!)).toBe(false);
  });

  it('finds, spells and removes the same characters it names', () => {
    expect(failing((ch) => !hasUnseen(`a${ch}b`))).toEqual([]);
    expect(failing((ch) => firstUnseen(`ab${ch}`)?.index !== 2)).toEqual([]);
    expect(failing((ch) => removeUnseen(`a${ch}b`) !== 'ab', notBreaks)).toEqual([]);
    expect(hasUnseen('plain ascii, nothing to see')).toBe(false);
  });
});

describe('every caller reads the one set', () => {
  it('the text scanners flag every character: hidden characters, or controls and escape sequences', () => {
    const unflagged = (ch: string) => {
      const text = `a${ch}b`;
      return findHiddenUnicode(text).length + findControlCharacters(text).length === 0;
    };
    expect(failing(unflagged, notTabOrNewline)).toEqual([]);
  });

  it('an instruction file holding any of them gets a finding', () => {
    const clean = (ch: string) =>
      instructionsAdapter
        .parse({ path: 'AGENTS.md', oid: 'o', text: `Be kind.${ch} Be brief.\n` })
        .findings.every(
          (finding) => finding.code !== 'hidden-unicode' && finding.code !== 'control-characters',
        );
    expect(failing(clean, notTabOrNewline)).toEqual([]);
  });

  it('the terminal and Markdown revealer spells every one (tab and newline kept as layout)', () => {
    expect(failing((ch) => revealInvisible(`a${ch}b`) === `a${ch}b`, notTabOrNewline)).toEqual([]);
    expect(failing((ch) => /[\t\n]/.test(revealLine(`a${ch}b`)))).toEqual([]);
  });

  it('the decision log and intent messages spell every one', () => {
    expect(failing((ch) => revealUnseen(`a${ch}b`) === `a${ch}b`)).toEqual([]);
  });

  it('a path holding any of them is refused, and shown spelled', () => {
    expect(failing((ch) => refusedCharacterOf(`tools/a${ch}b.yaml`) === undefined)).toEqual([]);
    expect(failing((ch) => showPath(`a${ch}b`).includes(ch))).toEqual([]);
  });

  it('a source file finding quotes every one escaped', () => {
    expect(failing((ch) => shown(`a${ch}b`).includes(ch))).toEqual([]);
  });

  it('a client config server named with any of them is an error', () => {
    const accepted = (ch: string) =>
      claudeMcpJsonAdapter
        .parse({
          path: '.mcp.json',
          oid: 'o',
          text: JSON.stringify({ mcpServers: { [`a${ch}b`]: { command: 'node' } } }),
        })
        .findings.every((finding) => !finding.message.includes('control or invisible characters'));
    // eight hundred parses would only repeat themselves: one of each kind of character
    const sample = UNSEEN.filter((codePoint, index) => codePoint < 0x3000 || index % 64 === 0);
    expect(failing(accepted, sample)).toEqual([]);
  });

  it('a source glob holding any of them gets no CODEOWNERS line', () => {
    const written = (ch: string) =>
      sourcePatterns({ 'mcp-config': { enabled: true, paths: [`conf/a${ch}b.json`] } }).some((pattern) =>
        pattern.includes(ch),
      );
    const sample = UNSEEN.filter((codePoint, index) => codePoint < 0x3000 || index % 64 === 0);
    expect(failing(written, sample)).toEqual([]);
  });

  it('names and targets read without them: a program, an action, a confusable name, an intent target', () => {
    expect(failing((ch) => programName(`ba${ch}sh`) !== 'bash', notBreaks)).toEqual([]);
    const admin = actionFloor('admin');
    expect(failing((ch) => actionFloor(`ad${ch}min`) !== admin, notBreaks)).toEqual([]);
    const skeleton = confusableSkeleton('read_file');
    expect(failing((ch) => confusableSkeleton(`read${ch}_file`) !== skeleton, notBreaks)).toEqual([]);
    expect(failing((ch) => foldTarget(`pr${ch}od`) !== 'prod')).toEqual([]);
  });
});
