// A detached Ed25519 signature over a release bundle's exact bytes. The digest inside a bundle proves it is
// whole; only a signature under a pinned key proves who sealed it.
import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/** `agentgate-control-v7.json` is signed in `agentgate-control-v7.json.sig`. */
export const SIGNATURE_SUFFIX = '.sig';

export interface BundleSignature {
  schemaVersion: 1;
  algorithm: 'ed25519';
  /** sha256 of the public key's SPKI DER: names the key, proves nothing by itself */
  keyId: string;
  /** hex sha256 of the bundle file's bytes: the subject, as an attestation names it */
  subject: string;
  /** base64 Ed25519 signature over `signedMessage(subject)` */
  signature: string;
}

/** Domain-separated: a signature made by the same key for anything else never verifies as a bundle's. */
export function signedMessage(subjectHex: string): Buffer {
  return Buffer.from(`agentgate-release-bundle/v1 sha256:${subjectHex}`, 'utf8');
}

export function bundleSubject(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function keyIdOf(key: KeyObject): string {
  return `sha256:${createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

/** Signs bundle bytes with an Ed25519 private key; throws when the key is not one. */
export function signBundle(bytes: Uint8Array, privateKey: KeyObject): BundleSignature {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 key');
  const subject = bundleSubject(bytes);
  return {
    schemaVersion: 1,
    algorithm: 'ed25519',
    keyId: keyIdOf(createPublicKey(privateKey)),
    subject,
    signature: sign(null, signedMessage(subject), privateKey).toString('base64'),
  };
}

/** A pinned key, or why it is not one (an Ed25519 public key in PEM, SPKI). */
export function parsePinnedKey(pem: string): { ok: true; key: KeyObject } | { ok: false; message: string } {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    return { ok: false, message: 'is not a PEM public key (SPKI)' };
  }
  if (key.asymmetricKeyType !== 'ed25519')
    return { ok: false, message: `is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519` };
  return { ok: true, key };
}

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The signature file's JSON against the bundle's bytes and the pinned keys: every field checked, nothing else read. */
export function checkBundleSignature(
  value: unknown,
  bytes: Uint8Array,
  keys: readonly KeyObject[],
): SignatureCheck {
  if (!isObject(value)) return { ok: false, message: 'the signature file is not a JSON object' };
  const known = new Set(['schemaVersion', 'algorithm', 'keyId', 'subject', 'signature']);
  const extra = Object.keys(value).find((key) => !known.has(key));
  if (extra !== undefined)
    return { ok: false, message: `the signature file has an unknown field '${extra}'` };
  if (value.schemaVersion !== 1) return { ok: false, message: 'the signature file is not schemaVersion 1' };
  if (value.algorithm !== 'ed25519')
    return { ok: false, message: `signature algorithm ${JSON.stringify(value.algorithm)} is not ed25519` };
  if (typeof value.signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(value.signature))
    return { ok: false, message: 'the signature is not 64 bytes of base64' };
  const subject = bundleSubject(bytes);
  if (value.subject !== subject)
    return { ok: false, message: 'the signature does not verify: it signs another file, not these bytes' };
  const signature = Buffer.from(value.signature, 'base64');
  for (const key of keys)
    if (verify(null, signedMessage(subject), key, signature)) return { ok: true, keyId: keyIdOf(key) };
  return { ok: false, message: 'the signature does not verify under any key pinned in release.publicKeys' };
}
