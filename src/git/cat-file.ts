import { GitError } from './git-error.js';
import { BatchParser } from './batch-parser.js';
import { streamGit } from './run-git.js';
import { withSession } from './session-pool.js';

export { BatchParser } from './batch-parser.js';
export type { BatchEvents } from './batch-parser.js';

/**
 * Reads many blobs through ONE git process: the repository's cat-file session, or `git cat-file --batch` on a
 * git without `--batch-command`, where oids go in on stdin while contents are parsed off stdout as they arrive,
 * so neither pipe can fill up and stall the other. Oids git does not have are left out of the map; the caller
 * decides whether that is an error.
 */
export async function readBlobs(cwd: string, oids: string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids.map((oid) => oid.toLowerCase()))];
  for (const oid of wanted) {
    // a newline inside an "oid" would smuggle extra requests into the batch
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(oid))
      throw new GitError('failed', `not an object id: '${oid.slice(0, 80)}'`);
  }
  if (wanted.length === 0) return new Map();
  return withSession(
    cwd,
    async (session) => {
      const blobs = new Map<string, Buffer>();
      for (const object of await session.contents(wanted))
        if (object?.type === 'blob') blobs.set(object.oid, object.content);
      return blobs;
    },
    () => readBlobsOneShot(cwd, wanted),
  );
}

async function readBlobsOneShot(cwd: string, wanted: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const parser = new BatchParser((oid, content, type) => {
    if (type === 'blob') blobs.set(oid, content);
  });
  await streamGit(cwd, ['cat-file', '--batch', '--buffer'], `${wanted.join('\n')}\n`, (chunk) =>
    parser.push(chunk),
  );
  parser.finish();
  return blobs;
}
