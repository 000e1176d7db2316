import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLogView, findLastChanges } from '../../../src/core/history/log-entries.js';
import { parseConfig } from '../../../src/core/plane/config.js';
import { listRawCommits } from '../../../src/git/log-raw.js';
import { gitSpawnCount } from '../../../src/git/run-git.js';
import type { HistoryEntry } from '../../../src/core/history/commit-diff.js';
import { readGateState, walkHistory } from '../../../src/load/history.js';
import { createTempRepo } from '../../helpers/temp-repo.js';
import { createHistoryRepo, tool } from './history-fixture.js';
import type { HistoryRepo } from './history-fixture.js';

let fixture: HistoryRepo;
let history: HistoryEntry[];
const config = parseConfig(null, 'agentgate.yaml').config;
const entryAt = (sha: string) => history.find((entry) => entry.commit.sha === sha) as HistoryEntry;

beforeAll(async () => {
  fixture = await createHistoryRepo();
  history = await walkHistory(fixture.repo.dir, fixture.shas.remove, config);
});
afterAll(() => fixture.repo.cleanup());

describe('walkHistory', () => {
  it('lists the first-parent commits that touched the registry or a gate file, newest first', () => {
    const { shas } = fixture;
    expect(history.map((entry) => entry.commit.sha)).toEqual([
      shas.remove,
      shas.config,
      shas.move,
      shas.merge,
      shas.widen,
      shas.refund,
      shas.base,
    ]);
    expect(history.map((entry) => entry.commit.sha)).not.toContain(shas.prompt);
  });

  it('reads a merge against its first parent: the branch binding arrives with the merge commit', () => {
    const merge = entryAt(fixture.shas.merge);
    expect(merge.bindings).toEqual([{ agent: 'support/system', added: ['issue_refund'], removed: [] }]);
    expect(merge.prompts).toMatchObject([
      { id: 'support/system', change: 'modified', versionBefore: '1', versionAfter: '2' },
    ]);
    expect(merge.tools).toEqual([]);
  });

  it('sees a moved manifest as no capability change, and a widened scope as widened', () => {
    expect(entryAt(fixture.shas.move).tools).toEqual([]);
    expect(
      entryAt(fixture.shas.move)
        .files.control.map((f) => f.status)
        .sort(),
    ).toEqual(['added', 'deleted']);
    const widen = entryAt(fixture.shas.widen).tools;
    expect(widen).toMatchObject([
      {
        name: 'read_ticket',
        change: 'modified',
        changes: [{ field: 'scopes', kind: 'widened', added: ['tickets:*'] }],
      },
    ]);
  });

  it('reports gate files as control-plane changes without reading them as manifests', () => {
    const entry = entryAt(fixture.shas.config);
    expect(entry.gateFiles).toEqual([{ path: 'agentgate.yaml', status: 'modified' }]);
    expect(entry.tools).toEqual([]);
  });

  it('runs one git log and one cat-file, whatever the length of the history', async () => {
    const before = gitSpawnCount();
    await walkHistory(fixture.repo.dir, fixture.shas.remove, config);
    expect(gitSpawnCount() - before).toBe(2);
  });

  it('stops at --since', async () => {
    const recent = await walkHistory(fixture.repo.dir, fixture.shas.remove, config, {
      since: '2024-01-01T00:00:05Z',
    });
    expect(recent.map((entry) => entry.commit.subject)).toEqual(['remove issue_refund', 'tighten maxRadius']);
  });
});

describe('findLastChanges', () => {
  it('finds the newest commit that added, modified or renamed each tool, and forgets removed tools', () => {
    const last = findLastChanges(history);
    expect(last.get('read_ticket')).toMatchObject({
      sha: fixture.shas.widen,
      change: 'modified',
      subject: 'widen read_ticket',
    });
    expect(last.has('issue_refund')).toBe(false);
  });
});

describe('buildLogView', () => {
  it('writes one line per tool, binding and gate file for the control plane', () => {
    const view = buildLogView(history, { plane: 'control', ref: { ref: 'HEAD', sha: fixture.shas.remove } });
    const lines = Object.fromEntries(view.entries.map((entry) => [entry.subject, entry.lines]));
    expect(lines['add issue_refund']).toEqual(['added issue_refund irreversible: scopes billing:refund']);
    expect(lines['widen read_ticket']).toEqual([
      'read_ticket scopes widened +tickets:*; radius read -> privileged (escalation)',
    ]);
    expect(lines['Merge feature']).toEqual(['support/system binds +issue_refund']);
    expect(lines['move issue_refund']).toEqual([
      'registry/tools/billing/issue-refund.yaml added (no capability change)',
      'registry/tools/issue-refund.yaml deleted (no capability change)',
    ]);
    expect(lines['tighten maxRadius']).toEqual(['gate file agentgate.yaml modified']);
    expect(lines['remove issue_refund']).toEqual(['removed issue_refund (was irreversible)']);
  });

  it('lists prompt versions for the data plane and honours maxCount after filtering', () => {
    const view = buildLogView(history, { plane: 'data', ref: { ref: 'HEAD', sha: null }, maxCount: 1 });
    expect(view.entries.map((entry) => [entry.subject, entry.lines])).toEqual([
      ['Merge feature', ['support/system version 1 -> 2']],
    ]);
  });
});

describe('listRawCommits', () => {
  it('keeps paths with spaces and newlines intact', async () => {
    const repo = await createTempRepo();
    try {
      const path = 'registry/tools/odd name\nwith newline.yaml';
      repo.write(path, tool('odd_tool', 'read', ['x:read']));
      const sha = await repo.commit('odd');
      const commits = await listRawCommits(repo.dir, sha, ['registry/tools']);
      expect(commits).toHaveLength(1);
      expect(commits[0]?.changes).toMatchObject([{ path, status: 'A', srcOid: '0'.repeat(40) }]);
      const { config: found } = await readGateState(repo.dir, sha);
      expect(found.planes.control.paths).toEqual(['registry/tools/**']);
    } finally {
      repo.cleanup();
    }
  });
});
