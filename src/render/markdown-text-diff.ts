// Long text changes (descriptions) for Markdown: a fenced `diff` block per field, folded away, capped.
import type { FieldChange } from '../model/types.js';
import { diffTextLines, isLongText } from './line-diff.js';
import { codeSpan, revealInvisible } from './markdown-escape.js';

export interface TextChange {
  /** tool or server name */
  owner: string;
  change: FieldChange;
}

export function isLongTextChange(change: FieldChange): boolean {
  return isLongText(change.before, change.after);
}

/** One folded block per long text change, at most `max` of them. */
export function textDiffSection(changes: readonly TextChange[], max = 20): string[] {
  if (changes.length === 0) return [];
  const out = [`<details><summary>Text changes (${changes.length})</summary>`, ''];
  for (const { owner, change } of changes.slice(0, max)) {
    const diff = diffTextLines(change.before as string, change.after as string);
    const body = diff.lines.map((line) => {
      const sign =
        line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : line.kind === 'hunk' ? '' : ' ';
      // a marker-shaped comment must not reach the raw body, even inside a code block
      return `${sign}${revealInvisible(line.text).replace(/<!--/g, '<!-\u2060-')}`;
    });
    if (diff.more > 0) body.push(`+${diff.more} more lines`);
    const longest = Math.max(
      2,
      ...body.map((line) => (line.match(/`+/g) ?? []).reduce((m, r) => Math.max(m, r.length), 0)),
    );
    const fence = '`'.repeat(longest + 1);
    out.push(
      `${codeSpan(owner)} ${codeSpan(change.field)} (${change.kind}):`,
      '',
      `${fence}diff`,
      ...body,
      fence,
      '',
    );
  }
  if (changes.length > max) out.push(`+${changes.length - max} more text changes`, '');
  out.push('</details>', '');
  return out;
}
