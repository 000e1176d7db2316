import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { proposePr } from '../helpers/propose-pr.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// A gh-aw workflow and its compiled lock, end to end through the built CLI in a repository with no config.

const MD = '.github/workflows/triage.md';
const LOCK = '.github/workflows/triage.lock.yml';
const FRONT = 'on:\n  issues:\n    types: [opened]\npermissions: read-all\nengine: copilot\n';
const workflow = (body: string, front = FRONT) => `---\n${front}---\n\n${body}`;
const lock = (body: string, jobs = 'permissions: read-all\n') =>
  `# gh-aw-metadata: {"schema_version":"v4","frontmatter_hash":"${'1'.repeat(64)}","body_hash":"${createHash('sha256').update(body.trim()).digest('hex')}"}\n# DO NOT EDIT\nname: triage\non:\n  issues:\n    types: [opened]\n${jobs}jobs: {}\n`;

let repo: TempRepo;
const stale = (report: DiffReport) =>
  report.findings.filter((finding) => finding.code === 'gh-aw-lock-stale');

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write(MD, workflow('Label the new issue.\n'));
  repo.write(LOCK, lock('Label the new issue.\n'));
  await repo.commit('base');
});
afterEach(() => repo.cleanup());

describe('gh-aw lock stale', () => {
  it('holds a prompt edit whose lock was not recompiled, on the control plane', async () => {
    const report = await proposePr(repo, { [MD]: workflow('Label the issue and close duplicates.\n') });
    expect(stale(report)).toEqual([
      expect.objectContaining({ severity: 'error', path: LOCK, tool: 'gh-aw:workflows/triage', new: true }),
    ]);
    expect(report.planes.data.files.map((file) => file.path)).toEqual([MD]);
    const result = runCli(['diff', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('gh-aw-lock-stale');
  });

  it('passes the same edit recompiled; the lock is still a gate file', async () => {
    const body = 'Label the issue and close duplicates.\n';
    const report = await proposePr(repo, { [MD]: workflow(body), [LOCK]: lock(body) });
    expect(stale(report)).toEqual([]);
    expect(report.planes.control.files.map((file) => file.path)).toEqual([LOCK]);
    expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
  });

  it('a lock that reads its body at run time, recompiled for a text edit alone, costs no sign-off', async () => {
    const imports = `jobs:\n  agent:\n    env:\n      PROMPT: "{{#runtime-import ${MD}}}"\n`;
    repo.write(LOCK, lock('Label the new issue.\n', `permissions: read-all\n${imports}`));
    await repo.commit('imports');
    const body = 'Label the issue and close duplicates.\n';
    const text = await proposePr(repo, {
      [MD]: workflow(body),
      [LOCK]: lock(body, `permissions: read-all\n${imports}`),
    });
    expect(stale(text)).toEqual([]);
    expect(text.planes.control.changed).toBe(false);
    expect(text.planes.control.requiredSignoffs).toBe(0);
    expect(text.planes.data.files.map((file) => file.path)).toEqual([LOCK, MD]);
  });

  it('the same recompile with one more byte changed in the lock stays a gate-file change', async () => {
    const imports = `jobs:\n  agent:\n    env:\n      PROMPT: "{{#runtime-import ${MD}}}"\n`;
    repo.write(LOCK, lock('Label the new issue.\n', `permissions: read-all\n${imports}`));
    await repo.commit('imports');
    const body = 'Label the issue and close duplicates.\n';
    const report = await proposePr(repo, {
      [MD]: workflow(body),
      [LOCK]: lock(body, `permissions: write-all\n${imports}`),
    });
    expect(report.planes.control.files.map((file) => file.path)).toEqual([LOCK]);
    expect(report.planes.control.requiredSignoffs).toBe(2);
  });

  it('holds a front-matter widening that left the lock alone', async () => {
    const report = await proposePr(repo, {
      [MD]: workflow('Label the new issue.\n', FRONT.replace('read-all', 'write-all')),
    });
    expect(stale(report)).toEqual([expect.objectContaining({ path: LOCK })]);
  });

  it('holds a lock left behind by a deleted workflow', async () => {
    const report = await proposePr(repo, { [MD]: null });
    expect(stale(report)).toEqual([
      expect.objectContaining({ path: LOCK, message: expect.stringContaining('runs without its source') }),
    ]);
  });
});
