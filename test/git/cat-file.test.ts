import { afterEach, describe, expect, it } from 'vitest';
import { BatchParser, readBlobTexts, readBlobs } from '../../src/git/cat-file.js';
import { GitError } from '../../src/git/git-error.js';
import { listTree } from '../../src/git/read-tree.js';
import { gitSpawnCount } from '../../src/git/run-git.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
/** lets an idle cat-file session close, so that the next count starts from nothing */
const settleGit = () => new Promise((resolve) => setTimeout(resolve, 5));
afterEach(() => repo.cleanup());

const COUNT = 400;
const contentOf = (i: number): string => `name: tool_${i}\n${'description line\n'.repeat(i % 7)}`;

async function manyTools(): Promise<string> {
  repo = await createTempRepo();
  for (let i = 0; i < COUNT; i++)
    repo.write(`registry/tools/t${String(i).padStart(3, '0')}.yaml`, contentOf(i));
  repo.write('registry/tools-extra/other.yaml', 'name: other\n');
  repo.write('registry/prompts/p.md', 'hello\n');
  repo.write('agentgate.yaml', 'version: 1\n');
  return repo.commit('many');
}

describe('listTree', () => {
  it('lists files under literal prefixes with sizes, matching whole path components', async () => {
    const sha = await manyTools();
    const entries = await listTree(repo.dir, sha, ['registry/tools', 'agentgate.yaml']);
    expect(entries).toHaveLength(COUNT + 1);
    expect(entries.some((e) => e.path.startsWith('registry/tools-extra/'))).toBe(false);
    const first = entries.find((e) => e.path === 'registry/tools/t005.yaml');
    expect(first).toEqual({
      path: 'registry/tools/t005.yaml',
      mode: '100644',
      oid: repo.git('rev-parse', `${sha}:registry/tools/t005.yaml`),
      size: Buffer.byteLength(contentOf(5)),
    });
  });

  it('lists the whole tree without prefixes and treats glob characters literally', async () => {
    const sha = await manyTools();
    expect(await listTree(repo.dir, sha, [])).toHaveLength(COUNT + 3);
    expect(await listTree(repo.dir, sha, ['registry/tools/t00*'])).toEqual([]);
  });

  it('refuses prefixes that look like options', async () => {
    const sha = await manyTools();
    await expect(listTree(repo.dir, sha, ['--output=x'])).rejects.toBeInstanceOf(GitError);
    await expect(listTree(repo.dir, sha, [''])).rejects.toBeInstanceOf(GitError);
  });
});

describe('readBlobs', () => {
  it('lists and reads hundreds of blobs in a single git process', async () => {
    const sha = await manyTools();
    await settleGit();
    const before = gitSpawnCount();
    const entries = await listTree(repo.dir, sha, ['registry/tools']);
    const blobs = await readBlobs(
      repo.dir,
      entries.map((e) => e.oid),
    );
    expect(gitSpawnCount() - before).toBe(1);
    for (const entry of entries) {
      const i = Number(/t(\d+)\.yaml$/.exec(entry.path)?.[1]);
      expect(blobs.get(entry.oid)?.toString('utf8')).toBe(contentOf(i));
    }
  });

  it('leaves out missing objects and non-blobs, and reads empty and large blobs', async () => {
    repo = await createTempRepo();
    const large = Buffer.alloc(3 * 1024 * 1024 + 17, 'ab\n');
    repo.write('empty.txt', '');
    repo.write('large.bin', large);
    const sha = await repo.commit('sizes');
    const [emptyOid, largeOid] = ['empty.txt', 'large.bin'].map((p) => repo.git('rev-parse', `${sha}:${p}`));
    const missing = 'f'.repeat(40);
    const blobs = await readBlobs(repo.dir, [missing, emptyOid!, sha, largeOid!, emptyOid!]);
    expect([...blobs.keys()].sort()).toEqual([emptyOid, largeOid].sort());
    expect(blobs.get(emptyOid!)?.length).toBe(0);
    expect(blobs.get(largeOid!)?.equals(large)).toBe(true);
  });

  it('starts no process for no oids and refuses anything that is not an object id', async () => {
    repo = await createTempRepo();
    const before = gitSpawnCount();
    expect((await readBlobs(repo.dir, [])).size).toBe(0);
    expect(gitSpawnCount()).toBe(before);
    await expect(readBlobs(repo.dir, ['HEAD'])).rejects.toThrow(/not an object id/);
    await expect(readBlobs(repo.dir, [`${'a'.repeat(40)}\nHEAD:secret`])).rejects.toThrow(/not an object id/);
  });
});

describe('readBlobTexts', () => {
  it('reads each blob as its UTF-8 text, null for bytes that are not UTF-8, the same through both readers', async () => {
    repo = await createTempRepo();
    const large = 'x: 1\n'.repeat(300_000); // several chunks of git's output: decoded whole, not chunk by chunk
    repo.write('plain.yaml', 'name: caf\u00e9\n');
    repo.write('latin1.yaml', Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a]));
    repo.write('empty.yaml', '');
    repo.write('large.yaml', large);
    const sha = await repo.commit('texts');
    const paths = ['plain.yaml', 'latin1.yaml', 'empty.yaml', 'large.yaml'];
    const oids = paths.map((p) => repo.git('rev-parse', `${sha}:${p}`));
    const texts = await readBlobTexts(repo.dir, [...oids, 'f'.repeat(40), sha]);
    expect(paths.map((_, i) => texts.get(oids[i]!))).toEqual(['name: caf\u00e9\n', null, '', large]);
    expect(texts.size).toBe(4);
    const bytes = await readBlobs(repo.dir, oids);
    expect(bytes.get(oids[3]!)?.toString('utf8')).toBe(large);
  });
});

describe('BatchParser', () => {
  it('parses the framing however the output is chunked', () => {
    const a = Buffer.from('line one\nline two\n');
    const stream = Buffer.concat([
      Buffer.from(`${'1'.repeat(40)} blob ${a.length}\n`),
      a,
      Buffer.from(`\n${'2'.repeat(40)} missing\n${'3'.repeat(40)} blob 0\n\n`),
    ]);
    for (const size of [1, 2, 7, stream.length]) {
      const seen: [string, string][] = [];
      const parser = new BatchParser((oid, content) => seen.push([oid, content.toString()]));
      for (let i = 0; i < stream.length; i += size) parser.push(stream.subarray(i, i + size));
      parser.finish();
      expect(seen).toEqual([
        ['1'.repeat(40), a.toString()],
        ['3'.repeat(40), ''],
      ]);
    }
  });

  it('notices output that was cut off', () => {
    const parser = new BatchParser(() => undefined);
    parser.push(Buffer.from(`${'1'.repeat(40)} blob 10\nabc`));
    expect(() => parser.finish()).toThrow(/ended early/);
  });
});
