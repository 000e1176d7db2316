// A lint rule that keeps the layers of src/ apart at every folder depth. It resolves each import against the
// importing file, so `../../git/run-git.js` from src/core/parse/ is caught like `../git/run-git.js` from src/core/,
// and it sees static imports, re-exports, dynamic `import()` and `require()` alike.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '../../src');

/** Layers that are data in, data out: no fs, git, network, colour or process, and only other pure layers. */
const PURE = new Set(['core', 'sources', 'schemas', 'errors.ts']);
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

function layerOf(absolute) {
  const rel = relative(SRC, absolute);
  if (rel.startsWith('..') || rel === '') return null;
  return rel.split(sep)[0];
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
    const target = layerOf(resolve(dirname(fromFile), specifier));
    if (target === null || target === from) return null;
    if (target === 'cli') return `only src/cli may import src/cli (from src/${from})`;
    if (pure && !PURE.has(target)) return `src/${from} is pure: it may not import src/${target}`;
    return null;
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
