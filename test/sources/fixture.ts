import type { SourceFile } from '../../src/model/source-file.js';
import { sharedFixture } from '../helpers/shared-fixtures.js';

export function sourceFile(path: string, text: string): SourceFile {
  return { path, oid: '0'.repeat(40), text };
}

/** The shared corpus of real agent configs, read in place (never copied into the project). */
export const CORPUS_DIR = sharedFixture('agent-configs');

/** Lines of front matter between `---` markers, then the body. */
export function markdown(frontMatter: string, body = 'Body text.\n'): string {
  return `---\n${frontMatter}\n---\n${body}`;
}
