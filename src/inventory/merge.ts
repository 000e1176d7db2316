// `agentgate inventory merge DIR --ledger FILE`: every repository's inventory JSON under DIR (at any depth, as
// downloaded artifacts lie) into one org report, and one ledger line per repository whose digest changed.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { RADII } from '../model/types.js';
import type { LogKey } from '../runtime/log-chain.js';
import { UsageError } from '../errors.js';
import { appendLedger, ledgerLinesFor, readLedger } from './ledger.js';
import { buildOrgReport } from './org-report.js';
import type { OrgReport } from './org-report.js';
import type { Inventory } from './types.js';

export interface MergeOptions {
  dir: string;
  ledger: string;
  key: LogKey;
  now?: Date;
}

export async function mergeInventories(options: MergeOptions): Promise<OrgReport> {
  const inventories = await readInventories(options.dir);
  const ledger = await readLedger(options.ledger, options.key);
  const lines = ledgerLinesFor(ledger, inventories, options.now ?? new Date(), options.key);
  await appendLedger(options.ledger, lines);
  return buildOrgReport(inventories, ledger.latest, {
    file: options.ledger,
    appended: lines.length,
    head: (lines.at(-1) ?? ledger.lines.at(-1))?.hash ?? null,
  });
}

/** Every `*.json` under `dir` that is an inventory, sorted by repository; one repository twice is refused. */
export async function readInventories(dir: string): Promise<Inventory[]> {
  const files = await listJson(dir).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${dir}: cannot read the directory (${error.code ?? error.message})`);
  });
  const byRepository = new Map<string, { inventory: Inventory; file: string }>();
  for (const file of files.sort()) {
    const where = relative(process.cwd(), file) || file;
    let value: unknown;
    try {
      value = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      throw new UsageError(`${where}: not JSON`);
    }
    const problem = inventoryProblem(value);
    if (problem) throw new UsageError(`${where}: not an agentgate inventory (${problem})`);
    const inventory = value as Inventory;
    const twice = byRepository.get(inventory.repository);
    if (twice)
      throw new UsageError(
        `${where}: ${inventory.repository} is also in ${relative(process.cwd(), twice.file) || twice.file}: one inventory per repository`,
      );
    byRepository.set(inventory.repository, { inventory, file });
  }
  return [...byRepository.values()]
    .map((entry) => entry.inventory)
    .sort((a, b) => (a.repository < b.repository ? -1 : a.repository > b.repository ? 1 : 0));
}

async function listJson(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listJson(path)));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(path);
  }
  return out;
}

function inventoryProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const record = value as Record<string, unknown>;
  if (typeof record.repository !== 'string' || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(record.repository))
    return '"repository" is not OWNER/NAME';
  if (typeof record.commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(record.commit))
    return '"commit" is not a sha';
  if (typeof record.digest !== 'string') return '"digest" is not a string';
  if (typeof record.maxRadius !== 'string' || !(RADII as readonly string[]).includes(record.maxRadius))
    return '"maxRadius" is not a radius';
  const counts = record.counts as Record<string, unknown> | null;
  if (counts === null || typeof counts !== 'object' || RADII.some((r) => !Number.isInteger(counts[r])))
    return '"counts" does not count every radius';
  for (const key of ['tools', 'servers', 'agents', 'rules', 'paths', 'findings'])
    if (!Array.isArray(record[key])) return `"${key}" is not a list`;
  const signals = record.signals as Record<string, unknown> | undefined;
  if (signals !== undefined && (typeof signals !== 'object' || signals === null))
    return '"signals" is not an object';
  // an inventory written before signals existed: none known
  if (signals === undefined) record.signals = { shells: [], webFetchers: [], unpinnedServers: [] };
  return undefined;
}
