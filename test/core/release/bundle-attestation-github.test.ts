// A real GitHub artifact attestation, made by actions/attest-build-provenance for cli/cli's release workflow and
// logged in the public Rekor, verified offline against the public-good trusted root agentgate ships. It comes from
// GitHub's own API description (the devDependency @octokit/openapi), read in place: nothing here is made up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBundleAttestation } from '../../../src/core/release/bundle-attestation.js';
import type { SignerPin } from '../../../src/core/release/attestation-identity.js';
import { PUBLIC_GOOD_TRUSTED_ROOT } from '../../../src/core/release/public-good-root.js';
import { readTrustedRoot } from '../../../src/core/release/trusted-root.js';

const API = new URL('../../../node_modules/@octokit/openapi/generated/api.github.com.json', import.meta.url);
const ATTESTED_SHA256 = '8aad120b416386b4269ef62c8fdebcad31a70847297817a149daf927edc85548';
const CLI_RELEASE: SignerPin = {
  repository: 'cli/cli',
  workflow: '.github/workflows/deployment.yml',
  ref: 'refs/heads/trunk',
};

interface Attestation {
  mediaType: string;
  dsseEnvelope: { payload: string; signatures: { sig: string }[] };
  verificationMaterial: { tlogEntries: { inclusionProof: { checkpoint: { envelope: string } } }[] };
}

let found: Attestation | undefined;
function realAttestation(): Attestation {
  const walk = (value: unknown): void => {
    if (found || typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.mediaType === 'application/vnd.dev.sigstore.bundle.v0.3+json') found = value as Attestation;
    else for (const item of Object.values(record)) walk(item);
  };
  if (!found) walk(JSON.parse(readFileSync(API, 'utf8')));
  if (!found) throw new Error('no attestation in the GitHub API description');
  const copy = structuredClone(found);
  // the API description escapes the checkpoint's newlines once too often; the log signed real newlines
  for (const entry of copy.verificationMaterial.tlogEntries)
    entry.inclusionProof.checkpoint.envelope = entry.inclusionProof.checkpoint.envelope.replaceAll(
      '\\n',
      '\n',
    );
  return copy;
}

const read = readTrustedRoot(PUBLIC_GOOD_TRUSTED_ROOT);
if (!read.ok) throw new Error(read.message);
const root = read.root;
const check = (attestation: unknown, pin = CLI_RELEASE) =>
  checkBundleAttestation(JSON.stringify(attestation), Buffer.from('not the zip'), pin, root);

describe('a real GitHub artifact attestation under the public-good root', () => {
  it('names the artifact it attests', () => {
    const statement = JSON.parse(
      Buffer.from(realAttestation().dsseEnvelope.payload, 'base64').toString(),
    ) as {
      subject: { digest: { sha256: string } }[];
    };
    expect(statement.subject.map((subject) => subject.digest.sha256)).toEqual([ATTESTED_SHA256]);
  });

  it('verifies all the way to its subject: chain, CT timestamp, log entry and proof, signature, identity', () => {
    // only the subject is left to fail: these bytes are not the zip it attests
    expect(check(realAttestation())).toEqual({
      ok: false,
      message: expect.stringMatching(/^the attestation verifies, but attests other bytes/),
    });
  });

  it('is refused for another ref, another workflow or another repository', () => {
    for (const pin of [
      { ...CLI_RELEASE, ref: 'refs/heads/main' },
      { ...CLI_RELEASE, workflow: 'release.yml' },
      { ...CLI_RELEASE, repository: 'cli/go-gh' },
    ])
      expect(check(realAttestation(), pin)).toMatchObject({
        ok: false,
        message: expect.stringContaining('signed by'),
      });
  });

  it('is refused once a byte of its signature, statement or log proof changes', () => {
    const signature = realAttestation();
    const sig = Buffer.from(signature.dsseEnvelope.signatures[0]!.sig, 'base64');
    sig[sig.length - 1]! ^= 1;
    signature.dsseEnvelope.signatures[0]!.sig = sig.toString('base64');
    const statement = realAttestation();
    const payload = Buffer.from(statement.dsseEnvelope.payload, 'base64')
      .toString()
      .replace(ATTESTED_SHA256, '0'.repeat(64));
    statement.dsseEnvelope.payload = Buffer.from(payload).toString('base64');
    const proof = realAttestation();
    const checkpoint = proof.verificationMaterial.tlogEntries[0]!.inclusionProof.checkpoint;
    checkpoint.envelope = checkpoint.envelope.replace('93750551', '93750552');
    for (const forged of [signature, statement, proof])
      expect(check(forged)).toMatchObject({
        ok: false,
        message: expect.stringContaining('does not verify against the trusted root'),
      });
  });
});
