import { readControlBundle } from '../core/release/read-bundle.js';
import type { ControlBundle } from '../core/release/bundle.js';
import { SIGNATURE_SUFFIX, checkBundleSignature } from '../core/release/bundle-signature.js';
import type { Registry } from '../model/types.js';
import { UsageError } from '../errors.js';
import { readAtMost } from './read-at-most.js';
import type { LoadedPins } from './release-pins.js';

const MIB = 1024 * 1024;
/** Bundles are JSON of a registry's size; anything far larger is not one of ours. */
export const MAX_BUNDLE_BYTES = 64 * MIB;
const MAX_SIGNATURE_BYTES = 64 * 1024;

export interface BundleTrust {
  pins: LoadedPins;
  /** the detached signature; default `<bundle>.sig` */
  signature?: string;
  /** the lowest version accepted: an older bundle is a rollback */
  minVersion?: number;
}

/**
 * Reads a released control bundle (`agentgate release --plane control`) for the runtime, in this order: its
 * signature against the pinned keys (when `trust` pins any), its digest, the type of every field, its version
 * against `minVersion`. Anything else is refused whole: exit 2, one line.
 */
export function loadBundle(path: string, trust?: BundleTrust): { bundle: ControlBundle; registry: Registry } {
  const buffer = readBytes(path, MAX_BUNDLE_BYTES, 'bundle');
  if (trust !== undefined) checkSignature(path, buffer, trust);
  let value: unknown;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch (error) {
    throw new UsageError(`${path}:1: bundle is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const read = readControlBundle(value, path);
  if (!read.ok) throw new UsageError(`${path}: field '${read.field}': ${read.message}`);
  const min = trust?.minVersion;
  if (min !== undefined && read.bundle.version < min)
    throw new UsageError(
      `${path}: bundle v${read.bundle.version} is older than v${min}: a rollback to an older release is refused`,
    );
  return { bundle: read.bundle, registry: read.registry };
}

function checkSignature(path: string, bytes: Buffer, trust: BundleTrust): void {
  const { pins } = trust;
  if (pins.keys.length === 0) {
    if (pins.signer !== undefined)
      throw new UsageError(
        `${path}: ${pins.path} pins release.signer, and this runtime verifies only Ed25519 signatures (release.publicKeys): refused`,
      );
    return;
  }
  const file = trust.signature ?? `${path}${SIGNATURE_SUFFIX}`;
  let raw: Buffer;
  try {
    raw = readBytes(file, MAX_SIGNATURE_BYTES, 'signature');
  } catch (error) {
    if (error instanceof UsageError && /ENOENT/.test(error.message))
      throw new UsageError(
        `${path}: unsigned (no ${file}), and ${pins.path} pins release.publicKeys: an unsigned bundle is refused`,
      );
    throw error;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new UsageError(`${file}:1: the signature file is not JSON`);
  }
  const check = checkBundleSignature(value, bytes, pins.keys);
  if (!check.ok) throw new UsageError(`${path}: ${check.message}: refused whole`);
}

function readBytes(path: string, limit: number, what: string): Buffer {
  let buffer: Buffer | null;
  try {
    buffer = readAtMost(path, limit);
  } catch (error) {
    throw new UsageError(
      `${path}: cannot read the ${what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  if (buffer === null) throw new UsageError(`${path}: ${what} is over ${limit / MIB} MiB (${limit} bytes)`);
  return buffer;
}
