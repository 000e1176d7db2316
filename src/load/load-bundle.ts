import { readControlBundle } from '../core/release/read-bundle.js';
import type { ControlBundle } from '../core/release/bundle.js';
import type { Registry } from '../model/types.js';
import { UsageError } from '../errors.js';
import { readAtMost } from './read-at-most.js';

const MIB = 1024 * 1024;
/** Bundles are JSON of a registry's size; anything far larger is not one of ours. */
export const MAX_BUNDLE_BYTES = 64 * MIB;

/**
 * Reads a released control bundle (`agentgate release --plane control`) for the runtime. A bundle whose digest
 * does not match its contents, or that is not a control bundle, is refused whole: exit 2, one line.
 */
export function loadBundle(path: string): { bundle: ControlBundle; registry: Registry } {
  let buffer: Buffer | null;
  try {
    buffer = readAtMost(path, MAX_BUNDLE_BYTES);
  } catch (error) {
    throw new UsageError(
      `${path}: cannot read the bundle (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (buffer === null)
    throw new UsageError(`${path}: bundle is over ${MAX_BUNDLE_BYTES / MIB} MiB (${MAX_BUNDLE_BYTES} bytes)`);
  let value: unknown;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch (error) {
    throw new UsageError(`${path}:1: bundle is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const read = readControlBundle(value, path);
  if (!read.ok) throw new UsageError(`${path}: field '${read.field}': ${read.message}`);
  return { bundle: read.bundle, registry: read.registry };
}
