/**
 * Line-based unified diff for prompt text and few-shot files.
 *
 * Myers' O(ND) algorithm in its linear-space form (middle snake, divide and conquer): a 5,000-line prompt
 * with a handful of edits costs a few passes over the lines, and even two unrelated files never allocate
 * more than O(N + M) per level. Lines are interned to integers first so that comparisons are cheap.
 */

export interface UnifiedDiffOptions {
  /** unchanged lines shown around each change; default 3 */
  context?: number;
  /** stop after this many output lines and say how many were left out; default: no limit */
  maxLines?: number;
}

const Op = { Equal: 0, Delete: 1, Insert: 2 } as const;
type Op = (typeof Op)[keyof typeof Op];

interface Edit {
  op: Op;
  /** index in `before` for Equal/Delete, in `after` for Insert */
  line: number;
}

interface Side {
  lines: string[];
  /** the text does not end with a newline (git's "\ No newline at end of file") */
  noFinalNewline: boolean;
}

const NO_NEWLINE_NOTE = '\\ No newline at end of file';

export function unifiedDiff(before: string, after: string, options: UnifiedDiffOptions = {}): string {
  if (before === after) return '';
  const context = Math.max(0, options.context ?? 3);
  const a = splitLines(before);
  const b = splitLines(after);
  const [ids1, ids2] = internLines(a, b);
  const edits = diffLines(ids1, ids2);
  const out = renderHunks(edits, a, b, context);
  return truncate(out, options.maxLines).join('\n');
}

/** The edit script alone: Equal/Delete/Insert per line, in order. Exported for tests and callers that count. */
export function diffLineOps(
  before: string,
  after: string,
): { equal: number; deleted: number; inserted: number } {
  const a = splitLines(before);
  const b = splitLines(after);
  const [ids1, ids2] = internLines(a, b);
  const counts = { equal: 0, deleted: 0, inserted: 0 };
  for (const edit of diffLines(ids1, ids2)) {
    if (edit.op === Op.Equal) counts.equal++;
    else if (edit.op === Op.Delete) counts.deleted++;
    else counts.inserted++;
  }
  return counts;
}

function splitLines(text: string): Side {
  if (text === '') return { lines: [], noFinalNewline: false };
  const lines = text.split('\n');
  const endsWithNewline = lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();
  return { lines, noFinalNewline: !endsWithNewline };
}

/** A last line without a newline differs from the same text with one, as in git. */
function internLines(a: Side, b: Side): [Int32Array, Int32Array] {
  const table = new Map<string, number>();
  const intern = (side: Side): Int32Array => {
    const ids = new Int32Array(side.lines.length);
    side.lines.forEach((line, i) => {
      const key = side.noFinalNewline && i === side.lines.length - 1 ? `${line}\u0000` : line;
      let id = table.get(key);
      if (id === undefined) {
        id = table.size;
        table.set(key, id);
      }
      ids[i] = id;
    });
    return ids;
  };
  return [intern(a), intern(b)];
}

function diffLines(a: Int32Array, b: Int32Array): Edit[] {
  const edits: Edit[] = [];
  diffRange(a, 0, a.length, b, 0, b.length, edits);
  return edits;
}

function diffRange(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
  out: Edit[],
) {
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  for (let i = 0; i < prefix; i++) out.push({ op: Op.Equal, line: aLo + i });
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - suffix - 1] === b[bHi - suffix - 1]) suffix++;
  const aEnd = aHi - suffix;
  const bEnd = bHi - suffix;

  if (aLo === aEnd) {
    for (let j = bLo; j < bEnd; j++) out.push({ op: Op.Insert, line: j });
  } else if (bLo === bEnd) {
    for (let i = aLo; i < aEnd; i++) out.push({ op: Op.Delete, line: i });
  } else {
    const split = middleSnake(a, aLo, aEnd, b, bLo, bEnd);
    const stuck =
      split === null || (split.x === aLo && split.y === bLo) || (split.x === aEnd && split.y === bEnd);
    if (stuck) {
      for (let i = aLo; i < aEnd; i++) out.push({ op: Op.Delete, line: i });
      for (let j = bLo; j < bEnd; j++) out.push({ op: Op.Insert, line: j });
    } else {
      diffRange(a, aLo, split.x, b, bLo, split.y, out);
      diffRange(a, split.x, aEnd, b, split.y, bEnd, out);
    }
  }
  for (let i = 0; i < suffix; i++) out.push({ op: Op.Equal, line: aEnd + i });
}

/**
 * A point on an optimal edit path, found by running the forward and the reverse search until they meet
 * (Myers 1986, section 4b). Returns null when the ranges share nothing.
 */
function middleSnake(
  a: Int32Array,
  aLo: number,
  aHi: number,
  b: Int32Array,
  bLo: number,
  bHi: number,
): { x: number; y: number } | null {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const forward = new Int32Array(size).fill(-1);
  const reverse = new Int32Array(size).fill(-1);
  forward[offset + 1] = 0;
  reverse[offset + 1] = 0;
  const delta = n - m;
  // with an odd delta the forward search detects the overlap, with an even one the reverse search does
  const checkForward = delta % 2 !== 0;
  let fStart = 0;
  let fEnd = 0;
  let rStart = 0;
  let rEnd = 0;

  for (let d = 0; d < maxD; d++) {
    for (let k = -d + fStart; k <= d - fEnd; k += 2) {
      const at = offset + k;
      let x =
        k === -d || (k !== d && forward[at - 1]! < forward[at + 1]!)
          ? forward[at + 1]!
          : forward[at - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      forward[at] = x;
      if (x > n) fEnd += 2;
      else if (y > m) fStart += 2;
      else if (checkForward) {
        const rAt = offset + delta - k;
        if (rAt >= 0 && rAt < size && reverse[rAt] !== -1 && x >= n - reverse[rAt]!) {
          return { x: aLo + x, y: bLo + y };
        }
      }
    }
    for (let k = -d + rStart; k <= d - rEnd; k += 2) {
      const at = offset + k;
      let x =
        k === -d || (k !== d && reverse[at - 1]! < reverse[at + 1]!)
          ? reverse[at + 1]!
          : reverse[at - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[aHi - x - 1] === b[bHi - y - 1]) {
        x++;
        y++;
      }
      reverse[at] = x;
      if (x > n) rEnd += 2;
      else if (y > m) rStart += 2;
      else if (!checkForward) {
        const fAt = offset + delta - k;
        if (fAt >= 0 && fAt < size && forward[fAt] !== -1) {
          const fx = forward[fAt]!;
          const fy = fx - (delta - k);
          if (fx >= n - x) return { x: aLo + fx, y: bLo + fy };
        }
      }
    }
  }
  return null;
}

function renderHunks(edits: Edit[], a: Side, b: Side, context: number): string[] {
  const out: string[] = [];
  // positions in before/after at each edit, so hunks can be cut anywhere
  const posA: number[] = [];
  const posB: number[] = [];
  let i = 0;
  let j = 0;
  for (const edit of edits) {
    posA.push(i);
    posB.push(j);
    if (edit.op !== Op.Insert) i++;
    if (edit.op !== Op.Delete) j++;
  }
  let index = 0;
  while (index < edits.length) {
    while (index < edits.length && edits[index]!.op === Op.Equal) index++;
    if (index >= edits.length) break;
    const start = Math.max(0, index - context);
    let end = index;
    // extend while the next change is within 2*context equal lines
    for (;;) {
      while (end < edits.length && edits[end]!.op !== Op.Equal) end++;
      let gap = end;
      while (gap < edits.length && edits[gap]!.op === Op.Equal) gap++;
      if (gap < edits.length && gap - end <= 2 * context) end = gap;
      else {
        end = Math.min(end + context, edits.length);
        break;
      }
    }
    out.push(...renderHunk(edits.slice(start, end), posA[start]!, posB[start]!, a, b));
    index = end;
  }
  return out;
}

function renderHunk(edits: Edit[], fromA: number, fromB: number, a: Side, b: Side): string[] {
  let countA = 0;
  let countB = 0;
  const body: string[] = [];
  for (const edit of edits) {
    if (edit.op === Op.Insert) {
      countB++;
      body.push(`+${b.lines[edit.line]}`);
      if (b.noFinalNewline && edit.line === b.lines.length - 1) body.push(NO_NEWLINE_NOTE);
      continue;
    }
    countA++;
    if (edit.op === Op.Equal) countB++;
    body.push(`${edit.op === Op.Equal ? ' ' : '-'}${a.lines[edit.line]}`);
    if (a.noFinalNewline && edit.line === a.lines.length - 1) body.push(NO_NEWLINE_NOTE);
  }
  return [`@@ -${range(fromA, countA)} +${range(fromB, countB)} @@`, ...body];
}

/** GNU style: `start,count`, the count left out when it is 1, and an empty range named by the line before it. */
function range(from: number, count: number): string {
  if (count === 0) return `${from},0`;
  if (count === 1) return `${from + 1}`;
  return `${from + 1},${count}`;
}

function truncate(lines: string[], maxLines: number | undefined): string[] {
  if (maxLines === undefined || lines.length <= maxLines) return lines;
  const kept = Math.max(0, maxLines);
  const rest = lines.length - kept;
  return [...lines.slice(0, kept), `… ${rest} more line${rest === 1 ? '' : 's'}`];
}
