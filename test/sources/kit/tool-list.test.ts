import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readToolList, splitToolString } from '../../../src/sources/kit/tool-list.js';

describe('readToolList', () => {
  it.each([
    ['a comma string', 'Read, Grep,Glob', ['Read', 'Grep', 'Glob']],
    ['a space separated string', 'Read Edit Bash(git:*)', ['Read', 'Edit', 'Bash(git:*)']],
    [
      'rules with blanks inside parentheses',
      'Bash(git add:*), Bash(gh pr create:*)',
      ['Bash(git add:*)', 'Bash(gh pr create:*)'],
    ],
    ['rules with commas inside parentheses', 'Bash(a,b) Read', ['Bash(a,b)', 'Read']],
    [
      'a list with names holding spaces',
      ['Azure MCP/documentation', ' Read '],
      ['Azure MCP/documentation', 'Read'],
    ],
    ['repeated names once', 'Read, Read', ['Read']],
    ['an empty string', '', []],
    ['an empty list', [], []],
  ])('reads %s', (_name, value, names) => {
    expect(readToolList(value)).toEqual({ kind: 'list', names });
  });

  it('null (a key with no value) says nothing', () => {
    expect(readToolList(null)).toEqual({ kind: 'absent' });
    expect(readToolList(undefined)).toEqual({ kind: 'absent' });
  });

  it.each([
    ['a number', 5, 'got 5'],
    ['a boolean', true, 'got true'],
    ['a mapping', { Read: true }, 'got a mapping'],
    ['a list holding a number', ['Read', 3], 'entry 1'],
  ])('refuses %s with a message', (_name, value, text) => {
    const result = readToolList(value);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.message).toContain(text);
  });

  it('property: names joined with ", " split back into the same names', () => {
    const name = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_/*-]{0,12}(\([a-z :*]{0,8}\))?$/u);
    fc.assert(
      fc.property(fc.uniqueArray(name, { maxLength: 8 }), (names) => {
        expect(splitToolString(names.join(', '))).toEqual(names);
        expect(splitToolString(names.join(','))).toEqual(names);
      }),
    );
  });
});
