import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogView } from '../../src/core/history/log-entries.js';
import { runCli } from '../helpers/run-cli.js';
import { createHistoryRepo } from '../core/history/history-fixture.js';
import type { HistoryRepo } from '../core/history/history-fixture.js';

let fixture: HistoryRepo;
const log = (...args: string[]) => runCli(['log', ...args], { cwd: fixture.repo.dir });
const logJson = (...args: string[]) => {
  const result = log(...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as LogView;
};

beforeAll(async () => {
  fixture = await createHistoryRepo();
});
afterAll(() => fixture.repo.cleanup());

describe('agentgate log', () => {
  it('prints the authority history: who, when, and one line per capability change', () => {
    const result = log();
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const at = (subject: string) => lines.findIndex((line) => line.endsWith(subject));
    expect(lines[at('add issue_refund')]).toMatch(
      /^[0-9a-f]{8} 2024-01-01 Test Author <author@example\.com> {2}add issue_refund$/,
    );
    expect(lines[at('add issue_refund') + 1]).toBe(
      '    added issue_refund irreversible: scopes billing:refund',
    );
    expect(lines[at('widen read_ticket') + 1]).toBe(
      '    read_ticket scopes widened +tickets:*; radius read -> privileged (escalation)',
    );
    expect(lines[at('Merge feature') + 1]).toBe('    support/system binds +issue_refund');
    expect(at('bind issue_refund')).toBe(-1);
  });

  it('gives the same history as JSON, newest first, on the first-parent line', () => {
    const view = logJson();
    expect(view.ref.sha).toBe(fixture.shas.remove);
    expect(view.entries.map((entry) => entry.sha)).toEqual([
      fixture.shas.remove,
      fixture.shas.config,
      fixture.shas.move,
      fixture.shas.merge,
      fixture.shas.widen,
      fixture.shas.refund,
      fixture.shas.base,
    ]);
    expect(view.entries[0]?.tools).toMatchObject([
      { name: 'issue_refund', change: 'removed', radiusBefore: 'irreversible' },
    ]);
  });

  it('shows the prompt history with --plane data', () => {
    const view = logJson('--plane', 'data');
    expect(view.entries.map((entry) => [entry.subject, entry.lines])).toEqual([
      ['Merge feature', ['support/system version 1 -> 2']],
      ['base registry', ['added support/system (version 1)']],
    ]);
  });

  it('limits with --max-count and --since', () => {
    expect(logJson('--max-count', '2').entries.map((e) => e.subject)).toEqual([
      'remove issue_refund',
      'tighten maxRadius',
    ]);
    expect(logJson('--since', '2024-01-01T00:00:04Z').entries.map((e) => e.subject)).toEqual([
      'remove issue_refund',
      'tighten maxRadius',
      'move issue_refund',
    ]);
  });

  it('refuses a date or count it cannot read', () => {
    expect(log('--since', 'yesterday; rm -rf /').code).toBe(2);
    expect(log('--since', '--all').code).toBe(2);
    expect(log('--max-count', '0').code).toBe(2);
  });
});
