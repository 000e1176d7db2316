import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchParser } from '../../src/git/batch-parser.js';

/** cat-file's framing for these objects: `<oid> blob <size>` LF content LF, or `<name> missing` LF. */
function frame(objects: readonly { oid: string; content: Buffer | null }[]): Buffer {
  return Buffer.concat(
    objects.map(({ oid, content }) =>
      content === null
        ? Buffer.from(`${oid} missing\n`)
        : Buffer.concat([Buffer.from(`${oid} blob ${content.length}\n`), content, Buffer.from('\n')]),
    ),
  );
}

describe('BatchParser', () => {
  it('reads the same objects however the output is cut into chunks, headers split included (property)', () => {
    const oid = fc.stringMatching(/^[0-9a-f]{40}$/);
    const object = fc.record({
      oid,
      content: fc.option(fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a))),
    });
    fc.assert(
      fc.property(
        fc.array(object, { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (objects, cuts) => {
          const stream = frame(objects);
          const seen: { oid: string; content: Buffer | null }[] = [];
          const parser = new BatchParser(
            (found, content) => seen.push({ oid: found, content: Buffer.from(content) }),
            {
              onMissing: (name) => seen.push({ oid: name, content: null }),
            },
          );
          const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
          let from = 0;
          for (const point of [...points, stream.length]) {
            parser.push(stream.subarray(from, point));
            from = point;
          }
          parser.finish();
          expect(seen).toEqual(objects);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses output cut off inside a header', () => {
    const parser = new BatchParser(() => {});
    parser.push(Buffer.from('0123456789012345678901234567890123456789 blo'));
    expect(() => parser.finish()).toThrow(/ended early/);
  });
});
