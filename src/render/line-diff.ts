// Long texts (descriptions, prompt text) as line diffs with context, so a one-line edit in a 60-line
// description prints a few lines, not both texts whole.
import { structuredPatch } from 'diff';

export type DiffLineKind = 'context' | 'added' | 'removed' | 'hunk';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

export interface LineDiff {
  lines: DiffLine[];
  /** lines left out past the cap */
  more: number;
}

export interface LineDiffOptions {
  /** unchanged lines shown around each change */
  context?: number;
  /** most lines shown; the rest are counted as "+N more lines" */
  maxLines?: number;
}

/** A text is long when a line diff reads better than before -> after: it spans lines, or is long. */
export function isLongText(before: unknown, after: unknown): before is string {
  if (typeof before !== 'string' || typeof after !== 'string') return false;
  return before.includes('\n') || after.includes('\n') || before.length + after.length > 160;
}

export function diffTextLines(before: string, after: string, options: LineDiffOptions = {}): LineDiff {
  const context = options.context ?? 3;
  const maxLines = options.maxLines ?? 40;
  const patch = structuredPatch('before', 'after', withNewline(before), withNewline(after), '', '', {
    context,
  });
  const lines: DiffLine[] = [];
  for (const hunk of patch.hunks) {
    lines.push({
      kind: 'hunk',
      text: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    });
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue; // "\ No newline at end of file"
      const sign = line[0];
      const kind: DiffLineKind = sign === '+' ? 'added' : sign === '-' ? 'removed' : 'context';
      lines.push({ kind, text: line.slice(1) });
    }
  }
  if (lines.length <= maxLines) return { lines, more: 0 };
  return { lines: lines.slice(0, maxLines), more: lines.length - maxLines };
}

// both sides end in a newline, so a text that only gains one is not "every line changed"
function withNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
