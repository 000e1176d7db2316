// Who signed an attestation, held against the signer pinned in the operator's config. Fulcio writes a GitHub
// Actions run's identity into the certificate: the workflow file and ref it ran (the SAN), the token's issuer, and
// the repository the run belonged to. A public workflow can be called from any repository as a reusable one, and
// the SAN then still names it: the source repository is what tells a run of ours from someone else's.
import type { ReleasePins } from '../../model/types.js';

export type SignerPin = NonNullable<ReleasePins['signer']>;

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const OID_ISSUER_V1 = '1.3.6.1.4.1.57264.1.1';
const OID_ISSUER_V2 = '1.3.6.1.4.1.57264.1.8';
const OID_SOURCE_REPOSITORY_URI = '1.3.6.1.4.1.57264.1.12';

export interface CertificateIdentity {
  subjectAlternativeName?: string | undefined;
  /** the certificate's extensions: dotted OID and raw value */
  extensions: { oid: string; value: Uint8Array }[];
}

export type IdentityCheck = { ok: true; identity: string } | { ok: false; message: string };

const WORKFLOW_SAN = /^https:\/\/github\.com\/([^/]+\/[^/]+)\/(\.github\/workflows\/[^@]+)@(.+)$/;

/** `release.yml` is short for `.github/workflows/release.yml`. */
export function pinnedWorkflow(pin: SignerPin): string {
  return pin.workflow.includes('/')
    ? pin.workflow.replace(/^\.?\//, '')
    : `.github/workflows/${pin.workflow}`;
}

/** The identity a pin accepts, as the certificate's SAN spells it (`*` in the ref matches anything). */
export function pinnedIdentity(pin: SignerPin): string {
  return `https://github.com/${pin.repository}/${pinnedWorkflow(pin)}@${pin.ref}`;
}

export function checkSignerIdentity(cert: CertificateIdentity, pin: SignerPin): IdentityCheck {
  const san = cert.subjectAlternativeName ?? '';
  const expected = pinnedIdentity(pin);
  const issuer = extensionText(cert, OID_ISSUER_V2) ?? rawText(cert, OID_ISSUER_V1);
  if (issuer !== GITHUB_ACTIONS_ISSUER)
    return {
      ok: false,
      message: `the attestation's certificate was issued for ${shown(issuer ?? '(no issuer)')}, not GitHub Actions (${GITHUB_ACTIONS_ISSUER})`,
    };
  const match = WORKFLOW_SAN.exec(san);
  const sameRepository = match?.[1]?.toLowerCase() === pin.repository.toLowerCase();
  if (!match || !sameRepository || match[2] !== pinnedWorkflow(pin) || !refMatches(match[3] ?? '', pin.ref))
    return {
      ok: false,
      message: `the attestation was signed by ${shown(san || '(no identity)')}, not ${expected}`,
    };
  const source = extensionText(cert, OID_SOURCE_REPOSITORY_URI);
  if (source?.toLowerCase() !== `https://github.com/${pin.repository}`.toLowerCase())
    return {
      ok: false,
      message: `the attestation was made by a run of ${shown(source ?? '(no repository)')}, not of ${pin.repository}`,
    };
  return { ok: true, identity: san };
}

/** `*` matches any run of characters; everything else is literal. The config's schema requires a pinned ref. */
function refMatches(ref: string, pattern: string): boolean {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'su').test(ref);
}

function raw(cert: CertificateIdentity, oid: string): Uint8Array | undefined {
  return cert.extensions.find((extension) => extension.oid === oid)?.value;
}

function rawText(cert: CertificateIdentity, oid: string): string | undefined {
  const value = raw(cert, oid);
  return value === undefined ? undefined : Buffer.from(value).toString('utf8');
}

/** A newer Fulcio extension holds a DER UTF8String; anything else there is no value. */
function extensionText(cert: CertificateIdentity, oid: string): string | undefined {
  const value = raw(cert, oid);
  if (value === undefined || value.length < 2 || value[0] !== 0x0c) return undefined;
  let length = value[1]!;
  let start = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 3 || value.length < 2 + bytes) return undefined;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + value[2 + i]!;
    start = 2 + bytes;
  }
  if (start + length !== value.length) return undefined;
  return Buffer.from(value.subarray(start)).toString('utf8');
}

/** A value from the certificate, shown in an error: one line, bounded, control characters escaped. */
function shown(text: string): string {
  const clipped = text.length > 160 ? `${text.slice(0, 160)}…` : text;
  return JSON.stringify(clipped).slice(1, -1);
}
