// A `tools` / `allowed-tools` value as the clients write it: a comma separated string (`Read, Grep`), a space
// separated string (Agent Skills: `Read Edit Bash(git:*)`), a YAML list, quoted names, names with spaces
// (`Azure MCP/documentation`). Entries are kept exactly as written; only surrounding blanks go.

export type ToolListResult =
  { kind: 'absent' } | { kind: 'list'; names: string[] } | { kind: 'invalid'; message: string };

export function readToolList(value: unknown): ToolListResult {
  // `tools:` with nothing after it is YAML null: the key says nothing, as if it were not there
  if (value === undefined || value === null) return { kind: 'absent' };
  if (typeof value === 'string') return { kind: 'list', names: unique(splitToolString(value)) };
  if (Array.isArray(value)) {
    const names: string[] = [];
    for (const [index, item] of value.entries()) {
      if (typeof item !== 'string') {
        return { kind: 'invalid', message: `entry ${index} must be a tool name (got ${describe(item)})` };
      }
      const name = item.trim();
      if (name !== '') names.push(name);
    }
    return { kind: 'list', names: unique(names) };
  }
  return {
    kind: 'invalid',
    message: `must be a list of tool names or a comma separated string (got ${describe(value)})`,
  };
}

/**
 * Splits at commas outside parentheses when the string has any, else at blanks outside parentheses, so that
 * `Bash(git add:*)` stays one entry however it is separated.
 */
export function splitToolString(text: string): string[] {
  const separator = hasTopLevel(text, (ch) => ch === ',') ? (ch: string) => ch === ',' : isBlank;
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && separator(ch)) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

function hasTopLevel(text: string, test: (ch: string) => boolean): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth += 1;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && test(ch)) return true;
  }
  return false;
}

function isBlank(ch: string): boolean {
  return /\s/u.test(ch);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
