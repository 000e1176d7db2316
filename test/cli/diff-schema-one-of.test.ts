import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// A oneOf branch that overlaps another refuses every value matching both; dropping it lets those values
// through at run time, so the diff must hold it for sign-off, never pass it as a revocation.

const CONFIG = `version: 1
planes:
  data: { paths: ['registry/prompts/**'] }
  control:
    paths: ['registry/tools/**']
    signoffs: { read: 1, write: 1, irreversible: 2, privileged: 2, narrowing: 0 }
`;

const TOOL = 'registry/tools/rotate-key.yaml';
const manifest = (branches: string[]): string => `apiVersion: agentgate/v1
kind: Tool
name: rotate_key
description: Rotates an API key.
effect: write
scopes: [keys:write]
inputSchema:
  type: object
  properties:
    key:
      oneOf:
${branches.map((branch) => `        - ${branch}`).join('\n')}
  required: [key]
  additionalProperties: false
`;

// "ops-root" is a short string that also starts with "ops-": both branches match it, so oneOf refuses it
const SHORT = '{ type: string, maxLength: 8 }';
const OPS = "{ type: string, pattern: '^ops-' }";
const INTENT = JSON.stringify({ tool: 'rotate_key', args: { key: 'ops-root' }, reason: 'rotate' });

let repo: TempRepo;

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('agentgate.yaml', CONFIG);
  repo.write(TOOL, manifest([SHORT, OPS]));
  repo.write('intent.json', INTENT);
  await repo.commit('a tool whose key is short or ops-, never both');
  repo.branch('pr');
  repo.checkout('pr');
});
afterEach(() => repo.cleanup());

function intentDecision(): { code: number; decision: string } {
  const result = runCli(['intent', 'check', 'intent.json', '--registry', '.', '--format', 'json'], {
    cwd: repo.dir,
  });
  return { code: result.code, decision: (JSON.parse(result.stdout) as { decision: string }).decision };
}

describe('agentgate diff on a oneOf branch removal', () => {
  it('holds an overlapping branch removal for sign-off, as the runtime then allows what it denied', async () => {
    repo.checkout('main');
    expect(intentDecision()).toEqual({ code: 1, decision: 'deny' });
    repo.checkout('pr');
    repo.write(TOOL, manifest([SHORT]));
    await repo.commit('drop the ops- branch');

    const result = runCli(['diff', '--format', 'json', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    const control = (JSON.parse(result.stdout) as DiffReport).planes.control;
    expect(control.narrowingOnly).toBe(false);
    expect(control.requiredSignoffs).toBeGreaterThan(0);
    const change = control.tools.find((tool) => tool.name === 'rotate_key')?.changes;
    expect(change).toEqual([expect.objectContaining({ field: 'inputSchema', kind: 'widened' })]);
    // what the sign-off is for: the same call now passes
    expect(intentDecision()).toEqual({ code: 0, decision: 'allow' });
  });

  it('still passes a removal of a provably disjoint branch as narrowing only', async () => {
    repo.write(TOOL, manifest([SHORT, '{ type: integer }']));
    await repo.commit('a key may be a number');
    repo.git('branch', '-f', 'main', 'HEAD');
    repo.write(TOOL, manifest([SHORT]));
    await repo.commit('drop the number branch');

    const result = runCli(['diff', '--format', 'json', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
    const control = (JSON.parse(result.stdout) as DiffReport).planes.control;
    expect(control.narrowingOnly).toBe(true);
    expect(control.requiredSignoffs).toBe(0);
  });
});
