import { GitError } from './git-error.js';

/** One record of `git diff --raw -z`. */
export interface RawDiffEntry {
  srcMode: string;
  dstMode: string;
  srcOid: string;
  dstOid: string;
  /** the status letter: A C D M R T U X */
  status: string;
  path: string;
  /** the source path of a rename or copy */
  oldPath?: string;
}

/**
 * Parses `git diff --raw -z`: `:<srcmode> <dstmode> <srcoid> <dstoid> <status>[score]` NUL `<path>` NUL, with a
 * second path for renames and copies. Paths are taken verbatim, so spaces, newlines and any UTF-8 survive.
 */
export function parseRawDiff(out: Buffer): RawDiffEntry[] {
  const fields = splitNul(out);
  const entries: RawDiffEntry[] = [];
  let i = 0;
  while (i < fields.length) {
    const header = fields[i++] ?? '';
    const match = /^:(\d{6}) (\d{6}) ([0-9a-f]+) ([0-9a-f]+) ([ACDMRTUX])(\d*)$/.exec(header);
    if (!match) throw new GitError('failed', `unexpected git diff output: ${header.slice(0, 80)}`);
    const [, srcMode = '', dstMode = '', srcOid = '', dstOid = '', status = ''] = match;
    const first = fields[i++];
    if (first === undefined) throw new GitError('failed', 'truncated git diff output');
    if (status === 'R' || status === 'C') {
      const second = fields[i++];
      if (second === undefined) throw new GitError('failed', 'truncated git diff output');
      entries.push({ srcMode, dstMode, srcOid, dstOid, status, path: second, oldPath: first });
    } else {
      entries.push({ srcMode, dstMode, srcOid, dstOid, status, path: first });
    }
  }
  return entries;
}

/** NUL-terminated fields of a `-z` output, decoded as UTF-8 (git stores paths as bytes; UTF-8 is the norm). */
export function splitNul(out: Buffer): string[] {
  const fields: string[] = [];
  let start = 0;
  for (let end = out.indexOf(0, start); end !== -1; end = out.indexOf(0, start)) {
    fields.push(out.toString('utf8', start, end));
    start = end + 1;
  }
  if (start < out.length) fields.push(out.toString('utf8', start));
  return fields;
}
