import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffPullRequestAt } from '../../src/gate/pr-diff.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN_TOOL = readFileSync(join(ROOT, 'scripts/demo/admin-billing-update.yaml'), 'utf8');
const config = (privileged: number) =>
  `version: 1\nplanes:\n  control:\n    signoffs: { privileged: ${privileged} }\n`;

let repo: TempRepo;
beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('agentgate.yaml', config(1));
  repo.write(
    'registry/tools/read.yaml',
    'apiVersion: agentgate/v1\nkind: Tool\nname: read_things\neffect: read\n',
  );
  await repo.commit('base');
});
afterEach(() => repo.cleanup());

describe('diffPullRequestAt', () => {
  it('diffs from the merge-base but judges by the base branch tip, so a tightened gate applies to old branches', async () => {
    repo.branch('pr');
    repo.checkout('pr');
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    const head = await repo.commit('add admin tool');
    repo.checkout('main');
    repo.write('agentgate.yaml', config(3));
    repo.write(
      'registry/tools/other.yaml',
      'apiVersion: agentgate/v1\nkind: Tool\nname: list_others\neffect: read\n',
    );
    const baseTip = await repo.commit('tighten the gate, add a tool on main');

    const { report, config: used } = await diffPullRequestAt(repo.dir, baseTip, head);
    expect(used.planes.control.signoffs.privileged).toBe(3);
    expect(report.planes.control.requiredSignoffs).toBe(3);
    // what landed on main after the fork is not the PR's (reversed) change
    expect(report.planes.control.tools.map((t) => t.name)).toEqual(['admin_billing_update']);
    expect(report.planes.control.files.map((f) => f.path)).toEqual(['registry/tools/admin.yaml']);
  });
});
