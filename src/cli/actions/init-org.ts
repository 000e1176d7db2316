import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseActionRef, pinSelf } from '../../init/action-ref.js';
import type { BuildInfo } from '../../model/build-info.js';
import { readBuildInfo } from '../../load/read-build-info.js';
import { ORG_FLOOR_PATH, ORG_FLOOR_TEMPLATE } from '../../init/templates/org-floor.js';
import {
  MAX_MATRIX_JOBS,
  ORG_INVENTORY_PATH,
  orgInventoryTemplate,
} from '../../init/templates/org-inventory.js';
import { ORG_REQUIRED_PATH, orgRequiredTemplate } from '../../init/templates/org-required.js';
import { UsageError } from '../../errors.js';

export interface InitOrgOptions {
  dir?: string;
  maxJobs?: string;
  actionRef?: string;
  force?: boolean;
}

/**
 * `agentgate init --org --dir DIR`: the central repository of an organisation: the floor, the required workflow
 * an org ruleset runs in every repository, and the inventory controller. Nothing is overwritten without --force.
 */
export function runInitOrg(
  options: InitOrgOptions,
  cwd: string,
  print: (line: string) => void,
  build: BuildInfo = readBuildInfo(),
): number {
  if (options.dir === undefined)
    throw new UsageError('init --org: --dir DIR names the central repository to write');
  const maxJobs = parseMaxJobs(options.maxJobs);
  // the agentgate that writes the central repository pins itself (a release), or is told which one to pin
  const parsed = options.actionRef === undefined ? pinSelf(build) : parseActionRef(options.actionRef);
  if (parsed.kind === 'invalid') throw new UsageError(parsed.reason);
  if (parsed.kind === 'local')
    throw new UsageError(
      'init --org: --action-ref must be OWNER/REPO@<40-hex sha>: every repository runs it',
    );
  const at = parsed.use.uses.lastIndexOf('@');
  const repository = parsed.use.uses.slice(0, at).split('/').slice(0, 2).join('/');
  const files: [string, string][] = [
    [ORG_FLOOR_PATH, ORG_FLOOR_TEMPLATE],
    [ORG_REQUIRED_PATH, orgRequiredTemplate(parsed.use)],
    [
      ORG_INVENTORY_PATH,
      orgInventoryTemplate({
        maxJobs,
        agentgate: { repository, sha: parsed.use.uses.slice(at + 1), comment: parsed.use.comment },
      }),
    ],
  ];
  const root = resolve(cwd, options.dir);
  const existing = files.filter(([path]) => existsSync(join(root, path))).map(([path]) => path);
  if (existing.length > 0 && options.force !== true)
    throw new UsageError(
      `init --org: ${existing.join(', ')} already in ${options.dir}: pass --force to overwrite`,
    );
  for (const [path, text] of files) {
    const target = join(root, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text, 'utf8');
    print(`wrote     ${join(options.dir, path)}`);
  }
  print(`the inventory matrix is bounded at ${maxJobs} jobs; see docs/org.md to roll it out`);
  return 0;
}

function parseMaxJobs(value: string | undefined): number {
  if (value === undefined) return MAX_MATRIX_JOBS;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_MATRIX_JOBS)
    throw new UsageError(
      `--max-jobs: expected a whole number from 1 to ${MAX_MATRIX_JOBS} (Actions runs at most ${MAX_MATRIX_JOBS} jobs per matrix), got ${JSON.stringify(value.slice(0, 20))}`,
    );
  return Number(value);
}
