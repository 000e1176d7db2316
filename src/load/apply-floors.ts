// Puts the floors under a gate: `extends:` of the base config, then `check --floor FILE`. Each only tightens; a
// floor that cannot be read or parsed throws (the gate fails closed, never judging by the repository alone).
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { applyFloor } from '../core/floor/merge-floor.js';
import { floorOrigin, parseFloor } from '../core/floor/parse-floor.js';
import type { FloorRef } from '../core/floor/types.js';
import type { FloorReport } from '../model/types.js';
import { MAX_MANIFEST_BYTES } from '../model/gate-files.js';
import { readSnapshot } from '../git/snapshot.js';
import { UsageError } from '../errors.js';
import type { LoadedGate } from './read-gate.js';

/** Reads one file of another repository at a full commit sha (the contents API); rejects when it cannot. */
export type FetchFloor = (repository: string, path: string, ref: string) => Promise<string>;

export interface FloorOptions {
  /** `check --floor FILE`: a file on this machine, applied on top of `extends` */
  file?: string;
  /** how a `{ repository, path, ref }` floor is fetched; absent, such a floor fails closed */
  fetch?: FetchFloor;
}

/** Thrown when a floor cannot be read or parsed: the gate must not judge without it. */
export class FloorUnavailable extends UsageError {
  static override readonly code: string = 'AGENTGATE_FLOOR_UNAVAILABLE';
}

/** The gate with every floor applied, and what the report says about them (null: no floor). */
export async function applyFloors(
  cwd: string,
  gateSha: string,
  gate: LoadedGate,
  options: FloorOptions = {},
): Promise<{ gate: LoadedGate; floor: FloorReport | null }> {
  const refs: FloorRef[] = [];
  const own = gate.config.extends;
  if (own) refs.push(refOfExtends(own));
  if (options.file !== undefined) refs.push({ kind: 'file', path: options.file });
  if (refs.length === 0) return { gate, floor: null };
  let config = gate.config;
  const report: FloorReport = { floors: [], rules: [] };
  for (const [index, ref] of refs.entries()) {
    const origin = floorOrigin(ref);
    const text = await readFloor(cwd, gateSha, ref, options.fetch).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new FloorUnavailable(`floor ${origin} cannot be read (${reason}): the gate fails closed`);
    });
    const parsed = parseFloor(text, origin);
    if (parsed.kind === 'invalid') throw new FloorUnavailable(`${parsed.message}: the gate fails closed`);
    const merged = applyFloor(config, parsed.floor, index > 0);
    config = merged.config;
    report.floors.push(origin);
    report.rules.push(...merged.rules);
  }
  return { gate: { ...gate, config }, floor: report };
}

function refOfExtends(own: NonNullable<LoadedGate['config']['extends']>): FloorRef {
  if (own.repository !== undefined && own.ref !== undefined)
    return { kind: 'repository', repository: own.repository, path: own.path, ref: own.ref };
  return { kind: 'path', path: own.path };
}

async function readFloor(
  cwd: string,
  gateSha: string,
  ref: FloorRef,
  fetch: FetchFloor | undefined,
): Promise<string> {
  switch (ref.kind) {
    case 'file':
      return readLocal(ref.path);
    case 'repository':
      if (!fetch) throw new Error('no GitHub token to fetch it with (set AGENTGATE_TOKEN or GITHUB_TOKEN)');
      return fetch(ref.repository, ref.path, ref.ref);
    case 'path':
      return isAbsolute(ref.path) ? readLocal(ref.path) : readAtCommit(cwd, gateSha, ref.path);
  }
}

async function readLocal(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  if (Buffer.byteLength(text) > MAX_MANIFEST_BYTES) throw new Error('larger than a config may be');
  return text;
}

async function readAtCommit(cwd: string, sha: string, path: string): Promise<string> {
  const clean = path.replace(/^\.\//, '');
  if (clean.split('/').some((part) => part === '..' || part === ''))
    throw new Error('a relative floor path must stay inside the repository');
  const snapshot = await readSnapshot(cwd, sha, {
    prefixes: [clean],
    extraPaths: [],
    maxBytes: MAX_MANIFEST_BYTES,
  });
  const refused = snapshot.refused.find((f) => f.path === clean);
  if (refused) throw new Error(`${refused.reason} at ${sha.slice(0, 12)}`);
  const file = snapshot.files.find((f) => f.path === clean);
  if (!file) throw new Error(`no such file at ${sha.slice(0, 12)}`);
  return file.text;
}
