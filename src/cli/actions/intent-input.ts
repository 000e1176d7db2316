import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { MAX_INTENT_BYTES } from '../../runtime/intent-size.js';
import { UsageError } from '../../errors.js';
import { findDuplicateKey } from './intent-duplicate-keys.js';

/** More than MAX_INTENT_BYTES: refused before it is parsed, evaluated or logged. */
class TooLarge extends Error {}

/**
 * Reads FILE (or stdin for '-') and parses it as JSON; anything unreadable is a UsageError naming file and line.
 * Reading stops one byte past the limit, so a huge (or endless) input costs no more than the limit.
 */
export async function readJsonInput(file: string, limit = MAX_INTENT_BYTES): Promise<unknown> {
  const label = file === '-' ? '<stdin>' : file;
  let text: string;
  try {
    text = file === '-' ? await readLimited(process.stdin, limit) : await readFileLimited(file, limit);
  } catch (error) {
    if (error instanceof TooLarge)
      throw new UsageError(`${label}: the intent is larger than ${limit} bytes; refused before logging`);
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`${label}: cannot read${code ? ` (${code})` : ''}`);
  }
  return parseJsonText(text, label);
}

export function parseJsonText(text: string, label: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const line = lineAt(body, position === undefined ? body.trimEnd().length : Number(position));
    const reason = message
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    throw new UsageError(`${label}:${line}: bad JSON: ${reason}`);
  }
  refuseDuplicateKeys(body, label);
  return value;
}

/**
 * JSON.parse keeps the last of two equal keys, other parsers the first: `{"id":"prod-1","id":"dev"}` would be
 * judged as `dev` and run as `prod-1` by a tool that reads the same text. An ambiguous intent is refused.
 */
function refuseDuplicateKeys(body: string, label: string): void {
  const duplicate = findDuplicateKey(body);
  if (duplicate) {
    throw new UsageError(
      `${label}:${duplicate.line}: duplicate key ${JSON.stringify(duplicate.key)}: parsers disagree on which one counts`,
    );
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

async function readFileLimited(file: string, limit: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    return await readLimited(handle.createReadStream({ autoClose: false }), limit);
  } finally {
    await handle.close();
  }
}

async function readLimited(stream: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      throw new TooLarge();
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
