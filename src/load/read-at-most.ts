import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const MIB = 1024 * 1024;

/**
 * The file's bytes, or null when there are more than `limit`. A regular file is judged on its size before a byte
 * is read; a pipe or device (`/dev/stdin`, `/dev/zero`) has no size, so reading stops one byte past the limit.
 * Errors opening or reading the file are thrown as Node gives them.
 */
export function readAtMost(path: string, limit: number, chunkBytes = MIB): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    // only a regular file's size is its length (a folder's is a block count; a pipe's is 0)
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > limit) return null;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const count = readSync(fd, chunk, 0, chunkBytes, null);
      if (count === 0) return Buffer.concat(chunks, total);
      total += count;
      if (total > limit) return null;
      chunks.push(chunk.subarray(0, count));
    }
  } finally {
    closeSync(fd);
  }
}
