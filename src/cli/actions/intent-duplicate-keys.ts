/**
 * The first key that appears twice in one object of a JSON text, with its 1-based line, or undefined. The text
 * must already be valid JSON (JSON.parse said so): this only walks its structure. Keys are compared decoded,
 * so `"id"` and `"\u0069d"` are the same key, as every parser sees them.
 */
export function findDuplicateKey(text: string): { key: string; line: number } | undefined {
  const frames: { keys: Set<string> | undefined; expectKey: boolean }[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    else if (ch === '{') frames.push({ keys: new Set(), expectKey: true });
    else if (ch === '[') frames.push({ keys: undefined, expectKey: false });
    else if (ch === '}' || ch === ']') frames.pop();
    else if (ch === ',') {
      const top = frames[frames.length - 1];
      if (top?.keys) top.expectKey = true;
    } else if (ch === '"') {
      const end = endOfString(text, i);
      const top = frames[frames.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) return { key, line };
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    }
  }
  return undefined;
}

function endOfString(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}
