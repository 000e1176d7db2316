import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/model/types.js';
import type { SourceFile } from '../../src/model/source-file.js';

const ROOT = fileURLToPath(new URL('../fixtures/sources/', import.meta.url));

/** A fixture file, presented under the repository path its client reads. */
export function fixture(name: string, path: string): SourceFile {
  return { path, oid: 'fixture', text: readFileSync(`${ROOT}${name}`, 'utf8') };
}

export function inline(path: string, text: string): SourceFile {
  return { path, oid: 'inline', text };
}

/** The findings a test is about: the residual's info notes (tested on their own) are left out. */
export function codes(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => !(f.severity === 'info' && f.code === 'unknown-authority-key'))
    .map((f) => `${f.severity}:${f.code}:${f.line}:${f.field ?? ''}`);
}
