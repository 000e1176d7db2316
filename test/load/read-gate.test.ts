import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGate } from '../../src/load/read-gate.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

describe('readGate', () => {
  it('reads the config and the first CODEOWNERS in GitHub lookup order, rules parsed once', async () => {
    repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    reviewers: ["@acme/security"]\n');
    repo.write('CODEOWNERS', '* @root-owner\n');
    repo.write('.github/CODEOWNERS', '/registry/ @acme/tools\n[bad\n');
    const sha = await repo.commit('gate');
    const gate = await readGate(repo.dir, sha);
    expect(gate.config.planes.control.reviewers).toEqual(['@acme/security']);
    expect(gate.codeowners?.path).toBe('.github/CODEOWNERS');
    expect(gate.rules?.map((rule) => rule.owners)).toEqual([['@acme/tools']]);
    expect(gate.codeownersErrors).toHaveLength(1);
  });

  it('gives the default config and no rules in a repository without gate files', async () => {
    repo.write('README.md', 'hi\n');
    const gate = await readGate(repo.dir, await repo.commit('empty'));
    expect(gate.codeowners).toBeNull();
    expect(gate.rules).toBeNull();
    expect(gate.config.planes.control.paths.length).toBeGreaterThan(0);
  });

  it('refuses a config that does not parse, naming the file and where it was read', async () => {
    repo.write('agentgate.yml', 'version: 1\nplanes: [\n');
    const sha = await repo.commit('broken');
    await expect(readGate(repo.dir, sha, 'the base commit')).rejects.toThrow(
      /agentgate\.yml.*\(config at the base commit\)/,
    );
  });
});
