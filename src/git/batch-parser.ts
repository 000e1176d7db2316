import { GitError } from './git-error.js';

/** What a `--batch-command` reader needs beyond `--batch`: answers without content, and missing names in order. */
export interface BatchEvents {
  /** an object's header; false when no content follows (an `info` answer) */
  onHeader?: (oid: string, type: string, size: number) => boolean;
  /** `<name> missing` or `<name> ambiguous` */
  onMissing?: (name: string, why: string) => void;
}

/**
 * Incremental parser of cat-file's framing: `<oid> <type> <size>` LF `<content>` LF, or `<oid> missing` LF.
 * A content that lies whole inside one chunk is lent as a view of that chunk, with no copy: a caller that keeps
 * it must copy it (a kept view keeps the whole chunk), and a caller that only decodes it allocates nothing per
 * object. One split across chunks is copied straight into a buffer of its announced size, so big outputs are
 * never re-concatenated.
 */
export class BatchParser {
  private header: Buffer[] = [];
  private body: Buffer | null = null;
  private oid = '';
  private filled = 0;
  private expectLf = false;
  private type = '';

  constructor(
    private readonly onObject: (oid: string, content: Buffer, type: string) => void,
    private readonly events: BatchEvents = {},
  ) {}

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
        // a header is almost always inside one chunk: read it in place, without copying it into a buffer first
        const line =
          this.header.length === 0
            ? chunk.toString('latin1', pos, lf)
            : Buffer.concat([...this.header, chunk.subarray(pos, lf)]).toString('latin1');
        pos = lf + 1;
        this.header = [];
        const size = this.startObject(line);
        if (size < 0) continue;
        if (pos + size <= chunk.length) {
          const content = chunk.subarray(pos, pos + size);
          pos += size;
          this.expectLf = true;
          this.onObject(this.oid, content, this.type);
        } else {
          this.body = Buffer.allocUnsafe(size);
          this.filled = 0;
        }
      }
    }
  }

  /** Called after git exited: anything half-read means the output was cut off. */
  finish(): void {
    if (this.body !== null || this.expectLf || this.header.length > 0) {
      throw new GitError('failed', 'git cat-file output ended early');
    }
  }

  /** Reads a header line: the size of the content that follows it, or -1 when none does. */
  private startObject(line: string): number {
    const parts = line.split(' ');
    const [oid = '', type = '', size] = parts;
    if (parts.length === 2 && (type === 'missing' || type === 'ambiguous')) {
      this.events.onMissing?.(oid, type);
      return -1;
    }
    if (parts.length !== 3 || size === undefined || !/^\d+$/.test(size)) {
      throw new GitError('failed', `unexpected git cat-file output: ${line.slice(0, 80)}`);
    }
    if (this.events.onHeader && !this.events.onHeader(oid, type, Number(size))) return -1;
    this.oid = oid;
    this.type = type;
    return Number(size);
  }

  private completeBody(): void {
    const body = this.body;
    this.body = null;
    this.expectLf = true;
    if (body !== null) this.onObject(this.oid, body, this.type);
  }
}
