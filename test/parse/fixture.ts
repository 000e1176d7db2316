import { readFileSync } from 'node:fs';
import type { SourceFile } from '../../src/model/source-file.js';

/** A fixture from test/fixtures/manifests, as if it sat under registry/tools. */
export function manifestFixture(name: string): SourceFile {
  const text = readFileSync(new URL(`../fixtures/manifests/${name}`, import.meta.url), 'utf8');
  return { path: `registry/tools/${name}`, oid: `oid-${name}`, text };
}

export function source(path: string, text: string): SourceFile {
  return { path, oid: `oid-${path}`, text };
}
