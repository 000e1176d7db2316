import { posix } from 'node:path';
import picomatch from 'picomatch';
import type { ToolPolicy } from '../types.js';

export interface TargetHit {
  /** dotted path of the argument inside `args` ('' when args itself is the string) */
  field: string;
  value: string;
  pattern: string;
}

type Matcher = (value: string) => boolean;
const matchers = new Map<string, Matcher>();

/**
 * The arguments of an intent that hit one of the policy's protected-target globs, in a fixed order.
 *
 * With `targetField` set, only the value at that dot path counts (a string, or every string of an array:
 * `read_multiple_files` takes a list). Without it, every string anywhere in the arguments counts: a policy
 * that names protected targets but not where they live must not be bypassed by guessing the field.
 */
export function findProtectedTargets(args: unknown, policy: ToolPolicy | undefined): TargetHit[] {
  const patterns = policy?.protectedTargets ?? [];
  if (patterns.length === 0) return [];
  const candidates =
    policy?.targetField === undefined
      ? collectStrings(args, '')
      : collectAt(args, policy.targetField.split('.'));
  const hits: TargetHit[] = [];
  for (const { field, value } of candidates) {
    const pattern = patterns.find((p) => matcherFor(p)(value));
    if (pattern !== undefined) hits.push({ field, value, pattern });
  }
  return hits;
}

/**
 * Two kinds of pattern. One with a `/` is a path glob (`*` stays inside a segment, `**` crosses them,
 * `/data/prod/**` also covers `/data/prod` itself) and is tried on the value and on its normalised form, so
 * `/data/./prod/../prod/x` cannot slip past. One without a `/` names an identifier (`prod-*`): `*` matches
 * any run of characters, `/` included. Both are case-sensitive.
 */
export function matcherFor(pattern: string): Matcher {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    matcher = pattern.includes('/') ? pathMatcher(pattern) : identifierMatcher(pattern);
    matchers.set(pattern, matcher);
  }
  return matcher;
}

function pathMatcher(pattern: string): Matcher {
  const isMatch = picomatch(pattern, { dot: true, windows: false, nocase: false });
  return (value) => isMatch(value) || isMatch(normalisePath(value));
}

function identifierMatcher(pattern: string): Matcher {
  const source = [...pattern]
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  const regex = new RegExp(`^${source}$`, 'su');
  return (value) => regex.test(value);
}

function normalisePath(value: string): string {
  if (value === '') return value;
  const normal = posix.normalize(value);
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}

interface Candidate {
  field: string;
  value: string;
}

function collectAt(value: unknown, segments: string[], field = ''): Candidate[] {
  if (segments.length === 0) {
    if (typeof value === 'string') return [{ field, value }];
    if (Array.isArray(value)) {
      return value.flatMap((item, i) =>
        typeof item === 'string' ? [{ field: `${field}.${i}`, value: item }] : [],
      );
    }
    return [];
  }
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = segments as [string, ...string[]];
  if (Array.isArray(value) && !/^\d+$/.test(head)) return [];
  if (!Object.hasOwn(value, head)) return [];
  return collectAt((value as Record<string, unknown>)[head], rest, field === '' ? head : `${field}.${head}`);
}

function collectStrings(value: unknown, field: string): Candidate[] {
  if (typeof value === 'string') return [{ field, value }];
  if (value === null || typeof value !== 'object') return [];
  const join = (key: string): string => (field === '' ? key : `${field}.${key}`);
  if (Array.isArray(value)) return value.flatMap((item, i) => collectStrings(item, join(String(i))));
  return Object.keys(value)
    .sort()
    .flatMap((key) => collectStrings((value as Record<string, unknown>)[key], join(key)));
}
