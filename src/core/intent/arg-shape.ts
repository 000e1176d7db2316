import { foldTarget } from './fold-target.js';

/** Deeper arguments are refused: no tool needs them, and every reader below (ajv, JSON) recurses. */
export const MAX_ARG_DEPTH = 64;

/** Keys that reach an object's prototype when a tool merges its arguments into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ShapeProblem =
  { kind: 'forbidden-key'; segments: string[]; key: string } | { kind: 'too-deep'; segments: string[] };

/**
 * Problems in the shape of `args`, anywhere in it: prototype keys (compared after folding, so `__PROTO__` or a
 * key with a zero-width space counts too) and nesting deeper than MAX_ARG_DEPTH. Walks with an explicit stack,
 * so a hostile depth cannot overflow the call stack here.
 */
export function findShapeProblems(args: unknown): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const stack: { value: unknown; segments: string[] }[] = [{ value: args, segments: [] }];
  while (stack.length > 0) {
    const { value, segments } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (segments.length >= MAX_ARG_DEPTH) {
      problems.push({ kind: 'too-deep', segments });
      continue;
    }
    const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value).sort();
    for (const key of keys) {
      const path = [...segments, key];
      if (!Array.isArray(value) && FORBIDDEN_KEYS.has(foldTarget(key)))
        problems.push({ kind: 'forbidden-key', segments: path, key });
      stack.push({ value: (value as Record<string, unknown>)[key], segments: path });
    }
  }
  return problems.sort((a, b) => compareSegments(a.segments, b.segments));
}

function compareSegments(a: string[], b: string[]): number {
  const left = a.join('\u0000');
  const right = b.join('\u0000');
  return left < right ? -1 : left > right ? 1 : 0;
}
