import { afterEach, describe, expect, it } from 'vitest';
import { computeDiff } from '../../src/load/compute-diff.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
afterEach(() => repo.cleanup());

const TOOLS = 600;

/** A manifest with a nested input schema; `wider` raises a bound and adds a scope. */
function manifest(i: number, wider: boolean): string {
  return [
    'apiVersion: agentgate/v1',
    'kind: Tool',
    `name: stream_tool_${i}`,
    `description: Tool ${i} of the streamed-report test, with "quotes" and a \\\\ backslash.`,
    `effect: ${i % 3 === 0 ? 'read' : 'write'}`,
    `scopes: [svc${i % 7}:read${wider ? `, svc${i % 7}:write` : ''}]`,
    'egress: [api.example.com]',
    'inputSchema:',
    '  type: object',
    '  properties:',
    '    id: { type: string, maxLength: ' + (wider ? 512 : 64) + ' }',
    '    page:',
    '      type: integer',
    '      minimum: 1',
    '',
  ].join('\n');
}

describe('agentgate diff --format json, written in pieces', () => {
  it('prints exactly JSON.stringify(report, null, 2) for hundreds of tools, a third of them changed', async () => {
    repo = await createTempRepo();
    repo.write('agentgate.yaml', 'version: 1\n');
    for (let i = 0; i < TOOLS; i++) repo.write(`registry/tools/t${i}.yaml`, manifest(i, false));
    await repo.commit('base');
    repo.branch('pr');
    repo.checkout('pr');
    for (let i = 0; i < TOOLS; i += 3) repo.write(`registry/tools/t${i}.yaml`, manifest(i, true));
    await repo.commit('wider');

    const result = runCli(['diff', '--base', 'main', '--head', 'pr', '--format', 'json'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    const { report } = await computeDiff({ cwd: repo.dir, base: 'main', head: 'pr' });
    expect(report.planes.control.tools.length).toBe(TOOLS / 3);
    expect(result.stdout.length).toBeGreaterThan(1 << 16); // more than one block of pieces
    expect(result.stdout).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });
});
