// docs/architecture.md's layer tables are the floors lint enforces (scripts/eslint/floors.js), row for row, and
// every source path the docs name exists: a move that forgets the docs fails here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FLOORS, INNER_FLOORS, PURE } from '../../scripts/eslint/floors.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARCHITECTURE = readFileSync(`${ROOT}docs/architecture.md`, 'utf8');

/** The rows of the first table after `## Layers` whose header starts with `header`, as cells. */
function tableRows(header: string): string[][] {
  const section = ARCHITECTURE.slice(ARCHITECTURE.indexOf('\n## Layers\n'));
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${header} |`));
  if (start < 0) throw new Error(`docs/architecture.md: no table headed "${header}" under ## Layers`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const rooms = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

describe('docs/architecture.md and the lint floors', () => {
  it('lists every floor of src/ with its rooms, lowest first', () => {
    const rows = tableRows('floor');
    expect(rows.map((row) => Number(row[0]))).toEqual(FLOORS.map((_, index) => index + 1));
    expect(rows.map((row) => rooms(row[1]!))).toEqual(FLOORS);
  });

  it('lists the floors inside core and sources', () => {
    const rows = tableRows('room');
    const documented: Record<string, string[][]> = {};
    for (const [room, floor, list] of rows) {
      const floors = (documented[rooms(room!)[0]!] ??= []);
      expect(Number(floor)).toBe(floors.length + 1);
      floors.push(rooms(list!));
    }
    expect(documented).toEqual(INNER_FLOORS);
  });

  it('names the pure floors as lint does', () => {
    const line = ARCHITECTURE.split('\n\n').find((paragraph) => paragraph.startsWith('Pure floors'));
    expect(new Set(rooms(line ?? ''))).toEqual(PURE);
  });

  it('every floor and room it names is a folder or file of src/', () => {
    for (const room of FLOORS.flat()) expect(existsSync(`${ROOT}src/${room}`), room).toBe(true);
    for (const [building, floors] of Object.entries(INNER_FLOORS))
      for (const room of floors.flat()) expect(existsSync(`${ROOT}src/${building}/${room}`), room).toBe(true);
  });

  it('every src/ path the README and docs name exists', () => {
    const docs = [
      'README.md',
      ...['architecture', 'agent-sources', 'commands', 'formats', 'github'].map((d) => `docs/${d}.md`),
    ];
    for (const doc of docs) {
      const text = readFileSync(`${ROOT}${doc}`, 'utf8');
      for (const [path] of text.matchAll(/\bsrc\/[\w./-]*\w/g))
        expect(existsSync(`${ROOT}${path}`), `${doc}: ${path}`).toBe(true);
    }
  });

  it("the README's Layout names every folder of src/", () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8');
    const layout = readme.slice(
      readme.indexOf('## Layout'),
      readme.indexOf('\n## ', readme.indexOf('## Layout') + 1),
    );
    const folders = (dir: string): string[] =>
      readdirSync(`${ROOT}${dir}`, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => [`${dir}/${entry.name}`, ...folders(`${dir}/${entry.name}`)]);
    for (const folder of folders('src')) {
      // named whole (`src/core/diff`) or by its tail inside its room's line (`diff/fields`, `formats`)
      const tails = folder.split('/').map((_, i, parts) => parts.slice(i).join('/'));
      expect(
        tails.some((tail) => layout.includes(`\`${tail}\``)),
        folder,
      ).toBe(true);
    }
  });
});
