import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** file (relative to root, `/`-separated) -> the project files it imports, type-only and lazy imports included. */
export type ImportGraph = Map<string, string[]>;

/** Reads every `.ts` file under `dir` and resolves its relative imports (`./x.js` -> `./x.ts`, `./x` -> `./x/index.ts`). */
export function readImportGraph(root: string, dir: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of listTsFiles(resolve(root, dir))) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      const target = resolveSpecifier(file, fileName);
      if (target) targets.add(toKey(root, target));
    }
    graph.set(toKey(root, file), [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan, iterative-safe sizes). */
export function findImportCycles(graph: ImportGraph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

function listTsFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...listTsFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), `${base}.ts`, join(base, 'index.ts')];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

function toKey(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}

/**
 * The graph of rooms: `src/x/...` files folded into their room at `depth` below `prefix` (`src` at depth 1 gives
 * `src/core`, `src/git`...; `src/core` gives `src/core/diff`...). A file directly in `prefix` is its own room.
 */
export function foldIntoRooms(graph: ImportGraph, prefix: string): ImportGraph {
  const roomOf = (file: string): string | null => {
    if (!file.startsWith(`${prefix}/`)) return null;
    const rest = file.slice(prefix.length + 1).split('/');
    return `${prefix}/${rest[0]}`;
  };
  const rooms: ImportGraph = new Map();
  for (const [file, targets] of graph) {
    const from = roomOf(file);
    if (from === null) continue;
    const edges = new Set(rooms.get(from) ?? []);
    for (const target of targets) {
      const to = roomOf(target);
      if (to !== null && to !== from) edges.add(to);
    }
    rooms.set(from, [...edges].sort());
  }
  return rooms;
}
