// Released bundles attested by the release workflow (GitHub artifact attestations: a Sigstore bundle around an
// in-toto statement naming the bundle's sha256), verified by the runtime offline against a trusted root and the
// signer pinned in the operator's config, before the digest and before any field is read.
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDigest } from '../../src/core/release/bundle.js';
import { signBundle } from '../../src/core/release/bundle-signature.js';
import { runCli } from '../helpers/run-cli.js';
import type { CliResult } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { attest, createTestSigstore, trustedRootOf, workflowIdentity } from '../helpers/test-sigstore.js';
import type { AttestOptions } from '../helpers/test-sigstore.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TIMEOUT = 120_000;
const NO_GITHUB = { AGENTGATE_TOKEN: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', AGENTGATE_SIGNING_KEY: '' };
const REPO = 'acme/agents';
const WORKFLOW = '.github/workflows/agentgate-release.yml';
const ours = { san: workflowIdentity(REPO, 'agentgate-release.yml', 'refs/heads/main') };
const SIGNER_PIN = `version: 1\nrelease:\n  signer:\n    repository: ${REPO}\n    workflow: ${WORKFLOW}\n    ref: refs/heads/main\n`;

const sigstore = createTestSigstore();
let repo: TempRepo;
/** the operator's folder: the runtime runs here, with the pinned config and the trusted root */
let op: string;
let v1: string;
let v2: string;
let root: string;

const INTENTS: Record<string, object> = {
  describe: { tool: 'describe_db_instances', args: { region: 'eu-west-1' } },
  prod: {
    tool: 'delete_db_instance',
    args: { db_instance_id: 'prod-database-main', snapshot_id: 'snap-1' },
    changeRequest: 'CHG-1234',
  },
};

function check(intent: string, bundle: string, ...extra: string[]): CliResult {
  return runCli(
    ['intent', 'check', '-', '--bundle', bundle, '--format', 'json', '--trusted-root', root, ...extra],
    {
      cwd: op,
      input: JSON.stringify(INTENTS[intent]),
      env: NO_GITHUB,
    },
  );
}

const oneLine = (result: CliResult, text: string) => {
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(text)]);
  expect(result.code).toBe(2);
};

/** A copy of the bundle in the operator's folder, with an attestation beside it. */
function attested(from: string, name: string, options: Partial<AttestOptions> = {}, over?: Buffer): string {
  const path = join(op, name);
  cpSync(from, path);
  const bundle = attest(sigstore, over ?? readFileSync(from), { identity: ours, ...options });
  writeFileSync(`${path}.sigstore.json`, JSON.stringify(bundle));
  return path;
}

beforeAll(async () => {
  repo = await createTempRepo();
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(ROOT, path), join(repo.dir, path), { recursive: true });
  await repo.commit('example agents');
  expect(
    runCli(['release', '--plane', 'control', '--out', 'out'], { cwd: repo.dir, env: NO_GITHUB }).code,
  ).toBe(0);
  repo.write(
    'registry/tools/extra.yaml',
    'apiVersion: agentgate/v1\nkind: Tool\nname: extra_read\neffect: read\n',
  );
  await repo.commit('one more tool');
  expect(
    runCli(['release', '--plane', 'control', '--out', 'out'], { cwd: repo.dir, env: NO_GITHUB }).code,
  ).toBe(0);
  v1 = join(repo.dir, 'out/agentgate-control-v1.json');
  v2 = join(repo.dir, 'out/agentgate-control-v2.json');
  op = `${repo.dir}-operator`;
  mkdirSync(op, { recursive: true });
  writeFileSync(join(op, 'agentgate.yaml'), SIGNER_PIN);
  root = join(op, 'trusted_root.json');
  writeFileSync(root, JSON.stringify(sigstore.trustedRoot));
}, TIMEOUT);
afterAll(() => {
  repo.cleanup();
  rmSync(op, { recursive: true, force: true });
});

describe('a bundle attested by the pinned release workflow', () => {
  it(
    'is enforced when its attestation verifies (beside it, or named with --attestation)',
    () => {
      const good = attested(v1, 'good.json');
      expect(check('describe', good).code).toBe(0);
      const prod = check('prod', good);
      expect(prod.code).toBe(1);
      expect(prod.stdout).toContain('protected-target');
      const elsewhere = join(op, 'attestations.jsonl');
      cpSync(`${good}.sigstore.json`, elsewhere);
      const bare = join(op, 'bare-good.json');
      cpSync(v1, bare);
      expect(check('describe', bare, '--attestation', elsewhere).code).toBe(0);
      // a private CA's root (no log, no timestamp authority): an attestation without a log entry, checked now
      const privateRoot = join(op, 'private-root.json');
      writeFileSync(privateRoot, JSON.stringify(trustedRootOf({ caCert: sigstore.caCert })));
      const logless = attested(v1, 'logless.json', { tlog: 'none' });
      expect(check('describe', logless, '--trusted-root', privateRoot).code).toBe(0);
      oneLine(check('describe', logless), 'does not verify against the trusted root');
      // the in-toto JSON lines name beside the bundle is read when the Sigstore one is absent
      const lines = join(op, 'lines.json');
      cpSync(v1, lines);
      cpSync(`${good}.sigstore.json`, `${lines}.intoto.jsonl`);
      expect(check('describe', lines).code).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'without an attestation is refused, in intent check and in guard (the server never starts)',
    () => {
      const bare = join(op, 'bare.json');
      cpSync(v1, bare);
      oneLine(check('describe', bare), 'unattested');
      oneLine(check('describe', bare, '--attestation', join(op, 'missing.json')), 'unattested');
      const marker = join(op, 'started');
      const guard = runCli(
        [
          'guard',
          '--bundle',
          bare,
          '--trusted-root',
          root,
          '--',
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
        ],
        { cwd: op, input: '', env: NO_GITHUB },
      );
      expect(guard.code).toBe(2);
      expect(guard.stderr).toContain('unattested');
      expect(existsSync(marker)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'edited and re-sealed (protected targets emptied) is refused whole: the digest matches, the attestation does not',
    () => {
      const path = attested(v1, 'forged.json');
      const bundle = JSON.parse(readFileSync(path, 'utf8')) as {
        tools: { name: string; policy?: { protectedTargets?: unknown } }[];
      };
      for (const tool of bundle.tools)
        if (tool.name === 'delete_db_instance' && tool.policy) tool.policy.protectedTargets = [];
      const resealed = { ...bundle, digest: bundleDigest(bundle as unknown as Record<string, unknown>) };
      writeFileSync(path, `${JSON.stringify(resealed, null, 2)}\n`);
      oneLine(check('prod', path), 'attests other bytes');
      // one byte of whitespace is another file too
      const spaced = attested(v1, 'spaced.json');
      writeFileSync(spaced, `${readFileSync(spaced, 'utf8')} `);
      oneLine(check('describe', spaced), 'attests other bytes');
    },
    TIMEOUT,
  );

  it(
    "refuses another bundle's attestation, a wrong signer, a wrong issuer, and a CA outside the trusted root",
    () => {
      oneLine(check('describe', attested(v1, 'other.json', {}, readFileSync(v2))), 'attests other bytes');
      const stranger = { san: workflowIdentity('evil/agents', 'agentgate-release.yml', 'refs/heads/main') };
      oneLine(
        check('describe', attested(v1, 'stranger.json', { identity: stranger })),
        'not https://github.com/acme/agents',
      );
      const branch = { san: workflowIdentity(REPO, 'agentgate-release.yml', 'refs/heads/evil') };
      oneLine(check('describe', attested(v1, 'branch.json', { identity: branch })), 'refs/heads/evil');
      const google = { ...ours, issuer: 'https://accounts.google.com' };
      oneLine(check('describe', attested(v1, 'google.json', { identity: google })), 'not GitHub Actions');
      // no --trusted-root: the public-good root, where our test CA is not
      const publicGood = runCli(['intent', 'check', '-', '--bundle', attested(v1, 'pg.json')], {
        cwd: op,
        input: JSON.stringify(INTENTS.describe),
        env: NO_GITHUB,
      });
      oneLine(publicGood, 'does not verify against the trusted root');
    },
    TIMEOUT,
  );

  it(
    'hostile attestation files and trusted roots: one line, exit 2, no stack trace',
    () => {
      const path = join(op, 'hostile.json');
      cpSync(v1, path);
      const files: [string | Buffer, string][] = [
        ['', 'empty'],
        ['{"mediaType":', 'not JSON'],
        [
          '{"mediaType": 7, "verificationMaterial": [], "dsseEnvelope": {"payload": {}}}',
          'not a Sigstore bundle',
        ],
        [JSON.stringify({ attestations: 'x' }), 'not a Sigstore bundle'],
        [Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'not JSON'],
        [Buffer.alloc(4 * 1024 * 1024 + 1, 0x20), 'over 4 MiB'],
      ];
      for (const [content, text] of files) {
        writeFileSync(`${path}.sigstore.json`, content);
        const result = check('describe', path);
        oneLine(result, text);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
      attested(v1, 'hostile.json');
      const badRoot = join(op, 'bad-root.json');
      for (const [content, text] of [
        ['not json', 'not JSON'],
        [
          '{"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1", "certificateAuthorities": 5}',
          'not a list',
        ],
        [
          '{"mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1"}',
          'no certificate authority',
        ],
      ]) {
        writeFileSync(badRoot, content!);
        oneLine(check('describe', path, '--trusted-root', badRoot), text!);
      }
      oneLine(
        check('describe', path, '--trusted-root', join(op, 'no-root.json')),
        'cannot read the trusted root',
      );
    },
    TIMEOUT,
  );
});

describe('--attestation and --trusted-root with no signer pinned', () => {
  it(
    'are a usage error (exit 2), never silently unused',
    () => {
      const good = attested(v1, 'unpinned.json');
      const keysOnly = join(op, 'nothing.yaml');
      writeFileSync(keysOnly, 'version: 1\n');
      oneLine(check('describe', good, '--config', keysOnly), '--trusted-root');
      const noRoot = runCli(
        [
          'intent',
          'check',
          '-',
          '--bundle',
          good,
          '--config',
          keysOnly,
          '--attestation',
          `${good}.sigstore.json`,
        ],
        { cwd: op, input: JSON.stringify(INTENTS.describe), env: NO_GITHUB },
      );
      oneLine(noRoot, 'pins no release.signer');
    },
    TIMEOUT,
  );
});

describe('a signer pinned without a ref', () => {
  it(
    'is refused whole (exit 2, naming the field): a run on any branch, changed by anyone who may push, could attest',
    () => {
      const good = attested(v1, 'no-ref.json');
      const noRef = join(op, 'no-ref.yaml');
      writeFileSync(noRef, SIGNER_PIN.replace('    ref: refs/heads/main\n', ''));
      oneLine(check('describe', good, '--config', noRef), 'ref');
    },
    TIMEOUT,
  );
});

describe('keys and a signer pinned together', () => {
  it(
    'either proof is enough; with neither, both reasons are named in one line',
    () => {
      const { privateKey, publicKey } = generateKeyPairSync('ed25519');
      const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const both = join(op, 'both.yaml');
      writeFileSync(both, `${SIGNER_PIN}  publicKeys:\n    - |\n${pem.trim().replace(/^/gm, '      ')}\n`);
      const onlyAttested = attested(v1, 'only-attested.json');
      expect(check('describe', onlyAttested, '--config', both).code).toBe(0);
      const onlySigned = join(op, 'only-signed.json');
      cpSync(v1, onlySigned);
      writeFileSync(`${onlySigned}.sig`, JSON.stringify(signBundle(readFileSync(v1), privateKey)));
      expect(check('describe', onlySigned, '--config', both).code).toBe(0);
      const bare = join(op, 'neither.json');
      cpSync(v1, bare);
      const neither = check('describe', bare, '--config', both);
      oneLine(neither, 'unsigned');
      expect(neither.stderr).toContain('unattested');
      // a trusted root that does not read stops it even where the signature holds
      const badRoot = join(op, 'broken-root.json');
      writeFileSync(badRoot, '{}');
      oneLine(check('describe', onlySigned, '--config', both, '--trusted-root', badRoot), 'trusted root');
    },
    TIMEOUT,
  );
});
