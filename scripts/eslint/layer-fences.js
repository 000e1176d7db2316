// A lint rule that keeps the layers of src/ apart at every folder depth. It resolves each import against the
// importing file, so `../../git/run-git.js` from src/core/parse/ is caught like `../git/run-git.js` from src/core/,
// and it sees static imports, re-exports, dynamic `import()` and `require()` alike.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

import { FLOORS, INNER_FLOORS, PURE, floorOf } from './floors.js';

const SRC = resolve(import.meta.dirname, '../../src');
const NETWORK = new Set([
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'tls',
  'dns',
  'inspector',
  'worker_threads',
]);
const FILES = new Set(['fs', 'fs/promises', 'readline', 'os']);

function segmentsOf(absolute) {
  const rel = relative(SRC, absolute);
  if (rel.startsWith('..') || rel === '') return null;
  // an import names the emitted `.js`; the room is the `.ts` beside it
  return rel.replace(/\.js$/, '.ts').split(sep);
}

function layerOf(absolute) {
  return segmentsOf(absolute)?.[0] ?? null;
}

/** Why an import from one file of src/ to another climbs a floor, or null when it does not. */
function floorViolation(fromFile, targetFile) {
  const from = segmentsOf(fromFile);
  const to = segmentsOf(targetFile);
  if (from === null || to === null) return null;
  if (from[0] !== to[0]) {
    const a = floorOf(FLOORS, from[0]);
    const b = floorOf(FLOORS, to[0]);
    if (a === -1) return `src/${from[0]} is on no floor: add it to FLOORS in scripts/eslint/floors.js`;
    if (b === -1) return `src/${to[0]} is on no floor: add it to FLOORS in scripts/eslint/floors.js`;
    if (b > a)
      return `src/${from[0]} (floor ${a}) may not import src/${to[0]} (floor ${b}): a lower floor never imports a higher one`;
    if (b === a)
      return `src/${from[0]} and src/${to[0]} share a floor: rooms on one floor do not import each other`;
    return null;
  }
  const inner = INNER_FLOORS[from[0]];
  if (inner === undefined) return null;
  const roomA = from.length > 2 ? from[1] : '.';
  const roomB = to.length > 2 ? to[1] : '.';
  if (roomA === roomB) return null;
  const a = floorOf(inner, roomA);
  const b = floorOf(inner, roomB);
  const name = (room) => (room === '.' ? `src/${from[0]}/*.ts` : `src/${from[0]}/${room}`);
  if (a === -1 || b === -1)
    return `${name(a === -1 ? roomA : roomB)} is on no floor: add it to INNER_FLOORS in scripts/eslint/floors.js`;
  if (b > a) return `${name(roomA)} may not import ${name(roomB)}: a lower floor never imports a higher one`;
  if (b === a)
    return `${name(roomA)} and ${name(roomB)} share a floor: rooms on one floor do not import each other`;
  return null;
}

function builtinName(specifier) {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return builtinModules.includes(bare) || specifier.startsWith('node:') ? bare : null;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Why `from` (a layer of src/) may not import `specifier`, or null when it may. */
export function fenceViolation(fromFile, specifier) {
  const from = layerOf(fromFile);
  if (from === null) return null;
  const pure = PURE.has(from);
  if (specifier.startsWith('.')) {
    const targetFile = resolve(dirname(fromFile), specifier);
    const target = layerOf(targetFile);
    if (target === null) return null;
    if (target === 'cli' && from !== 'cli') return `only src/cli may import src/cli (from src/${from})`;
    if (target !== from && pure && !PURE.has(target))
      return `src/${from} is pure: it may not import src/${target}`;
    return floorViolation(fromFile, targetFile);
  }
  const builtin = builtinName(specifier);
  if (builtin !== null) {
    if (builtin === 'child_process' && from !== 'git')
      return 'only src/git may run processes (node:child_process)';
    if (
      pure &&
      (FILES.has(builtin) || NETWORK.has(builtin) || builtin === 'process' || builtin.startsWith('fs/'))
    )
      return `src/${from} is pure: no ${specifier}`;
    return null;
  }
  const name = packageName(specifier);
  if ((name === 'simple-git' || name === 'execa') && from !== 'git')
    return `only src/git may run git (${name})`;
  if (name.startsWith('@octokit/') && from !== 'github') return `only src/github may use Octokit (${name})`;
  if (pure && (name === 'chalk' || name.startsWith('@actions/') || name === '@modelcontextprotocol/sdk'))
    return `src/${from} is pure: no ${name}`;
  return null;
}

const rule = {
  meta: { type: 'problem', schema: [], docs: { description: 'layer fences of src/' } },
  create(context) {
    const file = context.filename;
    const check = (node, source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const why = fenceViolation(file, source.value);
      if (why) context.report({ node, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node, node.arguments[0]);
      },
    };
  },
};

export const layerFences = { rules: { 'layer-fences': rule } };
