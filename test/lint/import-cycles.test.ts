import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImportCycles, foldIntoRooms, readImportGraph } from '../helpers/import-graph.js';

const root = resolve(import.meta.dirname, '../..');

describe('import cycles', () => {
  it('src/ has none, counting type-only and lazy imports', () => {
    const graph = readImportGraph(root, 'src');
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/cli/commands/diff.ts')).toContain('src/cli/actions/diff.ts');
    expect(findImportCycles(graph)).toEqual([]);
  });

  it.each(['src', 'src/core', 'src/sources'])('the rooms of %s import each other in no circle', (prefix) => {
    const rooms = foldIntoRooms(readImportGraph(root, 'src'), prefix);
    expect(rooms.size).toBeGreaterThan(4);
    expect(findImportCycles(rooms)).toEqual([]);
  });

  it('rooms fold a circle between two folders into one, and ignore files outside the prefix', () => {
    const graph = new Map([
      ['src/a/x.ts', ['src/b/deep/y.ts']],
      ['src/b/deep/y.ts', ['src/a/z.ts']],
      ['src/a/z.ts', []],
      ['test/t.ts', ['src/a/x.ts']],
    ]);
    const rooms = foldIntoRooms(graph, 'src');
    expect([...rooms.keys()].sort()).toEqual(['src/a', 'src/b']);
    expect(findImportCycles(rooms)).toEqual([['src/a', 'src/b']]);
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
