import { afterEach, describe, expect, it } from 'vitest';
import { gitSpawnCount } from '../../src/git/run-git.js';
import { computeDiff } from '../../src/load/compute-diff.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const tool = (i: number, effect: string): string =>
  `apiVersion: agentgate/v1\nkind: Tool\nname: tool_${i}\ndescription: Reads record ${i}.\neffect: ${effect}\nscopes: [svc${i}:read]\n`;

describe('computeDiff between two commits', () => {
  it('runs at most one git process when no file was both added and deleted', async () => {
    repo = await createTempRepo();
    repo.write('agentgate.yaml', 'version: 1\n');
    for (let i = 0; i < 50; i++) repo.write(`registry/tools/tool-${i}.yaml`, tool(i, 'read'));
    await repo.commit('base');
    for (const i of [3, 17, 40]) repo.write(`registry/tools/tool-${i}.yaml`, tool(i, 'write'));
    await repo.commit('widen');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const before = gitSpawnCount();
    const { report } = await computeDiff({
      cwd: repo.dir,
      base: 'HEAD~1',
      head: 'HEAD',
      today: '2026-01-01',
    });
    expect(gitSpawnCount() - before).toBe(1);
    expect(report.planes.control.tools.map((change) => change.name)).toEqual([
      'tool_17',
      'tool_3',
      'tool_40',
    ]);
  });
});
