import { Chalk } from 'chalk';
import {
  ownersFused,
  parseOwnerList,
  readBlockOwners,
  upsertBlock,
} from '../../core/codeowners/codeowners-block.js';
import type { PlaneOwners } from '../../core/codeowners/codeowners-block.js';
import { checkCodeowners } from '../../core/codeowners/codeowners-check.js';
import { describeOverride } from '../../core/codeowners/codeowners-overrides.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import type { Config } from '../../model/types.js';
import { topLevel } from '../../git/refs.js';
import { listSourcePaths } from '../../load/read-sources-at.js';
import { renderCodeownersText } from '../../render/codeowners.js';
import { UsageError } from '../../errors.js';
import { readWorkingCodeowners, readWorkingConfig, writeRepoFile } from './codeowners-files.js';

export interface CodeownersOptions {
  check?: boolean;
  write?: boolean;
  promptOwner?: string;
  toolOwner?: string;
  force?: boolean;
  format: 'text' | 'json';
}

const DEFAULT_LOCATION = '.github/CODEOWNERS';
/** A repository of 300 agent files keeps a readable report; the findings name every problem. */

/** `agentgate codeowners`: report (exit 0), `--check` (exit 1 on errors), `--write` (fix the block, then check). */
export async function runCodeowners(options: CodeownersOptions, cwd: string): Promise<number> {
  if (
    !options.write &&
    (options.promptOwner !== undefined || options.toolOwner !== undefined || options.force)
  ) {
    throw new UsageError('--prompt-owner, --tool-owner and --force go with --write');
  }
  const root = await topLevel(cwd);
  const { config } = readWorkingConfig(root);
  let codeowners = readWorkingCodeowners(root);
  let written: { path: string; changed: boolean; overrides: string[] } | null = null;
  // the files probed are the ones `diff` governs as sources under this config's `sources:`
  const sourceOf = createRepoSourceLookup(config);
  const sourcePaths = await listSourcePaths(root, null, sourceOf);
  if (options.write) {
    const owners = chooseOwners(options, codeowners, config);
    const path = codeowners?.path ?? DEFAULT_LOCATION;
    const result = upsertBlock(codeowners?.text ?? null, {
      config,
      owners,
      codeownersPath: path,
      sourcePaths,
    });
    if (result.kind === 'unterminated') {
      throw new UsageError(
        `${path}:${result.line}: "# agentgate:begin" has no "# agentgate:end" after it: fix the block by hand`,
      );
    }
    if (result.changed) writeRepoFile(root, path, result.text);
    // the block names each earlier rule it takes paths from; the run says so too, never silently
    written = { path, changed: result.changed, overrides: result.overrides.map(describeOverride) };
    codeowners = { path, text: result.text };
  }
  const report = checkCodeowners({ codeowners, config, sourcePaths, sourceOf });
  const failed = report.findings.some((finding) => finding.severity === 'error');
  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ ...report, ...(written ? { written } : {}) }, null, 2)}\n`);
  } else {
    const c = new Chalk({ level: process.env.NO_COLOR ? 0 : new Chalk().level });
    if (written) {
      process.stdout.write(
        written.changed
          ? `wrote agentgate's block at the end of ${written.path}\n`
          : `${written.path}: agentgate's block is up to date, nothing changed\n`,
      );
      for (const line of written.overrides) process.stdout.write(`  ${line}\n`);
    }
    process.stdout.write(renderCodeownersText(report, c));
  }
  return failed && (options.check || options.write) ? 1 : 0;
}

/** Owners for the block: the flags, else the block already there, else the config, else the owners CODEOWNERS gives now. */
function chooseOwners(
  options: CodeownersOptions,
  codeowners: { path: string; text: string } | null,
  config: Config,
): PlaneOwners {
  const fromFlag = (value: string | undefined, flag: string): string[] | null => {
    if (value === undefined) return null;
    const { owners, invalid } = parseOwnerList(value);
    if (invalid.length > 0 || owners.length === 0)
      throw new UsageError(`${flag}: '${invalid[0] ?? value}' is not @user, @org/team or an email address`);
    return owners;
  };
  const existing = codeowners ? readBlockOwners(codeowners.text, config) : null;
  const current = checkCodeowners({ codeowners, config }).planes;
  const pick = (...candidates: (string[] | null | undefined)[]) =>
    candidates.find((list) => list && list.length > 0) ?? null;
  const prompt = pick(
    fromFlag(options.promptOwner, '--prompt-owner'),
    existing?.prompt,
    config.planes.data.reviewers,
    current.data.owners,
  );
  const tool = pick(
    fromFlag(options.toolOwner, '--tool-owner'),
    existing?.tool,
    config.planes.control.signers,
    config.planes.control.reviewers,
    current.control.owners,
  );
  if (!prompt || !tool) {
    throw new UsageError(
      `cannot tell who owns the ${!prompt ? 'prompts' : 'tools'}: pass --prompt-owner @org/team and --tool-owner @org/team`,
    );
  }
  const owners = { prompt, tool };
  if (ownersFused(owners) && !options.force) {
    throw new UsageError(
      `${tool.join(' ')} would own both planes (fused ownership): pass distinct --prompt-owner and --tool-owner, or --force`,
    );
  }
  return owners;
}
