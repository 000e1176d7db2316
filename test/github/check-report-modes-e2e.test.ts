// `check --comment` and `--report` through the built CLI against the fake GitHub (every request checked against
// GitHub's published schemas).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { closeGitHubFixture, openGitHubFixture } from './harness.js';
import type { GitHubFixture } from './harness.js';
import { ADMIN_TOOL, AUTHOR, PR_NUMBER, pullRequestEvent, runCheck } from './harness.js';

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
});
afterEach(() => closeGitHubFixture(fixture));

async function pull(head: string, args: string[]) {
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
  return runCheck(fake, repo, pullRequestEvent({ base, head }), { args });
}

/** a PR that touches neither plane: a README */
async function readmeCommit(): Promise<string> {
  repo.write('README.md', '# agents\n');
  return repo.commit('readme');
}

/** `count` broken tool manifests: each an error finding with a file and line */
async function brokenToolsCommit(count: number): Promise<string> {
  for (let i = 0; i < count; i += 1)
    repo.write(
      `registry/tools/broken_${i}.yaml`,
      `apiVersion: agentgate/v1\nkind: Tool\nname: broken_${i}\neffect: [\n`,
    );
  return repo.commit('broken tools');
}

describe('check --comment', () => {
  it('on-change (the default): a PR that changes neither plane gets both statuses and no comment', async () => {
    const head = await readmeCommit();
    const run = await pull(head, []);
    expect(run.code).toBe(0);
    expect(fake.latestStatuses(head)['agentgate/data-plane']?.state).toBe('success');
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.description).toBe(
      'no control-plane changes',
    );
    expect(fake.comments).toHaveLength(0);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/comments'))).toBe(false);
    expect(run.stdout).toMatch(/report: no comment \(the pull request changes neither plane/);
  });

  it('on-change comments when a plane changed', async () => {
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin');
    await pull(head, ['--comment', 'on-change']);
    expect(fake.comments).toHaveLength(1);
  });

  it('always comments even when nothing changed; never writes no comment even for a failure', async () => {
    const head = await readmeCommit();
    await pull(head, ['--comment', 'always']);
    expect(fake.comments).toHaveLength(1);

    fake.comments.length = 0;
    const broken = await brokenToolsCommit(1);
    const run = await pull(broken, ['--comment', 'never']);
    expect(run.code).toBe(1);
    expect(fake.latestStatuses(broken)['agentgate/control-plane']?.state).toBe('failure');
    expect(fake.comments).toHaveLength(0);
  });

  it('on-failure: silent while the gate passes, comments on a failure, then updates that comment to say it passed', async () => {
    const readme = await readmeCommit();
    await pull(readme, ['--comment', 'on-failure']);
    expect(fake.comments).toHaveLength(0);

    const broken = await brokenToolsCommit(1);
    await pull(broken, ['--comment', 'on-failure']);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('❌ failure');

    repo.git('rm', '-q', 'registry/tools/broken_0.yaml');
    const fixed = await repo.commit('fix');
    const run = await pull(fixed, ['--comment', 'on-failure']);
    expect(run.code).toBe(0);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toMatch(/The gate passed/);
    expect(fake.comments[0]?.body).not.toContain('❌ failure');
  });

  it('on-failure: a fixed PR whose control plane still waits is not called passed', async () => {
    const broken = await brokenToolsCommit(1);
    await pull(broken, ['--comment', 'on-failure']);
    repo.git('rm', '-q', 'registry/tools/broken_0.yaml');
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const waiting = await repo.commit('admin instead');
    await pull(waiting, ['--comment', 'on-failure']);
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toContain('No plane fails any more');
    expect(fake.comments[0]?.body).not.toContain('The gate passed');
    expect(fake.comments[0]?.body).toContain('⏳ pending');
  });

  it('refuses an unknown mode with exit 2', async () => {
    const head = await readmeCommit();
    const run = await pull(head, ['--comment', 'sometimes']);
    expect(run.code).toBe(2);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('check --report', () => {
  it('checks: one check run per plane, verdict in the title, report in the text, no statuses', async () => {
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin');
    const run = await pull(head, ['--report', 'checks']);
    expect(run.code).toBe(0);
    expect(fake.statuses).toHaveLength(0);
    const runs = fake.git.checkRuns;
    expect(runs.map((r) => r.name).sort()).toEqual(['agentgate/control-plane', 'agentgate/data-plane']);
    const control = runs.find((r) => r.name === 'agentgate/control-plane')!;
    expect(control.headSha).toBe(head);
    expect(control.status).toBe('in_progress');
    expect(control.conclusion).toBeNull();
    expect(control.title).toMatch(/^pending: needs 2 sign-off\(s\) for privileged change/);
    expect(control.text).toContain('admin_billing_update');
    const data = runs.find((r) => r.name === 'agentgate/data-plane')!;
    expect(data).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('an errored re-run leaves no check run at success: each plane concludes failure over the earlier success', async () => {
    const head = await readmeCommit();
    expect((await pull(head, ['--report', 'checks'])).code).toBe(0);
    const latest = (name: string) => fake.git.checkRuns.filter((r) => r.name === name).at(-1);
    expect(latest('agentgate/control-plane')).toMatchObject({ status: 'completed', conclusion: 'success' });
    fake.fail({ method: 'GET', path: /\/reviews$/, status: 500, times: Infinity });
    const rerun = await runCheck(fake, repo, pullRequestEvent({ base, head }), {
      args: ['--report', 'checks'],
    });
    expect(rerun.code).toBe(2);
    for (const name of ['agentgate/control-plane', 'agentgate/data-plane']) {
      expect(latest(name)).toMatchObject({ headSha: head, status: 'completed', conclusion: 'failure' });
      expect(latest(name)?.title).toMatch(/^error: GET reviews of #7 failed with HTTP 500/);
    }
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('error');
  });

  it('both: check runs and statuses', async () => {
    const head = await readmeCommit();
    await pull(head, ['--report', 'both']);
    expect(fake.git.checkRuns).toHaveLength(2);
    expect(Object.keys(fake.latestStatuses(head)).sort()).toEqual([
      'agentgate/control-plane',
      'agentgate/data-plane',
    ]);
  });

  it('every finding with a file and line is an annotation, sent in batches of 50 (create, then PATCH)', async () => {
    const head = await brokenToolsCommit(120);
    const run = await pull(head, ['--report', 'checks', '--comment', 'never']);
    expect(run.code).toBe(1);
    const control = fake.git.checkRuns.find((r) => r.name === 'agentgate/control-plane')!;
    expect(control.conclusion).toBe('failure');
    expect(control.annotations.length).toBeGreaterThanOrEqual(120);
    expect(control.batches.every((n) => n <= 50)).toBe(true);
    expect(control.batches[0]).toBe(50);
    const paths = new Set(control.annotations.map((a) => a.path));
    for (let i = 0; i < 120; i += 1) expect(paths.has(`registry/tools/broken_${i}.yaml`)).toBe(true);
    for (const a of control.annotations) {
      expect(a.start_line).toBeGreaterThan(0);
      expect(a.annotation_level).toMatch(/^(failure|warning|notice)$/);
    }
    const patches = fake.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/check-runs/'));
    expect(patches.length).toBe(control.batches.length - 1);
  });

  it('without checks: write (403) falls back to statuses and escaped workflow-command annotations', async () => {
    fake.git.checksForbidden = true;
    repo.write(
      'registry/tools/odd,name:x.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: odd\neffect: [\n',
    );
    const head = await repo.commit('odd');
    const run = await pull(head, ['--report', 'checks']);
    expect(run.code).toBe(1);
    expect(fake.latestStatuses(head)['agentgate/control-plane']?.state).toBe('failure');
    const command = run.stdout.split('\n').find((l) => l.startsWith('::error file=registry/tools/odd'));
    expect(command).toBeDefined();
    expect(command).toContain('file=registry/tools/odd%2Cname%3Ax.yaml,line=');
    expect(command).not.toMatch(/\r/);
    expect(run.stderr).toMatch(/check runs refused \(HTTP 403/);
  });
});

describe('check --dry-run with the new modes', () => {
  it('says it would write no comment and which check runs it would create, making no request', async () => {
    const head = await readmeCommit();
    fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
    const run = await runCheck(null, repo, pullRequestEvent({ base, head }), {
      args: ['--dry-run', '--report', 'checks'],
      token: null,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('(no comment: the pull request changes neither plane: statuses only)');
    expect(run.stdout).toMatch(
      /POST \/repos\/acme\/agents\/check-runs agentgate\/control-plane: success, 0 annotation/,
    );
    expect(fake.requests).toHaveLength(0);
  });
});

describe('check outputs', () => {
  it('--report-json writes the full report; --sarif writes SARIF 2.1.0', async () => {
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('admin');
    const out = join(repo.dir, '..', `out-${Date.now()}`);
    const run = await pull(head, ['--report-json', join(out, 'r.json'), '--sarif', join(out, 'r.sarif')]);
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8'));
    expect(report.schemaVersion).toBe(1);
    expect(report.planes.control.tools.map((t: { name: string }) => t.name)).toContain(
      'admin_billing_update',
    );
    expect(report.gate.statuses.control.state).toBe('pending');
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
  });
});
