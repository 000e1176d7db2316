import { GitError } from './git-error.js';
import { streamGit } from './run-git.js';

/**
 * Reads many blobs through ONE `git cat-file --batch` process: oids go in on stdin while contents are parsed
 * off stdout as they arrive, so neither pipe can fill up and stall the other. Oids git does not have are left
 * out of the map; the caller decides whether that is an error.
 */
export async function readBlobs(cwd: string, oids: string[]): Promise<Map<string, Buffer>> {
  const wanted = [...new Set(oids.map((oid) => oid.toLowerCase()))];
  for (const oid of wanted) {
    // a newline inside an "oid" would smuggle extra requests into the batch
    if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(oid))
      throw new GitError('failed', `not an object id: '${oid.slice(0, 80)}'`);
  }
  const blobs = new Map<string, Buffer>();
  if (wanted.length === 0) return blobs;
  const parser = new BatchParser((oid, content, type) => {
    if (type === 'blob') blobs.set(oid, content);
  });
  await streamGit(cwd, ['cat-file', '--batch', '--buffer'], `${wanted.join('\n')}\n`, (chunk) =>
    parser.push(chunk),
  );
  parser.finish();
  return blobs;
}

/**
 * Incremental parser of cat-file's framing: `<oid> <type> <size>` LF `<content>` LF, or `<oid> missing` LF.
 * Contents are copied straight into buffers of their announced size, so big outputs are never re-concatenated.
 */
export class BatchParser {
  private header: Buffer[] = [];
  private body: Buffer | null = null;
  private oid = '';
  private filled = 0;
  private expectLf = false;
  private type = '';

  constructor(private readonly onObject: (oid: string, content: Buffer, type: string) => void) {}

  push(chunk: Buffer): void {
    let pos = 0;
    while (pos < chunk.length) {
      if (this.expectLf) {
        if (chunk[pos] !== 10) throw new GitError('failed', 'unexpected git cat-file output');
        pos += 1;
        this.expectLf = false;
      } else if (this.body !== null) {
        const take = Math.min(this.body.length - this.filled, chunk.length - pos);
        chunk.copy(this.body, this.filled, pos, pos + take);
        this.filled += take;
        pos += take;
        if (this.filled === this.body.length) this.completeBody();
      } else {
        const lf = chunk.indexOf(10, pos);
        if (lf === -1) {
          this.header.push(chunk.subarray(pos));
          return;
        }
        this.header.push(chunk.subarray(pos, lf));
        pos = lf + 1;
        this.startObject(Buffer.concat(this.header).toString('latin1'));
        this.header = [];
      }
    }
  }

  /** Called after git exited: anything half-read means the output was cut off. */
  finish(): void {
    if (this.body !== null || this.expectLf || this.header.length > 0) {
      throw new GitError('failed', 'git cat-file output ended early');
    }
  }

  private startObject(line: string): void {
    const parts = line.split(' ');
    const [oid = '', type = '', size] = parts;
    if (type === 'missing' || type === 'ambiguous') return;
    if (parts.length !== 3 || size === undefined || !/^\d+$/.test(size)) {
      throw new GitError('failed', `unexpected git cat-file output: ${line.slice(0, 80)}`);
    }
    this.oid = oid;
    this.type = type;
    this.body = Buffer.allocUnsafe(Number(size));
    this.filled = 0;
    if (this.body.length === 0) this.completeBody();
  }

  private completeBody(): void {
    const body = this.body;
    this.body = null;
    this.expectLf = true;
    if (body !== null) this.onObject(this.oid, body, this.type);
  }
}
