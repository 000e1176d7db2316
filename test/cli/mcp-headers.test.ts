import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { readHeaderOptions } from '../../src/cli/actions/mcp-headers.js';

const env = { TOKEN: 'Bearer abc', KEY: 'k1', BROKEN: 'a\r\nX-Injected: 1' };

describe('readHeaderOptions', () => {
  it('reads each value from the variable it names', () => {
    expect(readHeaderOptions(['Authorization=env:TOKEN', 'X-Api-Key=env:KEY'], env)).toEqual({
      headers: { Authorization: 'Bearer abc', 'X-Api-Key': 'k1' },
      variables: ['TOKEN', 'KEY'],
    });
  });

  it('refuses any literal value without ever repeating it', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((value) => !/^env:[A-Za-z_][A-Za-z0-9_]*$/.test(value)),
        (value) => {
          let error: unknown;
          try {
            readHeaderOptions([`Authorization=${value}`], env);
          } catch (caught) {
            error = caught;
          }
          expect(error).toBeInstanceOf(UsageError);
          expect((error as UsageError).exitCode).toBe(2);
          if (value.length >= 8) expect((error as Error).message).not.toContain(value);
        },
      ),
    );
  });

  it.each([
    [['Authorization=env:UNSET'], 'the environment variable UNSET is not set'],
    [['Bad Name=env:TOKEN'], 'expected NAME=env:VAR'],
    [['Authorization'], 'give the value as env:VAR'],
    [['X=env:BROKEN'], 'line break'],
    [['Authorization=env:TOKEN', 'authorization=env:KEY'], 'given twice'],
  ])('%j is refused: %s', (options, message) => {
    expect(() => readHeaderOptions(options, env)).toThrow(message);
  });
});
