import type { ToolPolicy } from '../../model/types.js';
import { MAX_ARG_DEPTH } from './arg-shape.js';
import { decodePercent } from './target-readings.js';
import { compileTargetGlob } from './target-glob.js';
import type { TargetGlob } from './target-glob.js';
import { foldTarget, hasNul } from './fold-target.js';
import { identifierReadings, pathReadings } from './target-readings.js';

/** Where a finding points: the path of keys from `args` ([] for args itself). */
type Segments = string[];

export type TargetFinding =
  /** a value (or, with no targetField, an object key) that names a protected target */
  | { kind: 'hit'; segments: Segments; value: string; pattern: string; isKey: boolean }
  /** the target field holds something other than a string or a flat list of strings */
  | { kind: 'not-string'; segments: Segments; got: string }
  /** the policy names a target field the intent does not carry */
  | { kind: 'missing'; segments: Segments }
  /** a NUL in a value checked against path patterns: C APIs below would cut the path there */
  | { kind: 'nul'; segments: Segments }
  /** a protected-target pattern that cannot be compiled: nothing can be proved safe against it */
  | { kind: 'bad-pattern'; pattern: string };

interface Candidate {
  segments: Segments;
  value: string;
  isKey: boolean;
}

interface Pattern {
  source: string;
  path: boolean;
  glob: TargetGlob | undefined;
}

const compiled = new Map<string, Pattern>();

/**
 * The findings of an intent's arguments against the policy's protected targets, in a fixed order.
 *
 * With `targetField` set, only the value at that dot path counts, and it must be a string or a flat list of
 * strings (`read_multiple_files`); anything else is a finding, not a pass. Without it, every string, number
 * and object key anywhere in the arguments counts: a policy that names protected targets but not where they
 * live must not be bypassed by guessing the field, or by moving the name into a key.
 *
 * Values and patterns are compared folded (foldTarget); a pattern holding `/` is a path glob and is tried on
 * every reading of the value (pathReadings): a hit on any reading is a hit.
 */
export function findProtectedTargets(args: unknown, policy: ToolPolicy | undefined): TargetFinding[] {
  const sources = policy?.protectedTargets ?? [];
  if (sources.length === 0) return [];
  const patterns = sources.map(patternFor);
  const findings: TargetFinding[] = patterns
    .filter((pattern) => pattern.glob === undefined)
    .map((pattern) => ({ kind: 'bad-pattern', pattern: pattern.source }));
  const collected =
    policy?.targetField === undefined
      ? { candidates: collectEverything(args), problems: [] }
      : collectField(args, policy.targetField.split('.'));
  findings.push(...collected.problems);
  const anyPath = patterns.some((pattern) => pattern.path);
  for (const candidate of collected.candidates) {
    if (anyPath && containsNul(candidate.value)) {
      findings.push({ kind: 'nul', segments: candidate.segments });
      continue;
    }
    const hit = patterns.find((pattern) => matches(pattern, candidate.value));
    if (hit !== undefined) {
      findings.push({
        kind: 'hit',
        segments: candidate.segments,
        value: candidate.value,
        pattern: hit.source,
        isKey: candidate.isKey,
      });
    }
  }
  return findings;
}

function patternFor(source: string): Pattern {
  let pattern = compiled.get(source);
  if (!pattern) {
    // `/data/prod/` names a folder: it protects what is under it, as `/data/prod/**` does
    const folded = foldTarget(source).replace(/(?<=.)\/+$/, '/**');
    pattern = { source, path: folded.includes('/'), glob: compileTargetGlob(folded) };
    compiled.set(source, pattern);
  }
  return pattern;
}

function matches(pattern: Pattern, value: string): boolean {
  const glob = pattern.glob;
  if (glob === undefined) return false;
  const readings = pattern.path ? pathReadingsOf(value) : identifierReadingsOf(value);
  return readings.some((reading) => glob.test(reading));
}

// Two rounds: folding can make a separator (full-width `／`) and decoding can make text that needs folding.
function pathReadingsOf(value: string): string[] {
  const first = pathReadings(foldTarget(value));
  return [...new Set(first.flatMap((reading) => pathReadings(foldTarget(reading))))];
}

function identifierReadingsOf(value: string): string[] {
  const first = identifierReadings(foldTarget(value));
  return [...new Set(first.flatMap((reading) => identifierReadings(foldTarget(reading)).map(foldTarget)))];
}

function containsNul(value: string): boolean {
  const once = decodePercent(value);
  return hasNul(value) || hasNul(once) || hasNul(decodePercent(once));
}

function collectField(
  args: unknown,
  segments: string[],
): { candidates: Candidate[]; problems: TargetFinding[] } {
  let value: unknown = args;
  for (const segment of segments) {
    const container =
      value !== null && typeof value === 'object' && (!Array.isArray(value) || /^\d+$/.test(segment));
    if (!container || !Object.hasOwn(value as object, segment)) {
      return { candidates: [], problems: [{ kind: 'missing', segments }] };
    }
    value = (value as Record<string, unknown>)[segment];
  }
  if (typeof value === 'string') return { candidates: [{ segments, value, isKey: false }], problems: [] };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const candidates = value.map((item: string, i) => ({
      segments: [...segments, String(i)],
      value: item,
      isKey: false,
    }));
    return { candidates, problems: [] };
  }
  return { candidates: [], problems: [{ kind: 'not-string', segments, got: describeType(value) }] };
}

function collectEverything(args: unknown): Candidate[] {
  const out: Candidate[] = [];
  const visit = (value: unknown, segments: Segments): void => {
    if (typeof value === 'string') out.push({ segments, value, isKey: false });
    else if (typeof value === 'number' || typeof value === 'bigint')
      out.push({ segments, value: String(value), isKey: false });
    // deeper values are refused by findShapeProblems; stopping here keeps the walk bounded
    if (value === null || typeof value !== 'object' || segments.length >= MAX_ARG_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...segments, String(i)]));
      return;
    }
    for (const key of Object.keys(value).sort()) {
      out.push({ segments: [...segments, key], value: key, isKey: true });
      visit((value as Record<string, unknown>)[key], [...segments, key]);
    }
  };
  visit(args, []);
  return out;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list holding something other than strings';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
