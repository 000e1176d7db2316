// `agentgate inventory`: one repository's authority at one commit, read from git objects alone (a blobless,
// sparse clone of the source paths is enough: only the blobs of claimed paths are read).
import { defaultBranch, emptyTree } from '../git/default-ref.js';
import { originUrl } from '../git/repo-info.js';
import { verifyRef } from '../git/refs.js';
import { computeDiffAt } from '../load/compute-diff.js';
import { readGate } from '../load/read-gate.js';
import { UsageError } from '../errors.js';
import { buildInventory } from './build-inventory.js';
import type { Inventory } from './types.js';

export interface InventoryOptions {
  cwd: string;
  /** default: origin/HEAD, else HEAD */
  ref?: string;
  /** OWNER/NAME; default: the `origin` remote's */
  repository?: string;
  /** YYYY-MM-DD for waiver expiry (tests) */
  today?: string;
}

export interface InventoryRead {
  inventory: Inventory;
  /** the branch the commit is on, for a code-scanning upload's `ref` (null when unknown) */
  branch: string | null;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export async function readInventory(options: InventoryOptions): Promise<InventoryRead> {
  const { cwd } = options;
  const branch = await defaultBranch(cwd);
  const ref = options.ref ?? branch?.ref ?? 'HEAD';
  const [commit, repository, empty] = await Promise.all([
    verifyRef(cwd, ref),
    options.repository ?? repositoryOfOrigin(cwd),
    emptyTree(cwd),
  ]);
  if (!REPOSITORY.test(repository))
    throw new UsageError(`--repository ${JSON.stringify(repository)}: expected OWNER/NAME`);
  const gate = await readGate(cwd, commit, commit.slice(0, 12));
  const { report, parsed } = await computeDiffAt({
    cwd,
    base: { ref: 'empty tree', sha: empty },
    head: { ref, sha: commit },
    gate,
    today: options.today,
    skipEval: true,
  });
  const inventory = buildInventory({
    repository,
    commit,
    report,
    registry: parsed.head.registry,
    config: gate.config,
  });
  const onBranch = options.ref === undefined ? (branch?.branch ?? null) : branchOfRef(options.ref);
  return { inventory, branch: onBranch };
}

async function repositoryOfOrigin(cwd: string): Promise<string> {
  const url = await originUrl(cwd);
  const name = url === null ? null : ownerName(url);
  if (name === null)
    throw new UsageError(
      `cannot tell OWNER/NAME from the origin remote${url === null ? ' (there is none)' : ` (${url})`}: pass --repository OWNER/NAME`,
    );
  return name;
}

/** `https://github.com/o/n(.git)`, `git@github.com:o/n.git`, `ssh://git@host/o/n.git` -> `o/n`. */
export function ownerName(url: string): string | null {
  const match = /[/:]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}` : null;
}

function branchOfRef(ref: string): string | null {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref.startsWith('origin/')) return ref.slice('origin/'.length);
  if (/^[0-9a-f]{40}$/i.test(ref) || ref === 'HEAD' || ref.includes('~') || ref.includes('^')) return null;
  return ref;
}
