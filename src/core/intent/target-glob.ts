/**
 * Compiles a protected-target glob to a RegExp over folded text. Written here rather than taken from picomatch
 * because a target must be matched over every character it holds: picomatch's `**` stops at a line break, and
 * its `?` takes one UTF-16 unit, so an astral character slipped past `prod-?`.
 *
 * Path mode (the pattern holds a `/`): `*` and `?` stay inside a segment, `**` crosses segments, and a trailing
 * `/**` also covers the folder itself. Identifier mode: `*` and `?` match any character, `/` included.
 * Both modes know `[...]` (with `!` or `^` to negate), `{a,b}` and `\` to escape.
 */
export function compileTargetGlob(pattern: string): RegExp | undefined {
  const path = pattern.includes('/');
  try {
    return new RegExp(`^${translate(pattern, path)}$`, 'su');
  } catch {
    // an unusable pattern (a reversed range `[z-a]`) is reported by the caller, which fails closed on it
    return undefined;
  }
}

function translate(glob: string, path: boolean): string {
  let out = '';
  let i = 0;
  while (i < glob.length) {
    const ch = glob[i]!;
    if (ch === '\\' && i + 1 < glob.length) {
      const next = String.fromCodePoint(glob.codePointAt(i + 1)!);
      out += escapeLiteral(next);
      i += 1 + next.length;
    } else if (ch === '/' && path && glob.slice(i + 1) === '**') {
      // `a/**` covers the folder `a` itself as well as everything under it
      out += '(?:/.*)?';
      i = glob.length;
    } else if (ch === '*') {
      let end = i;
      while (glob[end] === '*') end++;
      out += starRun(glob, i, end, path);
      i = end + (end - i > 1 && path && glob[end] === '/' && atSegmentStart(glob, i) ? 1 : 0);
    } else if (ch === '?') {
      out += path ? '[^/]' : '.';
      i++;
    } else if (ch === '[') {
      const close = findClassEnd(glob, i);
      if (close < 0) {
        out += '\\[';
        i++;
      } else {
        out += translateClass(glob.slice(i + 1, close), path);
        i = close + 1;
      }
    } else if (ch === '{') {
      const close = findBraceEnd(glob, i);
      if (close < 0) {
        out += '\\{';
        i++;
      } else {
        const options = splitTopLevel(glob.slice(i + 1, close));
        out += `(?:${options.map((option) => translate(option, path)).join('|')})`;
        i = close + 1;
      }
    } else {
      const literal = String.fromCodePoint(glob.codePointAt(i)!);
      out += escapeLiteral(literal);
      i += literal.length;
    }
  }
  return out;
}

function starRun(glob: string, start: number, end: number, path: boolean): string {
  if (!path) return '.*';
  if (end - start === 1) return '[^/]*';
  const segmentStart = atSegmentStart(glob, start);
  const segmentEnd = end === glob.length || glob[end] === '/';
  if (segmentStart && segmentEnd) {
    // `**/b` and `a/**/b` cover zero folders too
    return end === glob.length ? '.*' : '(?:.*/)?';
  }
  return '.*';
}

function atSegmentStart(glob: string, index: number): boolean {
  return index === 0 || glob[index - 1] === '/';
}

function translateClass(body: string, path: boolean): string {
  let negate = false;
  let rest = body;
  if (rest.startsWith('!') || rest.startsWith('^')) {
    negate = true;
    rest = rest.slice(1);
  }
  let out = '';
  for (const ch of rest) out += ch === '-' ? '-' : /[\\\]^[]/.test(ch) ? `\\${ch}` : ch;
  // a class never matches the path separator, negated or not
  if (negate) return `[^${path ? '/' : ''}${out}]`;
  return path ? `(?!/)[${out}]` : `[${out}]`;
}

function findClassEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  if (glob[i] === ']') i++;
  const close = glob.indexOf(']', i);
  return close;
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

function escapeLiteral(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}
