import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles, readImportGraph } from '../helpers/import-graph.js';

const root = resolve(import.meta.dirname, '../..');

describe('import cycles', () => {
  it('src/ has none, counting type-only and lazy imports', () => {
    const graph = readImportGraph(root, 'src');
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/cli/commands/diff.ts')).toContain('src/cli/actions/diff.ts');
    expect(findImportCycles(graph)).toEqual([]);
  });

  it('the finder reports a two-file cycle, a longer ring and a self-import, and nothing for a diamond', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a']],
      ['c', ['d']],
      ['d', ['e']],
      ['e', ['c', 'f']],
      ['f', []],
      ['g', ['g']],
      ['top', ['left', 'right']],
      ['left', ['bottom']],
      ['right', ['bottom']],
      ['bottom', []],
    ]);
    expect(findImportCycles(graph).sort()).toEqual([['a', 'b'], ['c', 'd', 'e'], ['g']]);
  });
});
