import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { judgeSignoffs } from '../../src/gate/judge-signoffs.js';
import { isNotInClone, readPullDiff } from '../../src/gate/pull-diff.js';
import type { ComputeDiffResult } from '../../src/load/compute-diff.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN_TOOL = readFileSync(join(ROOT, 'scripts/demo/admin-billing-update.yaml'), 'utf8');

let repo: TempRepo;
let baseSha: string;
let headSha: string;
beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    signoffs: { privileged: 1 }\n');
  repo.write('.github/CODEOWNERS', '/registry/tools/ @acme/tool-owners\nnot a valid [line\n');
  repo.write(
    'registry/tools/read.yaml',
    'apiVersion: agentgate/v1\nkind: Tool\nname: read_things\neffect: read\n',
  );
  baseSha = await repo.commit('base');
  repo.branch('pr');
  repo.checkout('pr');
  repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
  headSha = await repo.commit('add admin tool');
});
afterEach(() => repo.cleanup());

async function pullDiff(): Promise<ComputeDiffResult> {
  const read = await readPullDiff(repo.dir, baseSha, headSha);
  if (read.kind !== 'ok') throw new Error('expected a diff');
  return read.diff;
}

const review = (user: string, commitId: string) => ({
  id: 1,
  user,
  state: 'APPROVED',
  commitId,
  submittedAt: '2024-01-02T00:00:00Z',
});

describe('readPullDiff', () => {
  it('returns the diff with the gate read once: config and CODEOWNERS rules, skipped lines kept for notes', async () => {
    const diff = await pullDiff();
    expect(diff.report.planes.control.changed).toBe(true);
    expect(diff.gate.rules?.map((rule) => rule.pattern)).toEqual(['/registry/tools/']);
    expect(diff.gate.codeownersErrors).toHaveLength(1);
    expect(diff.gate.config.planes.control.signoffs.privileged).toBe(1);
  });

  it('reports a commit missing from the clone as a result, never as a throw', async () => {
    const read = await readPullDiff(repo.dir, baseSha, 'f'.repeat(40));
    expect(read.kind).toBe('not-in-clone');
    if (read.kind === 'not-in-clone') expect(isNotInClone(read.error)).toBe(true);
  });

  it('isNotInClone is false for anything that is not a git error about a missing commit', () => {
    expect(isNotInClone(new Error('bad-ref'))).toBe(false);
    expect(isNotInClone('missing-commit')).toBe(false);
  });
});

describe('judgeSignoffs', () => {
  const judge = (diff: ComputeDiffResult, reviews: ReturnType<typeof review>[], author = 'dev') =>
    judgeSignoffs({
      diff,
      pull: { author, headSha },
      self: 'github-actions[bot]',
      reviews,
      comments: [],
      pushers: { logins: [author], complete: true, unlinked: [] },
      digestAt: async () => ({ kind: 'unavailable', reason: 'not needed' }),
      membershipOf: async (_org, _slug, user) => (user === 'owner' ? 'active' : 'inactive'),
    });

  it('resolves signers from CODEOWNERS and counts an owner approving the head', async () => {
    const diff = await pullDiff();
    const { signers, signoffs } = await judge(diff, [review('owner', headSha)]);
    expect(signers).toEqual(['@acme/tool-owners']);
    expect(signoffs.required).toBe(1);
    expect(signoffs.satisfied).toBe(true);
    expect(signoffs.counted.map((s) => s.user)).toEqual(['owner']);
  });

  it('never counts the author, nor someone outside the signer team', async () => {
    const diff = await pullDiff();
    const byAuthor = await judge(diff, [review('dev', headSha)]);
    expect(byAuthor.signoffs.satisfied).toBe(false);
    const byOutsider = await judge(diff, [review('stranger', headSha)]);
    expect(byOutsider.signoffs.satisfied).toBe(false);
    expect(byOutsider.signoffs.counted).toEqual([]);
  });
});
