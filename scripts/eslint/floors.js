// The floors of src/, lowest first: a file may import its own room, or a room on a lower floor, never a higher
// one. Rooms on one floor do not depend on each other. `core` and `sources` are buildings of their own with
// floors inside; a file directly inside one of them (not in a room) is its front door, on its top floor.
// docs/architecture.md's layer table is tested against this list (test/lint/floors-doc.test.ts).

/** Top-level rooms of src/, lowest floor first. */
export const FLOORS = [
  ['errors.ts', 'text'],
  ['model', 'schemas'],
  ['parse', 'git', 'init'],
  ['sources'],
  ['core'],
  ['github', 'load', 'runtime'],
  ['release'],
  ['render'],
  ['gate', 'inventory'],
  ['cli', 'action', 'index.ts'],
];

/** Floors inside a room; `.` is a file directly in the room. */
export const INNER_FLOORS = {
  core: [
    ['plane', 'radius'],
    ['agents', 'checks', 'codeowners', 'gate', 'eval', 'release', 'floor'],
    ['diff', 'intent'],
    ['history'],
    ['.'],
  ],
  sources: [['kit'], ['profiles'], ['catalogs'], ['resolve'], ['formats'], ['.']],
};

/** Layers that are data in, data out: no fs, git, network, colour or process, and only other pure layers. */
export const PURE = new Set(['errors.ts', 'model', 'text', 'schemas', 'parse', 'init', 'sources', 'core']);

/** The floor index of `room` in `floors`, or -1 when the list does not name it. */
export function floorOf(floors, room) {
  return floors.findIndex((floor) => floor.includes(room));
}
