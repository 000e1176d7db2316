// Released bundles prove where they came from: signed with an Ed25519 key at release, verified by the runtime
// against keys pinned in the operator's config, before the digest and before any field is read.
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDigest } from '../../src/core/release/bundle.js';
import { signBundle } from '../../src/core/release/bundle-signature.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const TIMEOUT = 120_000;
const NO_GITHUB = { AGENTGATE_TOKEN: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '', AGENTGATE_SIGNING_KEY: '' };

const pair = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    private: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    public: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};
const signer = pair();
const stranger = pair();

let repo: TempRepo;
/** the operator's folder: the runtime runs here, with the pinned config */
let op: string;
let v1: string;
let v2: string;

const pinned = (...keys: string[]) =>
  `version: 1\nrelease:\n  publicKeys:\n${keys.map((k) => `    - |\n${k.trim().replace(/^/gm, '      ')}\n`).join('')}`;

const INTENTS: Record<string, object> = {
  describe: { tool: 'describe_db_instances', args: { region: 'eu-west-1' } },
  prod: {
    tool: 'delete_db_instance',
    args: { db_instance_id: 'prod-database-main', snapshot_id: 'snap-1' },
    changeRequest: 'CHG-1234',
  },
};

function check(intent: string, bundle: string, ...extra: string[]) {
  return runCli(['intent', 'check', '-', '--bundle', bundle, '--format', 'json', ...extra], {
    cwd: op,
    input: JSON.stringify(INTENTS[intent]),
    env: NO_GITHUB,
  });
}

const oneLine = (result: { code: number; stdout: string; stderr: string }, text: string) => {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(text)]);
};

/** A copy of bundle `from` with `edit` applied and its digest recomputed: sealed again, as anyone can. */
function reseal(from: string, name: string, edit: (bundle: Record<string, unknown>) => void): string {
  const bundle = JSON.parse(readFileSync(from, 'utf8')) as Record<string, unknown>;
  edit(bundle);
  bundle.digest = bundleDigest(bundle);
  const path = join(op, name);
  writeFileSync(path, `${JSON.stringify(bundle, null, 2)}\n`);
  if (existsSync(`${from}.sig`)) cpSync(`${from}.sig`, `${path}.sig`);
  return path;
}

const emptyProtectedTargets = (bundle: Record<string, unknown>) => {
  for (const tool of bundle.tools as { name: string; policy?: { protectedTargets?: unknown } }[])
    if (tool.name === 'delete_db_instance' && tool.policy) tool.policy.protectedTargets = [];
};

beforeAll(async () => {
  repo = await createTempRepo();
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(ROOT, path), join(repo.dir, path), { recursive: true });
  await repo.commit('example agents');
  op = `${repo.dir}-operator`;
  mkdirSync(op, { recursive: true });
  writeFileSync(join(op, 'signing.pem'), signer.private);
  writeFileSync(join(op, 'agentgate.yaml'), pinned(signer.public));
  const first = runCli(
    [
      'release',
      '--plane',
      'control',
      '--out',
      'out',
      '--sign-key',
      join(op, 'signing.pem'),
      '--format',
      'json',
    ],
    { cwd: repo.dir, env: NO_GITHUB },
  );
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  expect(first.stdout).not.toContain('PRIVATE');
  v1 = join(repo.dir, 'out/agentgate-control-v1.json');
  expect(JSON.parse(first.stdout)).toMatchObject({
    released: true,
    version: 1,
    signature: 'out/agentgate-control-v1.json.sig',
  });
  repo.write(
    'registry/tools/extra.yaml',
    'apiVersion: agentgate/v1\nkind: Tool\nname: extra_read\neffect: read\n',
  );
  await repo.commit('one more tool');
  // the key from the environment this time, as the release workflow passes a secret
  const second = runCli(['release', '--plane', 'control', '--out', 'out'], {
    cwd: repo.dir,
    env: { ...NO_GITHUB, AGENTGATE_SIGNING_KEY: signer.private },
  });
  expect(second.code).toBe(0);
  expect(second.stdout + second.stderr).not.toContain('PRIVATE');
  v2 = join(repo.dir, 'out/agentgate-control-v2.json');
  expect(existsSync(`${v2}.sig`)).toBe(true);
}, TIMEOUT);
afterAll(() => {
  repo.cleanup();
  rmSync(op, { recursive: true, force: true });
});

describe('a signed release', () => {
  it(
    'is enforced when its signature verifies under a pinned key',
    () => {
      expect(check('describe', v1).code).toBe(0);
      const prod = check('prod', v1);
      expect(prod.code).toBe(1);
      expect(prod.stdout).toContain('protected-target');
    },
    TIMEOUT,
  );

  it(
    'edited and re-sealed (protected targets emptied) is refused whole: the digest matches, the signature does not',
    () => {
      const forged = reseal(v1, 'forged.json', emptyProtectedTargets);
      oneLine(check('prod', forged), 'does not verify');
      oneLine(check('describe', forged), 'does not verify');
    },
    TIMEOUT,
  );

  it(
    'without its signature is refused when keys are pinned, in intent check and in guard',
    () => {
      const bare = join(op, 'bare.json');
      cpSync(v1, bare);
      oneLine(check('describe', bare), 'unsigned');
      const marker = join(op, 'started');
      const guard = runCli(
        [
          'guard',
          '--bundle',
          bare,
          '--',
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
        ],
        { cwd: op, input: '', env: NO_GITHUB },
      );
      expect(guard.code).toBe(2);
      expect(guard.stderr).toContain('unsigned');
      expect(existsSync(marker)).toBe(false);
    },
    TIMEOUT,
  );

  it(
    'signed by a key nobody pinned, or with a signature of another bundle, is refused',
    () => {
      const other = join(op, 'other.json');
      cpSync(v1, other);
      // the stranger signs the forged bundle properly: still no pinned key
      const forged = reseal(v1, 'forged-stranger.json', emptyProtectedTargets);
      const signature = signBundle(readFileSync(forged), createPrivateKey(stranger.private));
      writeFileSync(`${forged}.sig`, JSON.stringify(signature));
      oneLine(check('prod', forged), 'signature');
      // v2's signature beside v1's bytes
      cpSync(`${v2}.sig`, `${other}.sig`);
      oneLine(check('describe', other), 'another file');
    },
    TIMEOUT,
  );

  it(
    'reads the pins from --config, and refuses a pinned key that is not Ed25519 or a config that is missing',
    () => {
      const elsewhere = join(op, 'pins.yaml');
      writeFileSync(elsewhere, pinned(stranger.public));
      oneLine(check('describe', v1, '--config', elsewhere), 'does not verify');
      writeFileSync(elsewhere, pinned('-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----'));
      oneLine(check('describe', v1, '--config', elsewhere), 'release.publicKeys[0]');
      oneLine(check('describe', v1, '--config', join(op, 'missing.yaml')), '--config');
    },
    TIMEOUT,
  );

  it(
    'refuses a signing key that is not an Ed25519 private key, without printing it',
    () => {
      const secret = 'definitely-not-a-key-1234567890';
      const result = runCli(['release', '--plane', 'control', '--out', join(op, 'x'), '--no-tag'], {
        cwd: repo.dir,
        env: { ...NO_GITHUB, AGENTGATE_SIGNING_KEY: secret },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('AGENTGATE_SIGNING_KEY');
      expect(result.stdout + result.stderr).not.toContain(secret);
      expect(existsSync(join(op, 'x'))).toBe(false);
    },
    TIMEOUT,
  );
});

describe('every field of a bundle has its type', () => {
  it(
    'a string protectedTargets, a string bindings entry or an unknown policy key is a one-line refusal',
    () => {
      const unpinned = `${op}-unpinned`;
      mkdirSync(unpinned, { recursive: true });
      const cases: [string, (b: Record<string, unknown>) => void, string][] = [
        [
          'string-targets.json',
          (b) => {
            for (const tool of b.tools as { name: string; policy?: Record<string, unknown> }[])
              if (tool.name === 'delete_db_instance') tool.policy!.protectedTargets = 'prod-*';
          },
          ".policy.protectedTargets': must be an array of strings",
        ],
        [
          'unknown-policy.json',
          (b) => {
            for (const tool of b.tools as { name: string; policy?: Record<string, unknown> }[])
              if (tool.name === 'delete_db_instance') tool.policy!.allowTargets = ['*'];
          },
          'policy.allowTargets',
        ],
        ['string-bindings.json', (b) => void (b.bindings = ['x']), "field 'bindings[0]'"],
        ['version-string.json', (b) => void (b.version = '9'), "field 'version'"],
      ];
      for (const [name, edit, text] of cases) {
        const path = reseal(v1, name, edit);
        const result = runCli(['intent', 'check', '-', '--bundle', path], {
          cwd: unpinned,
          input: JSON.stringify(INTENTS.prod),
          env: NO_GITHUB,
        });
        oneLine(result, text);
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
      rmSync(unpinned, { recursive: true, force: true });
    },
    TIMEOUT,
  );
});

describe('rollback', () => {
  it(
    '--min-version refuses an older bundle',
    () => {
      oneLine(check('describe', v1, '--min-version', '2'), 'rollback');
      expect(check('describe', v2, '--min-version', '2').code).toBe(0);
      expect(check('describe', v1, '--min-version', 'x').code).toBe(2);
    },
    TIMEOUT,
  );

  it(
    'the version at the head of the decision log refuses an older bundle, and another bundle of that version',
    () => {
      const log = join(op, 'decisions.jsonl');
      expect(check('describe', v2, '--log', log).code).toBe(0);
      const head = JSON.parse(readFileSync(log, 'utf8').trim().split('\n').at(-1)!) as { bundle: unknown };
      expect(head.bundle).toEqual({ version: 2, digest: JSON.parse(readFileSync(v2, 'utf8')).digest });
      oneLine(check('describe', v1, '--log', log), 'rollback');
      expect(runCli(['intent', 'verify-log', log], { cwd: op }).code).toBe(0);
    },
    TIMEOUT,
  );
});
