// The Sigstore trusted root an attestation is verified against, and what it makes the verifier demand. Offline:
// trust comes from this file alone, never from a server asked at verify time.
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial } from '@sigstore/verify';
import type { TrustMaterial, VerifierOptions } from '@sigstore/verify';

export interface TrustRoot {
  material: TrustMaterial;
  /** the proofs every attestation must carry under this root */
  options: Required<Pick<VerifierOptions, 'tlogThreshold' | 'ctlogThreshold' | 'timestampThreshold'>>;
  /**
   * The root lists neither a transparency log nor a timestamp authority (a private CA): nothing can say when a
   * signature was made, so its certificate must be valid now, as any X.509 certificate checked offline.
   */
  atVerifyTime: boolean;
}

export type TrustRootRead = { ok: true; root: TrustRoot } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MEDIA_TYPE = /^application\/vnd\.dev\.sigstore\.trustedroot(?:\.v0\.\d+)?\+json/;

/**
 * A trusted root (`trusted_root.json`, as `sigstore` and `gh attestation trusted-root` write it) as trust material.
 * Every proof the root can check is required: a transparency-log entry when it lists logs, a certificate
 * transparency timestamp when it lists CT logs, and a verified timestamp (a log's or a timestamp authority's)
 * when it lists either, since a certificate is checked at the time of signing a timestamp gives; under a root
 * that lists neither, at the time of verifying.
 */
export function readTrustedRoot(value: unknown): TrustRootRead {
  if (!isObject(value)) return { ok: false, message: 'is not a JSON object' };
  if (typeof value.mediaType !== 'string' || !MEDIA_TYPE.test(value.mediaType))
    return { ok: false, message: 'is not a Sigstore trusted root (mediaType)' };
  for (const key of ['certificateAuthorities', 'tlogs', 'ctlogs', 'timestampAuthorities'])
    if (value[key] !== undefined && !Array.isArray(value[key]))
      return { ok: false, message: `'${key}' is not a list` };
  let material: TrustMaterial;
  try {
    material = toTrustMaterial(TrustedRoot.fromJSON(value));
  } catch (error) {
    return { ok: false, message: `does not parse (${firstLine(error)})` };
  }
  if (material.certificateAuthorities.length === 0)
    return { ok: false, message: 'names no certificate authority' };
  if (material.certificateAuthorities.some((ca) => ca.certChain.length === 0))
    return { ok: false, message: 'has a certificate authority without certificates' };
  return {
    ok: true,
    root: {
      material,
      atVerifyTime: material.tlogs.length === 0 && material.timestampAuthorities.length === 0,
      options: {
        tlogThreshold: material.tlogs.length > 0 ? 1 : 0,
        ctlogThreshold: material.ctlogs.length > 0 ? 1 : 0,
        timestampThreshold: 1,
      },
    },
  };
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').slice(0, 200);
}
