// GitHub artifact attestations of a release bundle, verified offline against a trusted root of our own making
// (a test CA and a test transparency log), the signer held to the pinned workflow identity.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkBundleAttestation } from '../../../src/core/release/bundle-attestation.js';
import { readTrustedRoot } from '../../../src/core/release/trusted-root.js';
import type { TrustRoot } from '../../../src/core/release/trusted-root.js';
import type { SignerPin } from '../../../src/core/release/attestation-identity.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from '../../../src/core/release/public-good-root.js';
import {
  attest,
  createTestSigstore,
  ecKey,
  trustedRootOf,
  workflowIdentity,
} from '../../helpers/test-sigstore.js';
import type { AttestOptions } from '../../helpers/test-sigstore.js';

const sigstore = createTestSigstore();
const rootRead = readTrustedRoot(sigstore.trustedRoot);
if (!rootRead.ok) throw new Error(rootRead.message);
const root: TrustRoot = rootRead.root;

const REPO = 'acme/agents';
const WORKFLOW = 'agentgate-release.yml';
const pin: SignerPin = {
  repository: REPO,
  workflow: `.github/workflows/${WORKFLOW}`,
  ref: 'refs/heads/main',
};
const ours = { san: workflowIdentity(REPO, WORKFLOW, 'refs/heads/main') };
const bytes = Buffer.from('{"plane":"control","version":1}\n');

const check = (attestation: unknown, over: Uint8Array = bytes, signer = pin, trust = root) =>
  checkBundleAttestation(
    typeof attestation === 'string' ? attestation : JSON.stringify(attestation),
    over,
    signer,
    trust,
  );
const refused = (result: ReturnType<typeof check>, text: string | RegExp) => {
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.message).toMatch(text);
    expect(result.message).not.toContain('\n');
  }
};

describe('an attestation of the bundle by the pinned workflow', () => {
  it('verifies: certificate chain, log entry, signature, identity and subject', () => {
    expect(check(attest(sigstore, bytes, { identity: ours }))).toEqual({ ok: true, identity: ours.san });
  });

  it('verifies as JSON lines and as GitHub API answer too, when one of them holds', () => {
    const good = attest(sigstore, bytes, { identity: ours });
    const other = attest(sigstore, Buffer.from('other'), { identity: ours });
    expect(check(`${JSON.stringify(other)}\n${JSON.stringify(good)}\n`).ok).toBe(true);
    expect(check({ attestations: [{ bundle: other }, { bundle: good }] }).ok).toBe(true);
  });

  it('accepts a `*` ref pattern and the workflow by its file name alone; a ref outside the pattern is refused', () => {
    const tagged = attest(sigstore, bytes, {
      identity: { san: workflowIdentity(REPO, WORKFLOW, 'refs/tags/v3') },
    });
    expect(check(tagged, bytes, { repository: REPO, workflow: WORKFLOW, ref: '*' }).ok).toBe(true);
    expect(check(tagged, bytes, { ...pin, ref: 'refs/tags/v*' }).ok).toBe(true);
    refused(check(tagged, bytes, { ...pin, ref: 'refs/tags/v2*' }), /signed by .*refs\/tags\/v3, not/);
    refused(
      check(tagged),
      'not https://github.com/acme/agents/.github/workflows/agentgate-release.yml@refs/heads/main',
    );
  });

  it('matches the repository without regard to case, as GitHub does', () => {
    expect(
      check(attest(sigstore, bytes, { identity: ours }), bytes, { ...pin, repository: 'ACME/Agents' }).ok,
    ).toBe(true);
  });
});

describe('refused', () => {
  it('an attestation of other bytes (a wrong subject digest, or one byte of the bundle changed)', () => {
    const wrong = attest(sigstore, bytes, { identity: ours, subjectDigest: 'ab'.repeat(32) });
    refused(check(wrong), 'attests other bytes');
    const tampered = Buffer.from(bytes);
    tampered[3]! ^= 1;
    refused(check(attest(sigstore, bytes, { identity: ours }), tampered), 'attests other bytes');
  });

  it('another workflow, another repository, another branch', () => {
    for (const san of [
      workflowIdentity(REPO, 'other.yml', 'refs/heads/main'),
      workflowIdentity('evil/agents', WORKFLOW, 'refs/heads/main'),
      workflowIdentity(REPO, WORKFLOW, 'refs/heads/evil'),
      'mailto:someone@example.com',
      `${workflowIdentity(REPO, WORKFLOW, 'refs/heads/main')}x`,
    ])
      refused(check(attest(sigstore, bytes, { identity: { san } })), 'signed by');
  });

  it('our workflow called as a reusable one from another repository', () => {
    const borrowed = attest(sigstore, bytes, {
      identity: { ...ours, sourceRepository: 'https://github.com/evil/fork' },
    });
    refused(check(borrowed), 'a run of https://github.com/evil/fork, not of acme/agents');
    refused(
      check(attest(sigstore, bytes, { identity: { ...ours, sourceRepository: null } })),
      'no repository',
    );
  });

  it('a certificate issued for another identity provider', () => {
    const google = attest(sigstore, bytes, { identity: { ...ours, issuer: 'https://accounts.google.com' } });
    refused(check(google), 'issued for https://accounts.google.com, not GitHub Actions');
  });

  it('a certificate from a CA the trusted root does not name, and a log entry the log did not sign', () => {
    refused(
      check(attest(sigstore, bytes, { identity: ours, issuerKey: ecKey() })),
      'does not verify against the trusted root',
    );
    refused(
      check(attest(sigstore, bytes, { identity: ours, tlog: 'forged' })),
      'does not verify against the trusted root',
    );
  });

  it('no transparency log entry when the trusted root lists a log', () => {
    refused(check(attest(sigstore, bytes, { identity: ours, tlog: 'none' })), /trusted root .*timestamp/);
  });

  it('a signature over another payload: the statement swapped after signing', () => {
    const good = attest(sigstore, bytes, { identity: ours });
    const other = attest(sigstore, Buffer.from('x'), { identity: ours });
    const swapped = {
      ...good,
      dsseEnvelope: {
        ...(good.dsseEnvelope as object),
        payload: (other.dsseEnvelope as { payload: string }).payload,
      },
    };
    refused(check(swapped), 'does not verify');
  });

  it('an attestation under the real public-good root (our test CA is not in it)', () => {
    const publicGood = readTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT);
    expect(publicGood.ok).toBe(true);
    if (publicGood.ok)
      refused(
        check(attest(sigstore, bytes, { identity: ours }), bytes, pin, publicGood.root),
        'trusted root',
      );
  });

  it('a payload that is not an in-toto statement, or names no subject', () => {
    refused(check(attest(sigstore, bytes, { identity: ours, payloadType: 'text/plain' })), 'not in-toto');
    refused(
      check(attest(sigstore, bytes, { identity: ours, statement: { _type: 'x' } })),
      'not an in-toto statement',
    );
    refused(
      check(
        attest(sigstore, bytes, {
          identity: ours,
          statement: { _type: 'https://in-toto.io/Statement/v1', subject: {} },
        }),
      ),
      'subject',
    );
    const shaOfBytes = createHash('sha256').update(bytes).digest('hex');
    const loose = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { sha256: shaOfBytes.toUpperCase() } }],
    };
    refused(check(attest(sigstore, bytes, { identity: ours, statement: loose })), 'attests other bytes');
  });
});

describe('hostile attestation files: a one-line refusal, never a throw', () => {
  const good = attest(sigstore, bytes, { identity: ours });
  const entryOf = (bundle: Record<string, unknown>) =>
    (bundle.verificationMaterial as { tlogEntries: Record<string, unknown>[] }).tlogEntries[0]!;
  const withEntries = (entries: () => unknown[]) => ({
    ...good,
    verificationMaterial: { ...(good.verificationMaterial as object), tlogEntries: entries() },
  });
  const cases: [string, unknown][] = [
    ['empty', ''],
    ['not JSON', 'not json at all'],
    ['null', 'null'],
    ['a number', '7'],
    ['an array', '[]'],
    ['a string', '"bundle"'],
    ['no media type', { ...good, mediaType: undefined }],
    ['a media type of another kind', { ...good, mediaType: 'text/html' }],
    [
      'certificate of the wrong type',
      { ...good, verificationMaterial: { certificate: { rawBytes: 42 }, tlogEntries: [] } },
    ],
    [
      'certificate not DER',
      { ...good, verificationMaterial: { certificate: { rawBytes: 'AAAA' }, tlogEntries: [] } },
    ],
    [
      'tlog entries not a list',
      { ...good, verificationMaterial: { ...(good.verificationMaterial as object), tlogEntries: 'x' } },
    ],
    [
      'envelope without signatures',
      {
        ...good,
        dsseEnvelope: { payload: 'e30=', payloadType: 'application/vnd.in-toto+json', signatures: [] },
      },
    ],
    ['envelope of the wrong type', { ...good, dsseEnvelope: 'x' }],
    [
      'a message signature',
      {
        mediaType: good.mediaType,
        verificationMaterial: good.verificationMaterial,
        messageSignature: { messageDigest: { algorithm: 'SHA2_256', digest: 'AA==' }, signature: 'AA==' },
      },
    ],
    ['a bare key', { ...good, verificationMaterial: { publicKey: { hint: 'x' }, tlogEntries: [] } }],
    ['attestations not objects', { attestations: [1, 'x', null] }],
    ['no attestations', { attestations: [] }],
    ['too many', { attestations: Array.from({ length: 17 }, () => good) }],
    ['many log entries', withEntries(() => Array.from({ length: 9 }, () => entryOf(good)))],
    [
      'a log index of a million digits',
      withEntries(() => [{ ...entryOf(good), logIndex: '9'.repeat(1_000_000) }]),
    ],
    [
      'many timestamps',
      {
        ...good,
        verificationMaterial: {
          ...(good.verificationMaterial as object),
          timestampVerificationData: {
            rfc3161Timestamps: Array.from({ length: 9 }, () => ({ signedTimestamp: 'AA==' })),
          },
        },
      },
    ],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    ['a __proto__ key', `{"__proto__": {"mediaType": "x"}, "mediaType": 1}`],
    [
      'a huge checkpoint',
      (() => {
        const copy = JSON.parse(JSON.stringify(good)) as {
          verificationMaterial: { tlogEntries: { inclusionProof: { checkpoint: { envelope: string } } }[] };
        };
        copy.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint.envelope = 'x\n\n'.repeat(
          100_000,
        );
        return copy;
      })(),
    ],
    [
      'a log size that is no number',
      (() => {
        const copy = JSON.parse(JSON.stringify(good)) as {
          verificationMaterial: { tlogEntries: { inclusionProof: { checkpoint: { envelope: string } } }[] };
        };
        copy.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint.envelope =
          'origin\nNaN\nAAAA\n\n\u2014 a AAAAAAAA\n';
        return copy;
      })(),
    ],
  ];
  for (const [label, value] of cases)
    it(label, () => {
      let result: ReturnType<typeof check> | undefined;
      expect(() => (result = check(value))).not.toThrow();
      expect(result?.ok).toBe(false);
      if (result && !result.ok) expect(result.message).not.toMatch(/\n/);
    });
});

describe('trusted roots', () => {
  it('refuses one that is not a trusted root, names no CA, or has fields of the wrong type', () => {
    for (const value of [
      null,
      [],
      'x',
      { mediaType: 'x' },
      { ...sigstore.trustedRoot, certificateAuthorities: [] },
      { ...sigstore.trustedRoot, tlogs: 'x' },
      { ...sigstore.trustedRoot, tlogs: [{ publicKey: { rawBytes: 'AAAA' } }] },
    ])
      expect(readTrustedRoot(value).ok).toBe(false);
  });

  it('demands a log entry and a CT timestamp only where it lists logs, and a verified timestamp where it can', () => {
    const withoutLog = readTrustedRoot(trustedRootOf({ caCert: sigstore.caCert }));
    expect(withoutLog.ok && withoutLog.root.options).toEqual({
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 1,
    });
    expect(root.options).toEqual({ tlogThreshold: 1, ctlogThreshold: 0, timestampThreshold: 1 });
    expect(root.atVerifyTime).toBe(false);
    const publicGood = readTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT);
    expect(publicGood.ok && publicGood.root.options).toEqual({
      tlogThreshold: 1,
      ctlogThreshold: 1,
      timestampThreshold: 1,
    });
    expect(publicGood.ok && publicGood.root.atVerifyTime).toBe(false);
  });

  it('under a root with neither log nor timestamp authority (a private CA), checks the certificate now', () => {
    const read = readTrustedRoot(trustedRootOf({ caCert: sigstore.caCert }));
    if (!read.ok) throw new Error(read.message);
    expect(read.root.atVerifyTime).toBe(true);
    const logless = (options: Partial<AttestOptions>) =>
      check(attest(sigstore, bytes, { identity: ours, tlog: 'none', ...options }), bytes, pin, read.root);
    expect(logless({})).toEqual({ ok: true, identity: ours.san });
    const hour = 3_600_000;
    const expired = { notBefore: new Date(Date.now() - 2 * hour), notAfter: new Date(Date.now() - hour) };
    refused(logless({ validity: expired }), 'expired');
    const future = { notBefore: new Date(Date.now() + hour), notAfter: new Date(Date.now() + 2 * hour) };
    refused(logless({ validity: future }), 'not valid');
    // the identity, the subject and the CA are held all the same
    refused(logless({ subjectDigest: '0'.repeat(64) }), 'attests other bytes');
    refused(logless({ identity: { ...ours, issuer: 'https://example.com' } }), 'not GitHub Actions');
    refused(logless({ issuerKey: ecKey() }), 'does not verify against the trusted root');
    // a log entry the root cannot check is refused, not skipped
    refused(logless({ tlog: undefined }), 'does not verify against the trusted root');
  });
});
