/**
 * The variables a mustache or nunjucks template reads: the root names of `{{ expr }}` and of the
 * expressions in `{% if %}`, `{% for x in expr %}`, `{% set x = expr %}`. Names a template binds itself
 * (loop variables, `set`, macro parameters) are not variables, and names inside a mustache section
 * (`{{#items}}…{{/items}}`) may resolve against the section's item, so they are left out rather than guessed.
 */

const TOKEN = /\{\{\{([\s\S]*?)\}\}\}|\{\{([\s\S]*?)\}\}|\{%-?([\s\S]*?)-?%\}|\{#[\s\S]*?#\}/g;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;
const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;
const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'in',
  'is',
  'if',
  'else',
  'elif',
  'true',
  'false',
  'none',
  'null',
  'True',
  'False',
  'None',
  'loop',
  'super',
  'caller',
  'self',
  'range',
  'cycler',
  'joiner',
]);

export function templateVariables(text: string): string[] {
  const used = new Set<string>();
  const bound = new Set<string>();
  let sectionDepth = 0;
  for (const match of text.matchAll(TOKEN)) {
    const triple = match[1];
    const double = match[2];
    const tag = match[3];
    if (triple !== undefined) {
      if (sectionDepth === 0) addAll(used, expressionRoots(triple));
    } else if (double !== undefined) {
      const body = double.trim();
      const sigil = body.charAt(0);
      if (sigil === '#' || sigil === '^') {
        if (sectionDepth === 0) addAll(used, expressionRoots(body.slice(1)));
        sectionDepth++;
      } else if (sigil === '/') {
        sectionDepth = Math.max(0, sectionDepth - 1);
      } else if (sigil === '!' || sigil === '>' || sigil === '=') {
        continue;
      } else if (sectionDepth === 0) {
        addAll(used, expressionRoots(sigil === '&' ? body.slice(1) : body));
      }
    } else if (tag !== undefined) {
      readTag(tag.trim(), used, bound);
    }
  }
  return [...used].filter((name) => !bound.has(name)).sort();
}

function readTag(tag: string, used: Set<string>, bound: Set<string>): void {
  const keyword = /^[a-z]+/.exec(tag)?.[0] ?? '';
  const rest = tag.slice(keyword.length);
  switch (keyword) {
    case 'for': {
      const loop = /^\s*([\s\S]*?)\s+in\s+([\s\S]*)$/.exec(rest);
      if (loop === null) return;
      addAll(bound, loop[1]!.match(IDENTIFIER) ?? []);
      addAll(used, expressionRoots(loop[2]!));
      return;
    }
    case 'set': {
      const assignment = /^\s*([\s\S]*?)(?:=([\s\S]*))?$/.exec(rest);
      addAll(bound, assignment?.[1]?.match(IDENTIFIER) ?? []);
      if (assignment?.[2] !== undefined) addAll(used, expressionRoots(assignment[2]));
      return;
    }
    case 'macro':
      addAll(bound, rest.replace(/=[^,)]*/g, '').match(IDENTIFIER) ?? []);
      return;
    case 'if':
    case 'elif':
    case 'elseif':
      addAll(used, expressionRoots(rest));
      return;
    default:
      return;
  }
}

/** Root names in an expression: not attributes (`a.b`), filters (`| upper`), calls (`f(`) or keyword args. */
export function expressionRoots(expression: string): string[] {
  const text = expression.replace(STRING_LITERAL, '""');
  const roots: string[] = [];
  for (const match of text.matchAll(IDENTIFIER)) {
    const start = match.index;
    const name = match[0];
    const before = text.slice(0, start).trimEnd();
    const previous = before.charAt(before.length - 1);
    const after = text.slice(start + name.length).trimStart();
    if (previous === '.' || previous === '|' || /[0-9]/.test(text.charAt(start - 1))) continue;
    if (after.startsWith('(') || /^=(?!=)/.test(after)) continue;
    if (KEYWORDS.has(name)) continue;
    roots.push(name);
  }
  return roots;
}

function addAll(set: Set<string>, names: Iterable<string>): void {
  for (const name of names) set.add(name);
}

/** Names from `variables:` as a list of names, a list of `{ name }`, or a map keyed by name. */
export function declaredVariables(value: unknown): Set<string> | null {
  if (value === undefined || value === null) return null;
  const names = new Set<string>();
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'string') names.add(item);
      else if (
        typeof item === 'object' &&
        item !== null &&
        typeof (item as { name?: unknown }).name === 'string'
      ) {
        names.add((item as { name: string }).name);
      }
    }
  } else if (typeof value === 'object') {
    for (const name of Object.keys(value)) names.add(name);
  }
  return names;
}
