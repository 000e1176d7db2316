import { GitError } from './git-error.js';
import { BatchParser } from './batch-parser.js';
import { streamGit } from './run-git.js';
import { withSession } from './session-pool.js';
import { decodeUtf8 } from './utf8.js';

export { BatchParser } from './batch-parser.js';
export type { BatchEvents } from './batch-parser.js';

/**
 * Reads many blobs through ONE git process: the repository's cat-file session, or `git cat-file --batch` on a
 * git without `--batch-command`, where oids go in on stdin while contents are parsed off stdout as they arrive,
 * so neither pipe can fill up and stall the other. Oids git does not have are left out of the map; the caller
 * decides whether that is an error.
 */
export async function readBlobs(cwd: string, oids: string[]): Promise<Map<string, Buffer>> {
  const wanted = checkedOids(oids);
  if (wanted.length === 0) return new Map();
  return withSession(
    cwd,
    async (session) => {
      const blobs = new Map<string, Buffer>();
      for (const object of await session.contents(wanted))
        if (object?.type === 'blob') blobs.set(object.oid, object.content);
      return blobs;
    },
    // the parser lends each content: kept, it is copied
    () => readBlobsOneShot(cwd, wanted, (content) => Buffer.from(content)),
  );
}

/**
 * Like readBlobs, but each blob's UTF-8 text (null: not UTF-8), decoded as git's output arrives: no blob's bytes
 * outlive the chunk of output they came in, so a large registry costs its strings and not its bytes as well.
 */
export async function readBlobTexts(cwd: string, oids: string[]): Promise<Map<string, string | null>> {
  const wanted = checkedOids(oids);
  if (wanted.length === 0) return new Map();
  return withSession(
    cwd,
    async (session) => {
      const texts = new Map<string, string | null>();
      for (const object of await session.texts(wanted))
        if (object?.type === 'blob') texts.set(object.oid, object.text);
      return texts;
    },
    () => readBlobsOneShot(cwd, wanted, decodeUtf8),
  );
}

function checkedOids(oids: string[]): string[] {
  const wanted = [...new Set(oids.map((oid) => oid.toLowerCase()))];
  for (const oid of wanted) {
    // a newline inside an "oid" would smuggle extra requests into the batch
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(oid))
      throw new GitError('failed', `not an object id: '${oid.slice(0, 80)}'`);
  }
  return wanted;
}

async function readBlobsOneShot<T>(
  cwd: string,
  wanted: string[],
  keep: (content: Buffer) => T,
): Promise<Map<string, T>> {
  const blobs = new Map<string, T>();
  const parser = new BatchParser((oid, content, type) => {
    if (type === 'blob') blobs.set(oid, keep(content));
  });
  await streamGit(cwd, ['cat-file', '--batch', '--buffer'], `${wanted.join('\n')}\n`, (chunk) =>
    parser.push(chunk),
  );
  parser.finish();
  return blobs;
}
