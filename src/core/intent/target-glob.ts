/**
 * A protected-target glob, compiled once, matched against folded text.
 *
 * Written here rather than taken from picomatch because a target must be matched over every character it
 * holds (picomatch's `**` stops at a line break, its `?` takes one UTF-16 unit), and because the value is
 * hostile: a backtracking RegExp for `*a*b*` takes quadratic time on a long argument. This matcher runs the
 * glob as a small automaton, one pass over the value's code points, whatever the pattern.
 *
 * Path mode (the pattern holds a `/`): `*` and `?` stay inside a segment, `**` crosses segments, `a/**` also
 * covers `a` itself and `**\/` also matches zero folders. Identifier mode: `*` and `?` match any character,
 * `/` included. Both know `[...]` (`!` or `^` negates), `{a,b}` and `\` to escape.
 */
export interface TargetGlob {
  test(value: string): boolean;
}

type Token =
  | { kind: 'literal'; ch: string }
  | { kind: 'one'; crossesSlash: boolean }
  | { kind: 'class'; set: RegExp }
  | { kind: 'star'; crossesSlash: boolean };

/** Brace and globstar alternatives past this are a pattern no reviewer can read: it is refused. */
const MAX_ALTERNATIVES = 256;

/** The glob, or undefined when it cannot be compiled (the caller fails closed on it). */
export function compileTargetGlob(pattern: string): TargetGlob | undefined {
  const path = pattern.includes('/');
  const alternatives = expandBraces(pattern);
  if (alternatives === undefined) return undefined;
  const programs: Token[][] = [];
  for (const alternative of alternatives) {
    for (const spelled of path ? expandGlobstars(alternative) : [alternative]) {
      const tokens = tokenize(spelled, path);
      if (tokens === undefined) return undefined;
      programs.push(tokens);
      if (programs.length > MAX_ALTERNATIVES) return undefined;
    }
  }
  return { test: (value) => programs.some((tokens) => run(tokens, value)) };
}

function run(tokens: Token[], value: string): boolean {
  const size = tokens.length + 1;
  let states = closure(tokens, markOnly(size, 0));
  let next = new Uint8Array(size);
  for (const ch of value) {
    next.fill(0);
    let alive = false;
    for (let s = 0; s < tokens.length; s++) {
      if (!states[s]) continue;
      const token = tokens[s]!;
      if (token.kind === 'star') {
        if (token.crossesSlash || ch !== '/') {
          next[s] = 1;
          alive = true;
        }
      } else if (accepts(token, ch)) {
        next[s + 1] = 1;
        alive = true;
      }
    }
    if (!alive) return false;
    [states, next] = [closure(tokens, next), states];
  }
  return states[tokens.length] === 1;
}

function markOnly(size: number, index: number): Uint8Array<ArrayBuffer> {
  const states = new Uint8Array(size);
  states[index] = 1;
  return states;
}

/** A star may match nothing: being before it also means being after it. */
function closure(tokens: Token[], states: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  for (let s = 0; s < tokens.length; s++) if (states[s] && tokens[s]!.kind === 'star') states[s + 1] = 1;
  return states;
}

function accepts(token: Token, ch: string): boolean {
  switch (token.kind) {
    case 'literal':
      return token.ch === ch;
    case 'one':
      return token.crossesSlash || ch !== '/';
    case 'class':
      return token.set.test(ch);
    default:
      return false;
  }
}

function tokenize(glob: string, path: boolean): Token[] | undefined {
  const tokens: Token[] = [];
  const chars = [...glob];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === '\\' && i + 1 < chars.length) {
      tokens.push({ kind: 'literal', ch: chars[++i]! });
    } else if (ch === '*') {
      let end = i;
      while (chars[end + 1] === '*') end++;
      tokens.push({ kind: 'star', crossesSlash: !path || end > i });
      i = end;
    } else if (ch === '?') {
      tokens.push({ kind: 'one', crossesSlash: !path });
    } else if (ch === '[') {
      const close = findClassEnd(chars, i);
      if (close < 0) {
        tokens.push({ kind: 'literal', ch });
        continue;
      }
      const set = compileClass(chars.slice(i + 1, close), path);
      if (set === undefined) return undefined;
      tokens.push({ kind: 'class', set });
      i = close;
    } else {
      tokens.push({ kind: 'literal', ch });
    }
  }
  return tokens;
}

function findClassEnd(chars: string[], open: number): number {
  let i = open + 1;
  if (chars[i] === '!' || chars[i] === '^') i++;
  if (chars[i] === ']') i++;
  for (; i < chars.length; i++) if (chars[i] === ']') return i;
  return -1;
}

function compileClass(body: string[], path: boolean): RegExp | undefined {
  let rest = body;
  const negate = rest[0] === '!' || rest[0] === '^';
  if (negate) rest = rest.slice(1);
  const source = rest.map((ch) => (ch === '-' ? '-' : /[\\\]^[]/.test(ch) ? `\\${ch}` : ch)).join('');
  try {
    // a class never matches the path separator, negated or not
    const set = negate ? `[^${path ? '/' : ''}${source}]` : `[${source}]`;
    const regex = new RegExp(`^${set}$`, 'u');
    return path && !negate ? new RegExp(`^(?!/)${set}$`, 'u') : regex;
  } catch {
    return undefined; // a reversed range such as [z-a]
  }
}

/** `{a,b}` alternatives, innermost first; undefined when there are too many to be a reviewed pattern. */
function expandBraces(glob: string): string[] | undefined {
  const open = findUnescaped(glob, '{');
  if (open < 0) return [glob];
  const close = findBraceEnd(glob, open);
  if (close < 0) return [glob];
  const head = glob.slice(0, open);
  const tail = glob.slice(close + 1);
  const out: string[] = [];
  for (const option of splitTopLevel(glob.slice(open + 1, close))) {
    const expanded = expandBraces(head + option + tail);
    if (expanded === undefined) return undefined;
    out.push(...expanded);
    if (out.length > MAX_ALTERNATIVES) return undefined;
  }
  return out;
}

/** `a/**` also covers `a`; `**\/b` and `a/**\/b` also cover zero folders. */
function expandGlobstars(glob: string): string[] {
  const results = new Set<string>([glob]);
  if (glob.endsWith('/**') && glob.length > 3) results.add(glob.slice(0, -3));
  for (const spelled of [...results]) {
    let variants = [''];
    const segments = spelled.split('/');
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const piece = last ? segment : `${segment}/`;
      variants = variants.flatMap((v) => (segment === '**' && !last ? [v + piece, v] : [v + piece]));
      variants = variants.slice(0, MAX_ALTERNATIVES + 1);
    });
    for (const variant of variants) results.add(variant);
  }
  return [...results];
}

function findUnescaped(glob: string, target: string): number {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === target) return i;
  }
  return -1;
}

function findBraceEnd(glob: string, open: number): number {
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') depth++;
    else if (glob[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}
