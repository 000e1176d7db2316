// The org merge at scale, in process: 200 repositories' inventories, one ledger line each, none on a second merge
// with nothing changed, and an edited line that verify-log (the same chain check) refuses.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeInventories } from '../../src/inventory/merge.js';
import { renderOrgMarkdown } from '../../src/inventory/render-org.js';
import type { Inventory } from '../../src/inventory/types.js';
import { verifyDecisionLog } from '../../src/runtime/decision-log.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-merge-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function inventory(i: number, grow = false): Inventory {
  const privileged = grow ? 2 : i % 3 === 0 ? 1 : 0;
  return {
    repository: `acme/repo-${String(i).padStart(3, '0')}`,
    commit: (grow ? 'b' : 'a').repeat(40),
    digest: `sha256:${String(i).padStart(4, '0')}${grow ? 'grown' : ''}`,
    maxRadius: privileged > 0 ? 'privileged' : 'irreversible',
    counts: { none: 0, read: 2, write: 1, irreversible: 1, privileged },
    tools: [{ name: 'issue_refund', file: 'registry/tools/r.yaml', radius: 'irreversible' }],
    servers: [],
    agents: [],
    rules: [],
    paths:
      i % 10 === 0
        ? [
            {
              agent: 'support',
              kind: 'untrusted-to-action',
              sources: ['read_ticket'],
              sinks: ['issue_refund'],
            },
          ]
        : [],
    findings: [],
    signals: {
      shells: i % 3 === 0 ? ['claude:agents/helper'] : [],
      webFetchers: i % 4 === 0 ? ['claude:agents/helper'] : [],
      unpinnedServers: i % 5 === 0 ? ['web'] : [],
    },
  };
}

function writeAll(root: string, list: Inventory[]): void {
  for (const inv of list) {
    // as downloaded artifacts lie: one folder per repository
    const folder = join(root, inv.repository.replace('/', '__'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'inventory.json'), JSON.stringify(inv));
  }
}

const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n');

describe('inventory merge', () => {
  it('200 repositories: 200 ledger lines, then none when nothing changed, then one per grown repository', async () => {
    const inventories = join(dir, 'inv');
    const ledger = join(dir, 'ledger.jsonl');
    writeAll(
      inventories,
      Array.from({ length: 200 }, (_, i) => inventory(i)),
    );
    const first = await mergeInventories({ dir: inventories, ledger, key: undefined });
    expect(first.repositories).toBe(200);
    expect(first.ledger.appended).toBe(200);
    expect(lines(ledger)).toHaveLength(200);
    expect(first.new).toHaveLength(200);
    expect(first.shells).toHaveLength(67);
    expect(first.webFetchers).toHaveLength(50);
    expect(first.unpinnedServers).toHaveLength(40);
    expect(first.dangerousPaths).toHaveLength(20);
    expect(first.counts.privileged).toBe(67);
    expect(first.byMaxRadius).toMatchObject({ privileged: 67, irreversible: 133 });
    const line = JSON.parse(lines(ledger)[0]!) as Record<string, unknown>;
    expect(Object.keys(line).sort()).toEqual(
      ['seq', 'time', 'repository', 'commit', 'digest', 'maxRadius', 'counts', 'prev', 'hash'].sort(),
    );
    expect(await verifyDecisionLog(ledger)).toMatchObject({ kind: 'intact', entries: 200 });

    const second = await mergeInventories({ dir: inventories, ledger, key: undefined });
    expect(second.ledger.appended).toBe(0);
    expect(second.grew).toEqual([]);
    expect(lines(ledger)).toHaveLength(200);

    writeAll(inventories, [inventory(1, true), inventory(2, true)]);
    const third = await mergeInventories({ dir: inventories, ledger, key: undefined });
    expect(third.ledger.appended).toBe(2);
    expect(third.grew.map((g) => g.repository)).toEqual(['acme/repo-001', 'acme/repo-002']);
    expect(third.grew[0]).toMatchObject({
      before: { maxRadius: 'irreversible' },
      after: { maxRadius: 'privileged' },
    });
    expect(await verifyDecisionLog(ledger)).toMatchObject({ kind: 'intact', entries: 202 });
    const markdown = renderOrgMarkdown(third);
    expect(markdown).toContain('Authority grew since the last ledger line (2)');
    expect(markdown).toContain('`acme/repo-001`');
  });

  it('an edited ledger line fails verification, names its line, and a merge refuses to append to it', async () => {
    const inventories = join(dir, 'inv');
    const ledger = join(dir, 'ledger.jsonl');
    writeAll(
      inventories,
      Array.from({ length: 5 }, (_, i) => inventory(i)),
    );
    await mergeInventories({ dir: inventories, ledger, key: undefined });
    const all = lines(ledger);
    all[2] = all[2]!.replace('"privileged":0', '"privileged":9');
    writeFileSync(ledger, `${all.join('\n')}\n`);
    const verified = await verifyDecisionLog(ledger);
    expect(verified).toMatchObject({ kind: 'tampered', line: 3 });
    const cli = runCli(['intent', 'verify-log', ledger], { cwd: dir });
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/line 3/);
    await expect(mergeInventories({ dir: inventories, ledger, key: undefined })).rejects.toThrow(
      /ledger is broken/,
    );
  });

  it('a keyed ledger verifies only under its key', async () => {
    const inventories = join(dir, 'inv');
    const ledger = join(dir, 'ledger.jsonl');
    writeAll(
      inventories,
      Array.from({ length: 3 }, (_, i) => inventory(i)),
    );
    await mergeInventories({ dir: inventories, ledger, key: 'k3y' });
    expect(
      runCli(['intent', 'verify-log', ledger], { cwd: dir, env: { AGENTGATE_LOG_KEY: 'k3y' } }).code,
    ).toBe(0);
    expect(
      runCli(['intent', 'verify-log', ledger], { cwd: dir, env: { AGENTGATE_LOG_KEY: 'other' } }).code,
    ).toBe(1);
  });

  it('merge through the CLI writes the JSON report and the ledger', () => {
    const inventories = join(dir, 'inv');
    writeAll(inventories, [inventory(3)]);
    const run = runCli(
      ['inventory', 'merge', inventories, '--ledger', join(dir, 'l.jsonl'), '--format', 'json'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      repositories: 1,
      shells: [{ repository: 'acme/repo-003' }],
    });
    expect(lines(join(dir, 'l.jsonl'))).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['no repository', JSON.stringify({ commit: 'a'.repeat(40) }), /OWNER\/NAME/],
    ['a bad radius', JSON.stringify({ ...inventory(1), maxRadius: 'godmode' }), /maxRadius/],
    ['counts missing a radius', JSON.stringify({ ...inventory(1), counts: { read: 1 } }), /counts/],
    [
      'a hostile repository',
      JSON.stringify({ ...inventory(1), repository: '../../etc/passwd' }),
      /OWNER\/NAME/,
    ],
  ])('refuses an inventory with %s, naming the file, and appends nothing', async (_what, text, message) => {
    const inventories = join(dir, 'inv');
    mkdirSync(inventories, { recursive: true });
    writeFileSync(join(inventories, 'bad.json'), text);
    const ledger = join(dir, 'ledger.jsonl');
    await expect(mergeInventories({ dir: inventories, ledger, key: undefined })).rejects.toThrow(message);
    await expect(mergeInventories({ dir: inventories, ledger, key: undefined })).rejects.toThrow(/bad\.json/);
  });

  it('refuses one repository twice', async () => {
    const inventories = join(dir, 'inv');
    mkdirSync(join(inventories, 'a'), { recursive: true });
    mkdirSync(join(inventories, 'b'), { recursive: true });
    writeFileSync(join(inventories, 'a', 'x.json'), JSON.stringify(inventory(1)));
    writeFileSync(join(inventories, 'b', 'x.json'), JSON.stringify(inventory(1)));
    await expect(
      mergeInventories({ dir: inventories, ledger: join(dir, 'l.jsonl'), key: undefined }),
    ).rejects.toThrow(/one inventory per repository/);
  });
});
