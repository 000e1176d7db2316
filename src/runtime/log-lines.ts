import { createReadStream } from 'node:fs';

/** The longest line a decision log may hold: an intent is at most 1 MiB, and JSON escaping can grow it 6-fold. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** A line past MAX_LINE_BYTES: no writer of ours made it, and reading it whole could exhaust memory. */
export class LogLineTooLong extends Error {
  readonly line: number;
  constructor(line: number, limit: number) {
    super(`line ${line} is longer than ${limit} bytes`);
    this.line = line;
  }
}

/**
 * The file's lines (without their `\n`), streamed: memory stays at one line, and a line longer than `limit`
 * throws LogLineTooLong as soon as the limit is passed instead of being buffered to the end.
 */
export async function* readLines(file: string, limit = MAX_LINE_BYTES): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer;
    let from = 0;
    for (;;) {
      const cut = buffer.indexOf(0x0a, from);
      const piece = buffer.subarray(from, cut < 0 ? buffer.length : cut);
      pendingBytes += piece.length;
      if (pendingBytes > limit) throw new LogLineTooLong(line + 1, limit);
      pending.push(piece);
      if (cut < 0) break;
      line++;
      yield Buffer.concat(pending).toString('utf8');
      pending = [];
      pendingBytes = 0;
      from = cut + 1;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending).toString('utf8');
}
