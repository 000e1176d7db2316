// CODEOWNERS as GitHub reads it: gitignore-like patterns, the LAST matching rule wins, a rule without
// owners un-owns what it matches, and a line with invalid syntax is skipped (GitHub shows it as an error
// and ignores it) rather than failing the whole file.

export type CodeownersOwner =
  | { kind: 'user'; login: string; raw: string }
  | { kind: 'team'; org: string; slug: string; raw: string }
  | { kind: 'email'; email: string; raw: string };

export interface CodeownersRule {
  /** the pattern as written, escapes included */
  pattern: string;
  /** owners as written: `@user`, `@org/team`, `user@example.com` */
  owners: string[];
  line: number;
  regex: RegExp;
}

export interface CodeownersError {
  path: string;
  line: number;
  message: string;
}

export interface ParsedCodeowners {
  path: string;
  rules: CodeownersRule[];
  errors: CodeownersError[];
}

export interface OwnersMatch {
  rule: CodeownersRule;
  /** empty when the winning rule names nobody: the path is deliberately left without owners */
  owners: string[];
}

const USER = /^@([A-Za-z0-9][A-Za-z0-9_-]*)$/;
const TEAM = /^@([A-Za-z0-9][A-Za-z0-9_-]*)\/([A-Za-z0-9][A-Za-z0-9_.-]*)$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/;

/** Classifies one owner token; null when GitHub would reject it. */
export function parseOwner(raw: string): CodeownersOwner | null {
  const team = TEAM.exec(raw);
  if (team) return { kind: 'team', org: team[1] as string, slug: team[2] as string, raw };
  const user = USER.exec(raw);
  if (user) return { kind: 'user', login: user[1] as string, raw };
  if (EMAIL.test(raw)) return { kind: 'email', email: raw, raw };
  return null;
}

export function parseCodeowners(text: string, path: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const errors: CodeownersError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const parsed = parseLine(rawLine);
    if (parsed === null) return;
    if ('error' in parsed) {
      errors.push({ path, line, message: `${path}:${line}: ${parsed.error}` });
      return;
    }
    rules.push({
      pattern: parsed.pattern,
      owners: parsed.owners,
      line,
      regex: compilePattern(parsed.pattern),
    });
  });
  return { path, rules, errors };
}

/** The rule that decides a path's owners (the last one that matches), or null when none does. */
export function matchOwners(rules: readonly CodeownersRule[], filePath: string): OwnersMatch | null {
  const path = filePath.replace(/^\/+/, '');
  for (let i = rules.length - 1; i >= 0; i -= 1) {
    const rule = rules[i] as CodeownersRule;
    if (rule.regex.test(path)) return { rule, owners: rule.owners };
  }
  return null;
}

/** Owners of a path, or [] when nobody owns it. */
export function ownersOf(rules: readonly CodeownersRule[], filePath: string): string[] {
  return matchOwners(rules, filePath)?.owners ?? [];
}

type LineResult = { pattern: string; owners: string[] } | { error: string } | null;

function parseLine(rawLine: string): LineResult {
  const line = rawLine.trim();
  if (line === '' || line.startsWith('#')) return null;
  // `#` starts a comment wherever it appears: GitHub does not honour `\#` escapes
  const hash = line.indexOf('#');
  const content = (hash === -1 ? line : line.slice(0, hash)).trimEnd();
  let pattern = '';
  let i = 0;
  for (; i < content.length; i += 1) {
    const ch = content[i] as string;
    if (ch === '\\' && i + 1 < content.length) {
      pattern += ch + (content[i + 1] as string);
      i += 1;
      continue;
    }
    if (/\s/.test(ch)) break;
    pattern += ch;
  }
  const problem = checkPattern(pattern);
  if (problem) return { error: problem };
  const owners = content
    .slice(i)
    .split(/\s+/)
    .filter((token) => token !== '');
  const bad = owners.find((owner) => parseOwner(owner) === null);
  if (bad !== undefined)
    return { error: `invalid owner "${bad}" (expected @user, @org/team or an email address)` };
  return { pattern, owners };
}

function checkPattern(pattern: string): string | null {
  if (pattern === '' || pattern === '\\') return 'missing pattern';
  if (pattern.startsWith('!'))
    return `negated pattern "${pattern}": GitHub does not support "!" in CODEOWNERS`;
  if (/(^|[^\\])[[\]]/.test(pattern)) {
    return `pattern "${pattern}" uses [ ]: GitHub does not support character ranges in CODEOWNERS`;
  }
  if (pattern.includes('***')) return `pattern "${pattern}" has three consecutive asterisks`;
  return null;
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;
const quote = (ch: string): string => ch.replace(REGEX_SPECIAL, '\\$&');

/**
 * Compiles a gitignore-style pattern the way GitHub applies it: a leading or inner `/` anchors to the root,
 * a single segment matches at any depth, a trailing `/` or a final plain segment also owns everything
 * below it, and a final lone `*` matches direct children only (`docs/*` does not own `docs/a/b.md`).
 */
export function compilePattern(pattern: string): RegExp {
  if (pattern === '/') return /^$/;
  let segments = pattern.split('/');
  if (segments[0] === '') segments = segments.slice(1);
  else if (segments.length === 1 || (segments.length === 2 && segments[1] === '')) {
    if (segments[0] !== '**') segments = ['**', ...segments];
  }
  if (segments.length > 1 && segments[segments.length - 1] === '') segments[segments.length - 1] = '**';

  const last = segments.length - 1;
  let source = '^';
  let needSlash = false;
  segments.forEach((segment, index) => {
    if (segment === '**') {
      if (index === 0 && index === last) source += '.+';
      else if (index === 0) source += '(?:.+/)?';
      else if (index === last) source += '/.*';
      else source += '(?:/.+)?';
      needSlash = index !== 0;
      return;
    }
    if (needSlash) source += '/';
    if (segment === '*') {
      source += '[^/]+';
    } else {
      source += segmentSource(segment);
      if (index === last) source += '(?:/.*)?';
    }
    needSlash = true;
  });
  return new RegExp(`${source}$`, 's');
}

function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i += 1) {
    const ch = segment[i] as string;
    if (ch === '\\' && i + 1 < segment.length) {
      out += quote(segment[i + 1] as string);
      i += 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += quote(ch);
  }
  return out;
}
