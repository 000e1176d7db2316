import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from './global-setup.js';

let root: string;
const write = (path: string, seconds: number) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), '');
  utimesSync(join(root, path), seconds, seconds);
};
const OUTPUTS = [
  'dist/index.js',
  'dist/schemas/config.json',
  'dist/schemas/validators.standalone.cjs',
  'dist/bin/agentgate.js',
];

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'agentgate-setup-'));
  write('package.json', 1_000);
  write('src/core/deep/radius.ts', 1_000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the test build check', () => {
  it('wants a build when dist/ is missing or partly missing', () => {
    expect(staleReason(root)).toBe('dist/index.js is missing');
    for (const path of OUTPUTS.slice(0, 3)) write(path, 2_000);
    expect(staleReason(root)).toBe('dist/bin/agentgate.js is missing');
  });

  it('accepts a build newer than every source, and refuses one older than any, however deep', () => {
    for (const path of OUTPUTS) write(path, 2_000);
    expect(staleReason(root)).toBeNull();
    write('src/core/deep/radius.ts', 3_000);
    expect(staleReason(root)).toBe('the sources changed after the last build');
  });

  it('dates the build by its oldest output, and counts the build inputs beside src/', () => {
    for (const path of OUTPUTS) write(path, 2_000);
    write('dist/index.js', 1_500);
    write('package-lock.json', 1_800);
    expect(staleReason(root)).toBe('the sources changed after the last build');
  });
});
