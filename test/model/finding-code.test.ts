import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../src/model/finding-code.js';
import type { FindingCode } from '../../src/model/finding-code.js';
import type { Finding } from '../../src/model/types.js';

const src = resolve(import.meta.dirname, '../../src');

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listTs(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('finding codes', () => {
  it('are one list of distinct kebab-case names', () => {
    expect(new Set(FINDING_CODES).size).toBe(FINDING_CODES.length);
    for (const code of FINDING_CODES) expect(code).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('a finding cannot carry a code outside the union', () => {
    // @ts-expect-error: 'made-up-code' is not a FindingCode
    const finding: Finding = { severity: 'error', code: 'made-up-code', path: 'a', line: 1, message: 'm' };
    expect(FINDING_CODES).not.toContain(finding.code);
  });

  it('every code the sources spell out as a literal is in the union (intent reason codes aside)', () => {
    const known = new Set<string>(FINDING_CODES);
    const missing: string[] = [];
    for (const file of listTs(src)) {
      if (file.includes(`${join('core', 'intent')}`) || file.endsWith('evaluate-intent.ts')) continue;
      if (file.includes(join('src', 'runtime'))) continue;
      for (const match of readFileSync(file, 'utf8').matchAll(/\bcode: '([a-z0-9-]+)'/g)) {
        const code = match[1] as FindingCode;
        if (!known.has(code)) missing.push(`${file}: ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
