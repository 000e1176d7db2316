// A GitHub artifact attestation of a release bundle: a Sigstore bundle whose DSSE envelope holds an in-toto
// statement naming the bundle file's sha256 as its subject, signed with a short-lived Fulcio certificate of the
// release workflow's run. Verified offline against a trusted root; its signer held to the pinned identity.
import { createHash } from 'node:crypto';
import { bundleFromJSON } from '@sigstore/bundle';
import type { Bundle, TransparencyLogEntry } from '@sigstore/bundle';
import { Verifier, toSignedEntity } from '@sigstore/verify';
import type { SignedEntity, Signer } from '@sigstore/verify';
import { checkSignerIdentity } from './attestation-identity.js';
import type { SignerPin } from './attestation-identity.js';
import { firstLine } from './trusted-root.js';
import type { TrustRoot } from './trusted-root.js';

/** `agentgate-control-v7.json` is attested in `agentgate-control-v7.json.sigstore.json` (or `.intoto.jsonl`). */
export const ATTESTATION_SUFFIXES = ['.sigstore.json', '.intoto.jsonl'] as const;
/** Sigstore bundles in one attestation file; GitHub keeps a handful per artifact at most. */
export const MAX_ATTESTATIONS = 16;

const IN_TOTO_PAYLOAD = 'application/vnd.in-toto+json';
const STATEMENT_TYPES = new Set(['https://in-toto.io/Statement/v1', 'https://in-toto.io/Statement/v0.1']);

export type AttestationCheck = { ok: true; identity: string } | { ok: false; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The Sigstore bundles an attestation file holds: one bundle (what `actions/attest-build-provenance` writes), JSON
 * lines of bundles (what `gh attestation download` writes), or GitHub's API answer `{ attestations: [{ bundle }] }`.
 */
export function attestationCandidates(
  text: string,
): { ok: true; bundles: unknown[] } | { ok: false; message: string } {
  let values: unknown[];
  try {
    values = [JSON.parse(text)];
  } catch {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) return { ok: false, message: 'the attestation file is empty' };
    if (lines.length > MAX_ATTESTATIONS)
      return { ok: false, message: `the attestation file holds over ${MAX_ATTESTATIONS} lines` };
    values = [];
    for (const [index, line] of lines.entries()) {
      try {
        values.push(JSON.parse(line));
      } catch {
        return { ok: false, message: `the attestation file is not JSON (line ${index + 1})` };
      }
    }
  }
  const bundles = values.flatMap((value) => {
    if (isObject(value) && Array.isArray(value.attestations))
      return value.attestations.map((item: unknown) =>
        isObject(item) && 'bundle' in item ? item.bundle : item,
      );
    if (isObject(value) && 'bundle' in value && !('mediaType' in value)) return [value.bundle];
    return [value];
  });
  if (bundles.length === 0) return { ok: false, message: 'the attestation file holds no attestation' };
  if (bundles.length > MAX_ATTESTATIONS)
    return { ok: false, message: `the attestation file holds over ${MAX_ATTESTATIONS} attestations` };
  return { ok: true, bundles };
}

/**
 * Whether any attestation in the file proves these bundle bytes came from the pinned signer: the Sigstore bundle
 * verifies against the trusted root (certificate chain, timestamps, transparency log, signature), its certificate
 * names the pinned workflow, issuer and repository, and its in-toto statement's subject is these bytes' sha256.
 */
export function checkBundleAttestation(
  text: string,
  bytes: Uint8Array,
  pin: SignerPin,
  root: TrustRoot,
): AttestationCheck {
  const candidates = attestationCandidates(text);
  if (!candidates.ok) return candidates;
  const subject = createHash('sha256').update(bytes).digest('hex');
  let first: AttestationCheck | undefined;
  for (const value of candidates.bundles) {
    const check = checkOne(value, subject, pin, root);
    if (check.ok) return check;
    first ??= check;
  }
  const shownCount = candidates.bundles.length > 1 ? ` (none of ${candidates.bundles.length} verifies)` : '';
  return { ok: false, message: `${(first as { message: string }).message}${shownCount}` };
}

function checkOne(value: unknown, subject: string, pin: SignerPin, root: TrustRoot): AttestationCheck {
  if (!isObject(value)) return { ok: false, message: 'an attestation is not a JSON object' };
  const oversized = oversizedPart(value);
  if (oversized !== null) return { ok: false, message: `an attestation is out of bounds: ${oversized}` };
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(value);
  } catch (error) {
    return { ok: false, message: `an attestation is not a Sigstore bundle (${describe(error)})` };
  }
  if (bundle.content.$case !== 'dsseEnvelope')
    return { ok: false, message: 'the attestation signs no in-toto statement (no DSSE envelope)' };
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD)
    return {
      ok: false,
      message: `the attestation's payload is ${quoted(envelope.payloadType)}, not in-toto`,
    };
  const material = bundle.verificationMaterial.content?.$case;
  if (material !== 'certificate' && material !== 'x509CertificateChain')
    return { ok: false, message: "the attestation is signed by a bare key, not a workflow's certificate" };
  let signer: Signer;
  try {
    const entity = toSignedEntity(bundle);
    if (root.atVerifyTime) entity.timestamps.push(verifyTime());
    signer = new Verifier(root.material, root.options).verify(entity);
  } catch (error) {
    return {
      ok: false,
      message: `the attestation does not verify against the trusted root (${describe(error)})`,
    };
  }
  const identity = checkSignerIdentity(
    {
      subjectAlternativeName: signer.identity?.subjectAlternativeName,
      extensions: (signer.identity?.oids ?? []).map((pair) => ({
        oid: pair.oid?.id.join('.') ?? '',
        value: pair.value,
      })),
    },
    pin,
  );
  if (!identity.ok) return identity;
  const statement = statementSubjects(envelope.payload);
  if (!statement.ok) return statement;
  if (!statement.digests.includes(subject))
    return {
      ok: false,
      message: `the attestation verifies, but attests other bytes: no subject is this file's sha256 (${subject.slice(0, 12)}…)`,
    };
  return { ok: true, identity: identity.identity };
}

/** Log entries and timestamps a bundle may carry: real ones hold one or two, and the verifier compares them pairwise. */
const MAX_PROOFS = 8;
/** An int64 in decimal: anything longer is not a log index, size or time, and costs time to read as a BigInt. */
const MAX_INT_DIGITS = 20;
/** A log's signed checkpoint is a few lines; its size line is read as a BigInt too. */
const MAX_CHECKPOINT_CHARS = 8192;

/** What in a bundle would cost the verifier time out of all proportion, or null. Read before the library sees it. */
function oversizedPart(value: Record<string, unknown>): string | null {
  const material = isObject(value.verificationMaterial) ? value.verificationMaterial : {};
  const entries = Array.isArray(material.tlogEntries) ? (material.tlogEntries as unknown[]) : [];
  if (entries.length > MAX_PROOFS) return `over ${MAX_PROOFS} transparency log entries`;
  const timestamps = isObject(material.timestampVerificationData)
    ? material.timestampVerificationData.rfc3161Timestamps
    : undefined;
  if (Array.isArray(timestamps) && timestamps.length > MAX_PROOFS) return `over ${MAX_PROOFS} timestamps`;
  for (const entry of entries) {
    const proof = isObject(entry) && isObject(entry.inclusionProof) ? entry.inclusionProof : {};
    const numbers = isObject(entry)
      ? [entry.logIndex, entry.integratedTime, proof.logIndex, proof.treeSize]
      : [];
    if (numbers.some((number) => String(number ?? '').length > MAX_INT_DIGITS))
      return 'a log index, tree size or time of over 20 digits';
    const checkpoint = isObject(proof.checkpoint) ? proof.checkpoint.envelope : undefined;
    if (typeof checkpoint === 'string' && checkpoint.length > MAX_CHECKPOINT_CHARS)
      return `a checkpoint of over ${MAX_CHECKPOINT_CHARS} characters`;
  }
  return null;
}

/**
 * The current time, as the verifier takes a time: @sigstore/verify checks a certificate only at the timestamps it
 * read from the bundle, and under a root without logs or timestamp authorities there are none. It stands for no
 * log entry (the entries the verifier checks are the bundle's own, each against the root's logs).
 */
function verifyTime(): SignedEntity['timestamps'][number] {
  const now = String(Math.floor(Date.now() / 1000));
  const entry = {
    logId: { keyId: Buffer.from('agentgate: verify time') },
    integratedTime: now,
    inclusionPromise: {},
  };
  return { $case: 'transparency-log', tlogEntry: entry as unknown as TransparencyLogEntry };
}

/** The sha256 digests an in-toto statement names as its subjects. Read only after its signature verified. */
function statementSubjects(
  payload: Uint8Array,
): { ok: true; digests: string[] } | { ok: false; message: string } {
  let statement: unknown;
  try {
    statement = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return { ok: false, message: 'the attested statement is not JSON' };
  }
  if (!isObject(statement) || typeof statement._type !== 'string' || !STATEMENT_TYPES.has(statement._type))
    return { ok: false, message: 'the attested payload is not an in-toto statement' };
  if (!Array.isArray(statement.subject) || statement.subject.length === 0)
    return { ok: false, message: "the attested statement's subject is not a list" };
  const digests: string[] = [];
  for (const entry of statement.subject as unknown[]) {
    const sha = isObject(entry) && isObject(entry.digest) ? entry.digest.sha256 : undefined;
    if (typeof sha === 'string' && /^[0-9a-f]{64}$/.test(sha)) digests.push(sha);
  }
  return { ok: true, digests };
}

function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/** A library's error in one line, without what a hostile file could smuggle into it. */
function describe(error: unknown): string {
  const fields = (error as { fields?: unknown } | null)?.fields;
  const named = Array.isArray(fields) && fields.length > 0 ? `: ${fields.slice(0, 3).join(', ')}` : '';
  const cause = (error as { cause?: unknown } | null)?.cause;
  const why = cause instanceof Error ? `: ${firstLine(cause)}` : '';
  return JSON.stringify(`${firstLine(error)}${named}${why}`.slice(0, 240)).slice(1, -1);
}
