import { createHash } from 'node:crypto';
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  readlinkSync,
} from 'node:fs';
import { join } from 'node:path';
import { readBlobTexts } from './cat-file.js';
import { GitError, quoteForMessage } from './git-error.js';
import { listTree } from './read-tree.js';
import type { ObjectFormat } from './refs.js';
import { objectFormat, topLevel } from './refs.js';
import { blobOid, listWorktreeFiles } from './worktree.js';
import { decodeUtf8 } from './utf8.js';

export interface SnapshotFile {
  path: string;
  oid: string;
  text: string;
}

export type RefusalReason = 'symlink' | 'too-large' | 'not-utf8' | 'submodule';

export interface RefusedFile {
  path: string;
  /** git's object id; for a submodule in the working tree, all zeros (its commit is not read) */
  oid: string;
  reason: RefusalReason;
}

/** The text files of one side of a diff, and the files deliberately not read (never followed, never parsed). */
export interface Snapshot {
  files: SnapshotFile[];
  refused: RefusedFile[];
}

export interface SnapshotOptions {
  /** literal directory prefixes, e.g. `registry/tools`; empty: the whole tree */
  prefixes: string[];
  /** single files read when present, e.g. `agentgate.yaml`, `.github/CODEOWNERS` */
  extraPaths: string[];
  /** files larger than this are refused before they are read */
  maxBytes: number;
  /** which listed paths to keep (e.g. files a source adapter reads anywhere in the tree), before any is read */
  include?: (path: string) => boolean;
}

/** Reads the files under the prefixes at a commit (sha) or in the working tree (null). */
export async function readSnapshot(
  cwd: string,
  sha: string | null,
  options: SnapshotOptions,
): Promise<Snapshot> {
  const [snapshot] = await readSnapshots(cwd, [sha], options);
  return snapshot as Snapshot;
}

/**
 * Several sides at once (e.g. base and head): the trees are listed in parallel and every blob of every commit side
 * is read by ONE `cat-file --batch`, so the blobs the sides share are read once.
 */
export async function readSnapshots(
  cwd: string,
  shas: (string | null)[],
  options: SnapshotOptions,
): Promise<Snapshot[]> {
  const paths =
    options.prefixes.length === 0 ? [] : [...new Set([...options.prefixes, ...options.extraPaths])];
  const listed = await Promise.all(
    shas.map((sha) => (sha === null ? null : listCommit(cwd, sha, paths, options))),
  );
  const oids = new Set(listed.flatMap((side) => side?.toRead.map((file) => file.oid) ?? []));
  // a blob both sides share is decoded once: one string, not one per side (a large registry's unchanged files)
  const [texts, ...worktrees] = await Promise.all([
    readBlobTexts(cwd, [...oids]),
    ...shas.map((sha) => (sha === null ? readWorktree(cwd, paths, options) : null)),
  ]);
  return shas.map((sha, i) => {
    const side = listed[i];
    const snapshot = sha === null || !side ? (worktrees[i] as Snapshot) : decodeCommit(sha, side, texts);
    snapshot.files.sort(byPath);
    snapshot.refused.sort(byPath);
    return snapshot;
  });
}

interface ListedCommit {
  refused: RefusedFile[];
  toRead: { path: string; oid: string }[];
}

async function listCommit(
  cwd: string,
  sha: string,
  paths: string[],
  { maxBytes, include }: SnapshotOptions,
): Promise<ListedCommit> {
  const listed: ListedCommit = { refused: [], toRead: [] };
  for (const entry of await listTree(cwd, sha, paths)) {
    if (include && !include(entry.path)) continue;
    const reason =
      entry.mode === '120000'
        ? 'symlink'
        : entry.mode === '160000'
          ? 'submodule'
          : entry.size > maxBytes
            ? 'too-large'
            : null;
    if (reason !== null) listed.refused.push({ path: entry.path, oid: entry.oid, reason });
    else listed.toRead.push({ path: entry.path, oid: entry.oid });
  }
  return listed;
}

function decodeCommit(sha: string, listed: ListedCommit, texts: Map<string, string | null>): Snapshot {
  const snapshot: Snapshot = { files: [], refused: [...listed.refused] };
  for (const { path, oid } of listed.toRead) {
    const text = texts.get(oid);
    if (text === undefined) {
      throw new GitError(
        'missing-commit',
        `${quoteForMessage(path)} at ${sha.slice(0, 12)}: blob ${oid} is missing from this clone`,
      );
    }
    if (text === null) snapshot.refused.push({ path, oid, reason: 'not-utf8' });
    else snapshot.files.push({ path, oid, text });
  }
  return snapshot;
}

async function readWorktree(
  cwd: string,
  paths: string[],
  { maxBytes, include }: SnapshotOptions,
): Promise<Snapshot> {
  const root = await topLevel(cwd);
  const [format, files] = await Promise.all([objectFormat(root), listWorktreeFiles(root, paths)]);
  const snapshot: Snapshot = { files: [], refused: [] };
  // synchronous reads: thousands of small files read several times faster than through the thread pool
  for (const file of files) {
    if (include && !include(file.path)) continue;
    const abs = join(root, file.path);
    if (file.mode === '160000')
      snapshot.refused.push({ path: file.path, oid: zeroOid(format), reason: 'submodule' });
    else if (file.mode === '120000') refuseSymlink(snapshot, file.path, abs, format);
    else readWorktreeFile(snapshot, file.path, abs, format, maxBytes);
  }
  return snapshot;
}

// O_NOFOLLOW: a file swapped for a symlink since it was listed is still not followed
const READ_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0);

function readWorktreeFile(
  snapshot: Snapshot,
  path: string,
  abs: string,
  format: ObjectFormat,
  maxBytes: number,
): void {
  let fd: number;
  try {
    fd = openSync(abs, READ_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // deleted since it was listed
    if (code === 'ELOOP') return refuseSymlink(snapshot, path, abs, format);
    throw error;
  }
  try {
    const { size } = fstatSync(fd);
    if (size > maxBytes) {
      snapshot.refused.push({ path, oid: hashLargeFile(fd, size, format), reason: 'too-large' });
      return;
    }
    const content = readFileSync(fd);
    if (content.length > maxBytes)
      snapshot.refused.push({ path, oid: blobOid(content, format), reason: 'too-large' });
    else addDecoded(snapshot, path, blobOid(content, format), content);
  } finally {
    closeSync(fd);
  }
}

/** A symlink's blob is its target; hashing it keeps refused entries comparable with the commit side. */
function refuseSymlink(snapshot: Snapshot, path: string, abs: string, format: ObjectFormat): void {
  let target: Buffer;
  try {
    target = readlinkSync(abs, { encoding: 'buffer' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // deleted since it was listed
    throw error;
  }
  snapshot.refused.push({ path, oid: blobOid(target, format), reason: 'symlink' });
}

/** A file too large to parse is still hashed, in chunks, so that an unchanged one is seen as unchanged. */
function hashLargeFile(fd: number, size: number, format: ObjectFormat): string {
  const hash = createHash(format).update(`blob ${size}\0`);
  const buffer = Buffer.allocUnsafe(1 << 16);
  for (let position = 0, read = 1; position < size && read > 0; position += read) {
    read = readSync(fd, buffer, 0, buffer.length, position);
    hash.update(buffer.subarray(0, read));
  }
  return hash.digest('hex');
}

function addDecoded(snapshot: Snapshot, path: string, oid: string, content: Buffer): void {
  const text = decodeUtf8(content);
  if (text === null) snapshot.refused.push({ path, oid, reason: 'not-utf8' });
  else snapshot.files.push({ path, oid, text });
}

function zeroOid(format: ObjectFormat): string {
  return '0'.repeat(format === 'sha256' ? 64 : 40);
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
