import { describe, expect, it } from 'vitest';
import { quotePlainValues, readFrontMatter } from '../../../src/sources/kit/front-matter.js';
import { sourceFile } from '../fixture.js';

const read = (text: string) => readFrontMatter(sourceFile('a.md', text), 'agent');

describe('readFrontMatter', () => {
  it('reads keys, body and the line of each key in the file', () => {
    const result = read('---\nname: a\ntools: Read\n---\nHello\n');
    if (!result.ok) throw new Error('expected ok');
    expect(result.frontMatter.data).toEqual({ name: 'a', tools: 'Read' });
    expect(result.frontMatter.body).toBe('Hello\n');
    expect(result.frontMatter.lineOf(['tools'])).toBe(3);
  });

  it('a file without front matter is all body, BOM removed', () => {
    const result = read('\uFEFFJust text\n');
    expect(result).toMatchObject({ ok: true, frontMatter: { data: {}, body: 'Just text\n' } });
  });

  it('reads a BOM and CRLF line ends like plain LF', () => {
    const result = read('\uFEFF---\r\nname: a\r\ntools: Read, Grep\r\n---\r\nBody\r\n');
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    expect(result.frontMatter.data).toEqual({ name: 'a', tools: 'Read, Grep' });
    expect(result.frontMatter.lineOf(['tools'])).toBe(3);
  });

  it.each([
    ['an unclosed block', '---\nname: a\n', 1],
    ['a duplicate key', '---\ntools: Read\ntools: Bash\n---\n', 3],
    ['tab indentation', '---\nmcp-servers:\n\tx:\n\t\turl: https://a\n---\n', 3],
    ['a list instead of a mapping', '---\n- Read\n- Bash\n---\n', 2],
    ['a custom tag', '---\ntools: !shell Read\n---\n', 2],
  ])('%s is an error finding source-parse at its line, never a throw', (_name, text, line) => {
    const result = read(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'source-parse', line, tool: 'agent' }),
    ]);
  });

  it('keeps a `__proto__` key as an own data key, never as a prototype', () => {
    const result = read('---\n__proto__:\n  polluted: yes\ntools: Read\n---\n');
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    const data = result.frontMatter.data;
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(data.tools).toBe('Read');
    expect(Object.keys(data)).toEqual(['__proto__', 'tools']);
  });

  it('reads a plain value holding ": " as text, as the clients do, with lines unchanged', () => {
    const result = read('---\nname: a\ndescription: Use it when: the user asks\ntools: Read\n---\n');
    if (!result.ok) throw new Error(JSON.stringify(result.findings));
    expect(result.frontMatter.data.description).toBe('Use it when: the user asks');
    expect(result.frontMatter.lineOf(['tools'])).toBe(4);
  });

  it('quotePlainValues leaves quoted, flow, block and indented values alone', () => {
    const yaml = 'a: "x: y"\nb: [c: d]\nc: |\n  e: f\nd: g: h\r';
    expect(quotePlainValues(yaml)).toBe('a: "x: y"\nb: [c: d]\nc: |\n  e: f\nd: "g: h"\r');
  });
});
