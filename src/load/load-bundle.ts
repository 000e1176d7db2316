import { readControlBundle } from '../core/release/read-bundle.js';
import type { ControlBundle } from '../core/release/bundle.js';
import { SIGNATURE_SUFFIX, checkBundleSignature } from '../core/release/bundle-signature.js';
import type { Registry } from '../model/types.js';
import { UsageError } from '../errors.js';
import { ATTESTATION_SUFFIXES, checkBundleAttestation } from '../core/release/bundle-attestation.js';
import { pinnedIdentity } from '../core/release/attestation-identity.js';
import type { SignerPin } from '../core/release/attestation-identity.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from '../core/release/public-good-root.js';
import { readTrustedRoot } from '../core/release/trusted-root.js';
import type { TrustRoot } from '../core/release/trusted-root.js';
import { readAtMost } from './read-at-most.js';
import type { LoadedPins } from './release-pins.js';

const MIB = 1024 * 1024;
/** Bundles are JSON of a registry's size; anything far larger is not one of ours. */
export const MAX_BUNDLE_BYTES = 64 * MIB;
const MAX_SIGNATURE_BYTES = 64 * 1024;
/** A Sigstore bundle is some ten KiB; a file of a few of them is far below this. */
const MAX_ATTESTATION_BYTES = 4 * MIB;
const MAX_TRUSTED_ROOT_BYTES = 4 * MIB;

export interface BundleTrust {
  pins: LoadedPins;
  /** the detached signature; default `<bundle>.sig` */
  signature?: string;
  /** the GitHub artifact attestation (a Sigstore bundle); default `<bundle>.sigstore.json` (or `.intoto.jsonl`) */
  attestation?: string;
  /** the Sigstore trusted root the attestation is verified against; default the public-good root */
  trustedRoot?: string;
  /** the lowest version accepted: an older bundle is a rollback */
  minVersion?: number;
}

/**
 * Reads a released control bundle (`agentgate release --plane control`) for the runtime, in this order: its
 * provenance (when `trust` pins keys or a signer: a signature under a pinned key, or an attestation by the pinned
 * workflow), its digest, the type of every field, its version
 * against `minVersion`. Anything else is refused whole: exit 2, one line.
 */
export function loadBundle(path: string, trust?: BundleTrust): { bundle: ControlBundle; registry: Registry } {
  const buffer = readBytes(path, MAX_BUNDLE_BYTES, 'bundle');
  if (trust !== undefined) checkProvenance(path, buffer, trust);
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

/**
 * The bundle's provenance, before anything in it is read: with keys pinned, a detached Ed25519 signature; with a
 * signer pinned, a GitHub artifact attestation. Either pinned proof that holds is enough; none holding refuses it.
 */
function checkProvenance(path: string, bytes: Buffer, trust: BundleTrust): void {
  const { pins } = trust;
  const unused = (['attestation', 'trustedRoot'] as const).find((key) => trust[key] !== undefined);
  if (pins.signer === undefined && unused !== undefined)
    throw new UsageError(
      `${unused === 'attestation' ? '--attestation' : '--trusted-root'}: ${pins.path ?? 'no config (./agentgate.yaml)'} pins no release.signer, so nothing would be verified against it`,
    );
  // a trusted root that does not read stops the runtime, whichever proof then holds
  const root = pins.signer === undefined ? undefined : trustRoot(trust.trustedRoot);
  const failures: string[] = [];
  if (pins.keys.length > 0) {
    const failure = signatureFailure(path, bytes, trust);
    if (failure === null) return;
    failures.push(failure);
  }
  if (pins.signer !== undefined && root !== undefined) {
    const failure = attestationFailure(path, bytes, trust, pins.signer, root);
    if (failure === null) return;
    failures.push(failure);
  }
  const [first, second] = failures;
  if (first === undefined) return;
  throw new UsageError(second === undefined ? first : `${first}; and ${second}`);
}

function signatureFailure(path: string, bytes: Buffer, trust: BundleTrust): string | null {
  const { pins } = trust;
  const file = trust.signature ?? `${path}${SIGNATURE_SUFFIX}`;
  const raw = readProof(file, MAX_SIGNATURE_BYTES, 'signature');
  if (raw === null)
    return `${path}: unsigned (no ${file}), and ${pins.path} pins release.publicKeys: an unsigned bundle is refused`;
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    return `${file}:1: the signature file is not JSON`;
  }
  const check = checkBundleSignature(value, bytes, pins.keys);
  return check.ok ? null : `${path}: ${check.message}: refused whole`;
}

function attestationFailure(
  path: string,
  bytes: Buffer,
  trust: BundleTrust,
  signer: SignerPin,
  root: TrustRoot,
): string | null {
  const { pins } = trust;
  // beside the bundle: the name the release workflow attaches it under, else the in-toto JSON lines name
  const files =
    trust.attestation !== undefined ? [trust.attestation] : ATTESTATION_SUFFIXES.map((x) => `${path}${x}`);
  let raw: Buffer | null = null;
  for (const file of files) if (raw === null) raw = readProof(file, MAX_ATTESTATION_BYTES, 'attestation');
  if (raw === null)
    return `${path}: unattested (no ${files.join(' or ')}), and ${pins.path} pins release.signer (${pinnedIdentity(signer)}): an unattested bundle is refused`;
  const check = checkBundleAttestation(raw.toString('utf8'), bytes, signer, root);
  return check.ok ? null : `${path}: ${check.message}: refused whole`;
}

/** The proof file's bytes, or null when there is none; any other trouble reading it stops the runtime. */
function readProof(file: string, limit: number, what: string): Buffer | null {
  try {
    return readBytes(file, limit, what);
  } catch (error) {
    if (error instanceof UsageError && / \(ENOENT\)$/.test(error.message)) return null;
    throw error;
  }
}

/** `--trusted-root FILE`, else the Sigstore public-good root agentgate ships. */
function trustRoot(file: string | undefined): TrustRoot {
  let value: unknown = PUBLIC_GOOD_TRUSTED_ROOT;
  if (file !== undefined) {
    const raw = readBytes(file, MAX_TRUSTED_ROOT_BYTES, 'trusted root');
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new UsageError(`--trusted-root ${file}:1: the trusted root is not JSON`);
    }
  }
  const read = readTrustedRoot(value);
  if (!read.ok) throw new UsageError(`--trusted-root ${file ?? '(the public-good root)'}: ${read.message}`);
  return read.root;
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
