import { describe, expect, it } from 'vitest';
import { botLoginOf } from '../../src/gate/check-setup.js';
import { UsageError } from '../../src/errors.js';

describe('the comment owner of a token that may not ask GET /user', () => {
  it("is Actions' bot without a slug, and <slug>[bot] with one (a pasted [bot] suffix is tolerated)", () => {
    expect(botLoginOf(undefined)).toBe('github-actions[bot]');
    expect(botLoginOf('  ')).toBe('github-actions[bot]');
    expect(botLoginOf('acme-gate')).toBe('acme-gate[bot]');
    expect(botLoginOf('acme-gate[bot]')).toBe('acme-gate[bot]');
  });

  it('refuses what no App slug can be: exit 2, one line', () => {
    for (const slug of ['-x', 'x-', 'a b', 'a/b', 'a\nb', '@acme', 'ａｃｍｅ', 'x'.repeat(101)]) {
      let error: unknown;
      try {
        botLoginOf(slug);
      } catch (caught) {
        error = caught;
      }
      expect(error, slug).toBeInstanceOf(UsageError);
      expect((error as UsageError).exitCode).toBe(2);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
