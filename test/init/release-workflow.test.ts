import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseActionRef } from '../../src/init/action-ref.js';
import { exactBranchFilter, releaseWorkflowTemplate } from '../../src/init/templates/release-workflow.js';

const SHA = 'a'.repeat(40);
const use = parseActionRef(`acme/agentgate@${SHA}`);

interface Step {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

describe('the release workflow init writes', () => {
  if (use.kind !== 'pinned') throw new Error('test setup');
  const text = releaseWorkflowTemplate(use.use);
  const workflow = parse(text) as {
    on: { push: { branches: string[] } };
    permissions: Record<string, string>;
    jobs: Record<string, { steps: Step[] }>;
  };

  it('releases both planes on every push to the default branch', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(Object.keys(workflow.jobs)).toEqual(['data', 'control']);
  });

  it('requires sign-offs for the control plane only', () => {
    const withOf = (job: string) =>
      workflow.jobs[job]?.steps.find((s) => s.with?.command === 'release')?.with;
    expect(withOf('data')).toMatchObject({ command: 'release', plane: 'data' });
    expect(withOf('data')?.['require-signed']).toBeUndefined();
    expect(withOf('control')).toMatchObject({
      command: 'release',
      plane: 'control',
      'require-signed': 'true',
    });
  });

  it('attests every bundle it cuts and attaches the attestation beside it as <bundle>.sigstore.json', () => {
    expect(workflow.permissions).toMatchObject({ 'id-token': 'write', attestations: 'write' });
    for (const job of ['data', 'control']) {
      const steps = workflow.jobs[job]!.steps;
      const attest = steps.find((s) => s.uses?.startsWith('actions/attest-build-provenance@'));
      expect(attest).toMatchObject({
        id: 'attest',
        if: "steps.release.outputs.released == 'true'",
        with: { 'subject-path': '${{ steps.release.outputs.release-file }}' },
      });
      const publish = steps.at(-1)!;
      expect(steps.indexOf(attest!)).toBeLessThan(steps.indexOf(publish));
      expect(publish.env?.ATTESTATION).toBe('${{ steps.attest.outputs.bundle-path }}');
      expect(publish.run).toContain('cp "$ATTESTATION" "$FILE.sigstore.json"');
      expect(publish.run).toMatch(/gh release create "\$TAG" "\$FILE" "\$FILE\.sigstore\.json"/);
    }
  });

  it('pins every action by full sha and installs no package by name', () => {
    const uses = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((s) => (s.uses ? [s.uses] : [])),
    );
    expect(uses.length).toBeGreaterThan(0);
    for (const ref of uses) expect(ref).toMatch(/@[0-9a-f]{40}$/);
    expect(text).not.toMatch(/\bnpx\b|npm (install|i) /);
  });

  it('triggers on the default branch it is given, its name never read as a pattern', () => {
    const on = (branch: string) =>
      (parse(releaseWorkflowTemplate(use.use, branch)) as { on: { push: { branches: string[] } } }).on.push
        .branches;
    expect(on('develop')).toEqual(['develop']);
    expect(on('release+1')).toEqual(['release\\+1']);
    expect(on('!main')).toEqual(['\\!main']);
    expect(exactBranchFilter('a[b]')).toBe('a\\[b\\]');
    expect(on('x"\n  - run: evil')).toEqual(['x"\n  - run: evil']);
  });
});
