// The comment suggests `agentgate split` only when the same plan would write a branch: a mixed PR whose only
// data-plane part sits in a file that also grants authority has nothing that can ship alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { splitHint } from '../../src/core/gate/split-hint.js';
import { status } from '../../src/core/gate/statuses.js';
import type { PullRequestRef } from '../../src/core/gate/types.js';
import { gatherGateInputs } from '../../src/gate/check-inputs.js';
import { splitChange } from '../../src/release/split.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const WAITING = {
  data: status('agentgate/data-plane', 'success', 'd'),
  control: status('agentgate/control-plane', 'pending', 'c'),
};

const pr = (baseSha: string, headSha: string): PullRequestRef => ({
  number: 3,
  author: 'dev',
  baseSha,
  headSha,
  baseRef: 'main',
  headRef: 'feature',
  draft: false,
  open: true,
  requestedReviewers: [],
  requestedTeams: [],
});

const agent = (tools: string, body: string) =>
  `---\nname: helper\ndescription: helps\ntools: [${tools}]\n---\n\n${body}\n`;
const TOOL = 'apiVersion: agentgate/v1\nkind: Tool\nname: read_things\neffect: read\n';
const prompt = (text: string) => `---\nid: support/system\nversion: 1\n---\n${text}\n`;
const bumped = (text: string) => `---\nid: support/system\nversion: 2\n---\n${text}\n`;

describe('the split line follows the split plan', () => {
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await createTempRepo();
  });
  afterEach(() => repo.cleanup());

  it('no line when the text edit rides in the file that also gains a tool: split would refuse', async () => {
    repo.write('.github/agents/helper.agent.md', agent("'read'", 'Answer briefly.'));
    const base = await repo.commit('base');
    repo.write(
      '.github/agents/helper.agent.md',
      agent("'read', 'execute'", 'Answer briefly and cite files.'),
    );
    const head = await repo.commit('text and a shell');
    const inputs = await gatherGateInputs(repo.dir, pr(base, head), null);
    expect(inputs.report.planes.data.changed).toBe(true);
    expect(inputs.report.planes.control.changed).toBe(true);
    expect(inputs.split.included).toEqual([]);
    expect(splitHint(inputs.report, WAITING, inputs.split)).toBeNull();
    const split = await splitChange({ cwd: repo.dir, base, head, dryRun: true });
    expect(split.kind).toBe('nothing');
  });

  it('a line when a prompt fix and a new tool sit in separate files: split would write the branch', async () => {
    repo.write('registry/prompts/support/system.md', prompt('Help.'));
    const base = await repo.commit('base');
    repo.write('registry/prompts/support/system.md', bumped('Help kindly.'));
    repo.write('registry/tools/read.yaml', TOOL);
    const head = await repo.commit('prompt and tool');
    const inputs = await gatherGateInputs(repo.dir, pr(base, head), null);
    expect(inputs.split.included).toEqual(['registry/prompts/support/system.md']);
    expect(splitHint(inputs.report, WAITING, inputs.split)).toContain(`agentgate split --base ${base}`);
    const split = await splitChange({ cwd: repo.dir, base, head, dryRun: true });
    expect(split.kind).toBe('split');
  });
});
