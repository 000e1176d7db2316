// A floor under the gate: a repository's own agentgate.yaml cannot loosen it, and a floor that cannot be read
// leaves the control plane at error, never success.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '../helpers/fake-github.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import {
  ADMIN_TOOL,
  AUTHOR,
  CODEOWNERS,
  ISSUE_REFUND,
  PR_NUMBER,
  pullRequestEvent,
  runCheck,
} from './harness.js';

const FLOOR_SHA = 'f'.repeat(40);
const FLOOR = `version: 1
planes:
  control:
    signoffs: { privileged: 2, irreversible: 2 }
    signers: ["@alice", "@bob"]
`;
/** the repository's own config tries to wave every change through */
const LOOSE = `version: 1
extends: { repository: acme/.agentgate, path: floor.yaml, ref: ${FLOOR_SHA} }
planes:
  control:
    signers: ["@eve"]
    signoffs: { read: 0, write: 0, irreversible: 0, privileged: 0 }
`;

let fake: FakeGitHub;
let repo: TempRepo;
let dir: string;

beforeEach(async () => {
  fake = await startFakeGitHub();
  repo = await createTempRepo();
  dir = mkdtempSync(join(tmpdir(), 'agentgate-floor-'));
});
afterEach(async () => {
  await fake.close();
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
  expect(fake.violations).toEqual([]);
});

async function pullWith(config: string): Promise<{ base: string; head: string }> {
  repo.write('agentgate.yaml', config);
  repo.write('.github/CODEOWNERS', CODEOWNERS);
  repo.write('registry/tools/issue_refund.yaml', ISSUE_REFUND);
  const base = await repo.commit('base');
  repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
  const head = await repo.commit('admin tool');
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
  return { base, head };
}

describe('check under a floor', () => {
  it('a repository cannot loosen the floor it extends: the floor sign-offs hold, and the report names the floor', async () => {
    fake.org.contents.set(`acme/.agentgate:floor.yaml@${FLOOR_SHA}`, FLOOR);
    const { base, head } = await pullWith(LOOSE);
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.stderr).not.toMatch(/error/i);
    const control = fake.latestStatuses(head)['agentgate/control-plane'];
    expect(control?.state).toBe('pending');
    expect(control?.description).toMatch(/^needs 2 sign-off\(s\) for privileged change/);
    const read = fake.requests.find((r) => r.path.startsWith('/repos/acme/.agentgate/contents/'));
    expect(read?.query.ref).toBe(FLOOR_SHA);
    expect(run.summary).toContain('#### Floor');
    expect(run.summary).toMatch(/planes\.control\.signoffs\.privileged.*\(tightened\)/);
    expect(run.summary).toContain('acme/.agentgate:floor.yaml@ffffffffffff');
  });

  it('a sign-off by a signer only the repository names does not count', async () => {
    fake.org.contents.set(`acme/.agentgate:floor.yaml@${FLOOR_SHA}`, FLOOR);
    const { base, head } = await pullWith(LOOSE);
    fake.addReview({ pr: PR_NUMBER, user: 'eve', state: 'APPROVED', commitId: head });
    await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('pending');
  });

  it('an unreachable floor fails closed: the control plane is error, never success', async () => {
    const { base, head } = await pullWith(LOOSE);
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).not.toBe(0);
    const control = fake.latestStatuses(head)['agentgate/control-plane'];
    expect(control?.state).toBe('error');
    expect(control?.description).toMatch(/floor acme\/\.agentgate:floor\.yaml/);
    expect(run.stderr).toMatch(/fails closed/);
  });

  it('a floor that does not parse fails closed', async () => {
    fake.org.contents.set(
      `acme/.agentgate:floor.yaml@${FLOOR_SHA}`,
      'planes:\n  control:\n    maxRadius: godmode\n',
    );
    const { base, head } = await pullWith(LOOSE);
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).not.toBe(0);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('error');
  });

  it('--floor FILE applies on top: the tightest maxRadius fails a privileged tool', async () => {
    const floorFile = join(dir, 'floor.yaml');
    writeFileSync(floorFile, 'planes:\n  control:\n    maxRadius: irreversible\n');
    const { base, head } = await pullWith('version: 1\nplanes:\n  control:\n    maxRadius: privileged\n');
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }), {
      args: ['--floor', floorFile],
    });
    expect(run.code).toBe(1);
    const control = fake.latestStatuses(head)['agentgate/control-plane'];
    expect(control?.state).toBe('failure');
    expect(run.summary).toContain(`--floor ${floorFile}`);
  });

  it('--floor naming a missing file fails closed', async () => {
    const { base, head } = await pullWith('version: 1\n');
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }), {
      args: ['--floor', join(dir, 'absent.yaml')],
    });
    expect(run.code).not.toBe(0);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('error');
  });

  it('extends a path in this repository, read at the base commit', async () => {
    repo.write('policy/floor.yaml', 'planes:\n  control:\n    maxRadius: write\n');
    const { base, head } = await pullWith('version: 1\nextends: { path: policy/floor.yaml }\n');
    const run = await runCheck(fake, repo, pullRequestEvent({ base, head }));
    expect(run.code).toBe(1);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('failure');
  });
});
