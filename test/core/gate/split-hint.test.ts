import { describe, expect, it } from 'vitest';
import { isSplitCommand, splitHint } from '../../../src/core/gate/split-hint.js';
import { status } from '../../../src/core/gate/statuses.js';
import { REPORT_MARKER } from '../../../src/core/gate/types.js';
import type { StatusState } from '../../../src/core/gate/types.js';
import type { SplitPlan } from '../../../src/core/release/split-plan.js';
import { BASE_SHA, HEAD_SHA, makeReport } from '../../helpers/make-report.js';

/** A plan that ships one prompt and holds one tool back: what `agentgate split` would write a branch for. */
const SPLITS: SplitPlan = {
  included: ['registry/prompts/a.md'],
  heldBack: ['registry/tools/t.yaml'],
  writes: [{ path: 'registry/prompts/a.md', from: 'head' }],
  deletes: [],
  reasons: { 'registry/tools/t.yaml': 'control plane' },
};

const statuses = (data: StatusState, control: StatusState) => ({
  data: status('agentgate/data-plane', data, 'd'),
  control: status('agentgate/control-plane', control, 'c'),
});

describe('the split line', () => {
  it('a mixed PR whose control plane waits gets the exact command', () => {
    const report = makeReport({ data: { changed: true }, control: { changed: true } });
    expect(splitHint(report, statuses('success', 'pending'), SPLITS)).toContain(
      `\`agentgate split --base ${BASE_SHA} --head ${HEAD_SHA}\``,
    );
  });

  it('none for one plane, a control plane that does not wait, or a failing data plane', () => {
    const mixed = makeReport({ data: { changed: true }, control: { changed: true } });
    expect(
      splitHint(makeReport({ data: { changed: true } }), statuses('success', 'pending'), SPLITS),
    ).toBeNull();
    expect(splitHint(mixed, statuses('success', 'success'), SPLITS)).toBeNull();
    expect(splitHint(mixed, statuses('success', 'failure'), SPLITS)).toBeNull();
    expect(splitHint(mixed, statuses('failure', 'pending'), SPLITS)).toBeNull();
  });

  it('none when the split would refuse: nothing can ship alone, or nothing is held back', () => {
    const mixed = makeReport({ data: { changed: true }, control: { changed: true } });
    const waiting = statuses('success', 'pending');
    // a client agent whose text and grants both changed: the whole file stays behind
    const nothingShips = { ...SPLITS, included: [], writes: [], heldBack: ['.github/agents/a.agent.md'] };
    expect(splitHint(mixed, waiting, nothingShips)).toBeNull();
    expect(splitHint(mixed, waiting, { ...SPLITS, heldBack: [] })).toBeNull();
    expect(splitHint(mixed, waiting, SPLITS)).not.toBeNull();
  });
});

describe('/agentgate split', () => {
  it('counts as a line of its own', () => {
    expect(isSplitCommand('/agentgate split')).toBe(true);
    expect(isSplitCommand('ok, ship the prompt\r\n\r\n/agentgate split  \r\n')).toBe(true);
  });

  it('never quoted, in code, in an HTML comment, mid-sentence, with arguments, or in our own report', () => {
    for (const body of [
      '> /agentgate split',
      '```\n/agentgate split\n```',
      '    /agentgate split',
      '<!-- /agentgate split -->',
      'please /agentgate split',
      '`/agentgate split`',
      '/agentgate split now',
      '/agentgate splits',
      '/agentgate\u200bsplit',
      `${REPORT_MARKER}\n/agentgate split`,
      '<details>\n/agentgate split\n</details>',
    ])
      expect(isSplitCommand(body), JSON.stringify(body)).toBe(false);
  });
});
