// A Sigstore of our own, for tests that may not reach the network: a Fulcio-like CA issuing short-lived
// certificates with GitHub Actions identities, a Rekor-like log signing entry timestamps and checkpoints, the
// trusted root naming both, and attestations (Sigstore bundles v0.3 holding a DSSE envelope around an in-toto
// statement) made the way actions/attest-build-provenance makes them. Certificates are written in DER by hand.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

// ---------------------------------------------------------------- DER

const tlv = (tag: number, content: Buffer): Buffer => {
  const n = content.length;
  const length =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, content]);
};
const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer) => tlv(0xa0 + n, inner);
const int = (value: number) => tlv(0x02, Buffer.from([value]));
const bool = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0]));
const octets = (content: Buffer) => tlv(0x04, content);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));
const bits = (content: Buffer) => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));
const time = (date: Date) => {
  const text = date.toISOString().replace(/[-:T]/g, '').slice(2, 14);
  return tlv(0x17, Buffer.from(`${text}Z`, 'ascii'));
};
const oid = (dotted: string) => {
  const [a, b, ...rest] = dotted.split('.').map(Number);
  const bytes = [a! * 40 + b!];
  for (const value of rest) {
    const groups = [value & 0x7f];
    for (let v = value >>> 7; v > 0; v >>>= 7) groups.unshift((v & 0x7f) | 0x80);
    bytes.push(...groups);
  }
  return tlv(0x06, Buffer.from(bytes));
};
const name = (cn: string) =>
  seq(set(seq(oid('2.5.4.10'), utf8('agentgate test'))), set(seq(oid('2.5.4.3'), utf8(cn))));
const extension = (id: string, value: Buffer, critical = false) =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'));

export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  spki: Buffer;
}

export function ecKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicKey, spki: publicKey.export({ type: 'spki', format: 'der' }) };
}

let serial = 1;
function certificate(options: {
  subject: string;
  issuer: string;
  key: TestKey;
  signer: KeyObject;
  notBefore: Date;
  notAfter: Date;
  extensions: Buffer[];
}): Buffer {
  const tbs = seq(
    explicit(0, int(2)),
    int(serial++ % 120),
    ECDSA_SHA256,
    name(options.issuer),
    seq(time(options.notBefore), time(options.notAfter)),
    name(options.subject),
    options.key.spki,
    explicit(3, seq(...options.extensions)),
  );
  return seq(tbs, ECDSA_SHA256, bits(sign('sha256', tbs, options.signer)));
}

// ---------------------------------------------------------------- the test Sigstore

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const LOG_URL = 'https://rekor.agentgate.test';

export interface Identity {
  /** the SAN: `https://github.com/OWNER/REPO/.github/workflows/FILE@REF` */
  san: string;
  issuer?: string;
  /** Fulcio's source repository URI extension; default the SAN's repository; null leaves it out */
  sourceRepository?: string | null;
}

export interface TestSigstore {
  ca: TestKey;
  caCert: Buffer;
  log: TestKey;
  logId: Buffer;
  trustedRoot: Record<string, unknown>;
}

export function createTestSigstore(): TestSigstore {
  const ca = ecKey();
  const now = Date.now();
  const caCert = certificate({
    subject: 'agentgate test fulcio',
    issuer: 'agentgate test fulcio',
    key: ca,
    signer: ca.privateKey,
    notBefore: new Date(now - 86_400_000),
    notAfter: new Date(now + 365 * 86_400_000),
    extensions: [
      extension('2.5.29.19', seq(bool(true)), true),
      extension('2.5.29.15', bits(Buffer.from([0x06])), true),
    ],
  });
  const log = ecKey();
  const logId = createHash('sha256').update(log.spki).digest();
  return { ca, caCert, log, logId, trustedRoot: trustedRootOf({ caCert, log, logId }) };
}

export function trustedRootOf(parts: {
  caCert: Buffer;
  log?: TestKey;
  logId?: Buffer;
}): Record<string, unknown> {
  const start = new Date(Date.now() - 86_400_000).toISOString();
  return {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs:
      parts.log && parts.logId
        ? [
            {
              baseUrl: LOG_URL,
              hashAlgorithm: 'SHA2_256',
              publicKey: {
                rawBytes: parts.log.spki.toString('base64'),
                keyDetails: 'PKIX_ECDSA_P256_SHA_256',
                validFor: { start },
              },
              logId: { keyId: parts.logId.toString('base64') },
            },
          ]
        : [],
    certificateAuthorities: [
      {
        subject: { organization: 'agentgate test', commonName: 'agentgate test fulcio' },
        uri: 'https://fulcio.agentgate.test',
        certChain: { certificates: [{ rawBytes: parts.caCert.toString('base64') }] },
        validFor: { start },
      },
    ],
    ctlogs: [],
    timestampAuthorities: [],
  };
}

/** A Fulcio-like certificate for a workflow run, valid ten minutes from a minute ago, and its key. */
export function issueCertificate(
  sigstore: TestSigstore,
  identity: Identity,
  signer = sigstore.ca,
  validity?: { notBefore: Date; notAfter: Date },
) {
  const key = ecKey();
  const now = Date.now();
  const repository = /^https:\/\/github\.com\/([^/]+\/[^/]+)\//.exec(identity.san)?.[1] ?? '';
  const source =
    identity.sourceRepository === undefined ? `https://github.com/${repository}` : identity.sourceRepository;
  const issuer = identity.issuer ?? GITHUB_ISSUER;
  const cert = certificate({
    subject: '',
    issuer: 'agentgate test fulcio',
    key,
    signer: signer.privateKey,
    notBefore: validity?.notBefore ?? new Date(now - 60_000),
    notAfter: validity?.notAfter ?? new Date(now + 540_000),
    extensions: [
      extension('2.5.29.15', bits(Buffer.from([0x80])), true),
      extension('2.5.29.37', seq(oid('1.3.6.1.5.5.7.3.3'))),
      extension('2.5.29.17', seq(tlv(0x86, Buffer.from(identity.san, 'ascii'))), true),
      extension('1.3.6.1.4.1.57264.1.1', Buffer.from(issuer, 'utf8')),
      extension('1.3.6.1.4.1.57264.1.8', utf8(issuer)),
      ...(source === null ? [] : [extension('1.3.6.1.4.1.57264.1.12', utf8(source))]),
    ],
  });
  return { cert, key };
}

export interface AttestOptions {
  identity: Identity;
  /** the sha256 hex the statement names; default the bytes' */
  subjectDigest?: string;
  /** the CA that issues the certificate; default the test Sigstore's */
  issuerKey?: TestKey;
  /** replaces the in-toto statement */
  statement?: unknown;
  payloadType?: string;
  /** the transparency log entry: omitted, or signed by another key */
  tlog?: 'none' | 'forged';
  /** the certificate's validity; default ten minutes from a minute ago */
  validity?: { notBefore: Date; notAfter: Date };
}

const pae = (type: string, payload: Buffer) =>
  Buffer.concat([
    Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `, 'utf8'),
    payload,
  ]);

/** An attestation of `bytes`, as actions/attest-build-provenance writes it (a Sigstore bundle v0.3). */
export function attest(
  sigstore: TestSigstore,
  bytes: Uint8Array,
  options: AttestOptions,
): Record<string, unknown> {
  const { cert, key } = issueCertificate(sigstore, options.identity, options.issuerKey, options.validity);
  const digest = options.subjectDigest ?? createHash('sha256').update(bytes).digest('hex');
  const statement = options.statement ?? {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'agentgate-control-v1.json', digest: { sha256: digest } }],
    predicateType: 'https://slsa.dev/provenance/v1',
    predicate: { buildDefinition: { buildType: 'https://actions.github.io/buildtypes/workflow/v1' } },
  };
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  const payloadType = options.payloadType ?? 'application/vnd.in-toto+json';
  const signature = sign('sha256', pae(payloadType, payload), key.privateKey);
  const body = Buffer.from(
    JSON.stringify({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: {
        payloadHash: { algorithm: 'sha256', value: createHash('sha256').update(payload).digest('hex') },
        signatures: [{ signature: signature.toString('base64'), verifier: cert.toString('base64') }],
      },
    }),
  );
  const logKey = options.tlog === 'forged' ? ecKey() : sigstore.log;
  const integratedTime = Math.floor(Date.now() / 1000);
  const set = sign(
    'sha256',
    Buffer.from(
      canonical({
        body: body.toString('base64'),
        integratedTime,
        logID: sigstore.logId.toString('hex'),
        logIndex: 0,
      }),
    ),
    logKey.privateKey,
  );
  const leaf = createHash('sha256')
    .update(Buffer.concat([Buffer.from([0]), body]))
    .digest();
  const note = `rekor.agentgate.test - 1\n1\n${leaf.toString('base64')}\n`;
  const noteSignature = Buffer.concat([
    sigstore.logId.subarray(0, 4),
    sign('sha256', Buffer.from(note), logKey.privateKey),
  ]);
  const entry = {
    logIndex: '0',
    logId: { keyId: sigstore.logId.toString('base64') },
    kindVersion: { kind: 'dsse', version: '0.0.1' },
    integratedTime: String(integratedTime),
    inclusionPromise: { signedEntryTimestamp: set.toString('base64') },
    inclusionProof: {
      logIndex: '0',
      rootHash: leaf.toString('base64'),
      treeSize: '1',
      hashes: [],
      checkpoint: { envelope: `${note}\n\u2014 rekor.agentgate.test ${noteSignature.toString('base64')}\n` },
    },
    canonicalizedBody: body.toString('base64'),
  };
  return {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      certificate: { rawBytes: cert.toString('base64') },
      tlogEntries: options.tlog === 'none' ? [] : [entry],
      timestampVerificationData: {},
    },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType,
      signatures: [{ sig: signature.toString('base64'), keyid: '' }],
    },
  };
}

/** JSON with sorted keys: what Rekor signs in an entry timestamp. */
function canonical(value: Record<string, unknown>): string {
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${JSON.stringify(value[key])}`)
    .join(',')}}`;
}

export const workflowIdentity = (repository: string, workflow: string, ref: string) =>
  `https://github.com/${repository}/.github/workflows/${workflow}@${ref}`;
