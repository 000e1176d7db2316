import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAtMost } from '../../src/load/read-at-most.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-read-at-most-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A FIFO another process fills with `bytes`: no size to stat, so only reading can tell how long it is. */
function pipeOf(name: string, bytes: number): { path: string; done: Promise<void> } {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  writeFileSync(`${path}.src`, Buffer.alloc(bytes, 'x'));
  // a writer killed by SIGPIPE when the reader stops early is the expected end
  const child = spawn('sh', ['-c', 'cat "$0" > "$1"', `${path}.src`, path], { stdio: 'ignore' });
  return { path, done: new Promise((resolve) => child.on('close', () => resolve())) };
}

describe('readAtMost', () => {
  it('gives a regular file whole up to the limit and null past it, whatever the chunk size', () => {
    let n = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4096 }),
        fc.integer({ min: -3, max: 3 }),
        fc.integer({ min: 1, max: 1024 }),
        fc.uint8Array({ minLength: 0, maxLength: 64 }),
        (limit, delta, chunk, seed) => {
          const size = Math.max(0, limit + delta);
          const bytes = Buffer.alloc(size);
          for (let i = 0; i < size; i++) bytes[i] = seed.length > 0 ? (seed[i % seed.length] as number) : i;
          const path = join(dir, `file-${n++}`);
          writeFileSync(path, bytes);
          const read = readAtMost(path, limit, chunk);
          if (size > limit) expect(read).toBeNull();
          else expect(read?.equals(bytes)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads a pipe of exactly the limit, across chunks, and stops one byte past it', async () => {
    const exact = pipeOf('exact', 10_000);
    expect(readAtMost(exact.path, 10_000, 999)?.length).toBe(10_000);
    await exact.done;
    const over = pipeOf('over', 10_001);
    expect(readAtMost(over.path, 10_000, 1000)).toBeNull();
    await over.done;
  });

  it('never ends reading a device without end: /dev/zero is over any limit', () => {
    expect(readAtMost('/dev/zero', 5, 2)).toBeNull();
    expect(readAtMost('/dev/null', 5)?.length).toBe(0);
  });

  it('throws what Node says for a path it cannot read', () => {
    expect(() => readAtMost(join(dir, 'missing'), 5)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => readAtMost(dir, 5)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
