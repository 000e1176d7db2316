import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  ownersFused,
  parseOwnerList,
  readBlockOwners,
  upsertBlock,
} from '../../core/codeowners/codeowners-block.js';
import type { PlaneOwners } from '../../core/codeowners/codeowners-block.js';
import { parseConfig } from '../../core/plane/config.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import type { Config } from '../../model/types.js';
import { topLevel } from '../../git/refs.js';
import { parseActionRef, pinSelf } from '../../init/action-ref.js';
import type { ActionUse } from '../../init/action-ref.js';
import type { BuildInfo } from '../../model/build-info.js';
import { readBuildInfo } from '../../load/read-build-info.js';
import { findDefaultBranch } from '../../git/default-branch.js';
import { CONFIG_PATH, CONFIG_TEMPLATE, configTemplate } from '../../init/templates/config.js';
import { fitSignoffs, signoffsLine } from '../../init/fit-signoffs.js';
import { proposeOwners } from '../../core/codeowners/propose-owners.js';
import { describeOverride } from '../../core/codeowners/codeowners-overrides.js';
import { describePaths, splitFoundPaths } from '../../core/codeowners/repo-planes.js';
import type { FoundPlanes } from '../../core/codeowners/repo-planes.js';
import { literalPrefixes } from '../../core/plane/classify-paths.js';
import type { ProposedOwners } from '../../core/codeowners/propose-owners.js';
import { listSourcePaths } from '../../load/read-sources-at.js';
import {
  PROMPT_EXAMPLE,
  PROMPT_EXAMPLE_PATH,
  TOOL_EXAMPLE,
  TOOL_EXAMPLE_PATH,
} from '../../init/templates/examples.js';
import { RELEASE_WORKFLOW_PATH, releaseWorkflowTemplate } from '../../init/templates/release-workflow.js';
import { WORKFLOW_PATH, workflowTemplate } from '../../init/templates/workflow.js';
import { UsageError } from '../../errors.js';
import {
  readRegularFile,
  readWorkingCodeowners,
  readWorkingConfig,
  writeRepoFile,
} from './codeowners-files.js';

export interface InitOptions {
  promptOwner?: string;
  toolOwner?: string;
  force?: boolean;
  actionRef?: string;
}

export interface InitIo {
  /** true when a person can answer questions (stdin and stderr are terminals) */
  interactive: boolean;
  ask(question: string): Promise<string>;
  print(line: string): void;
}

type Outcome = 'created' | 'updated' | 'unchanged' | 'kept' | 'skipped';
interface Step {
  path: string;
  outcome: Outcome;
  note?: string;
}

/**
 * `agentgate init`: writes what is missing and nothing else. A file that exists is left alone unless --force;
 * a second run changes nothing and says so.
 */
export async function runInit(
  options: InitOptions,
  cwd: string,
  io: InitIo = terminalIo(),
  build: BuildInfo = readBuildInfo(),
): Promise<number> {
  const root = await topLevel(cwd);
  const force = options.force === true;
  const existingConfig = readWorkingConfig(root);
  const writeConfig = existingConfig.path === null || (force && existingConfig.path === CONFIG_PATH);
  const config: Config = writeConfig
    ? parseConfig(CONFIG_TEMPLATE, CONFIG_PATH).config
    : existingConfig.config;

  // every question is asked and every refusal made before the first file is written
  // the Action is named only when a workflow is written: a second run that keeps both needs no pin
  const writesWorkflow =
    force || [WORKFLOW_PATH, RELEASE_WORKFLOW_PATH].some((p) => !existsSync(join(root, p)));
  const action = writesWorkflow ? chooseAction(options.actionRef, root, build) : null;
  const defaultBranch = await findDefaultBranch(root);
  const releaseBranch = defaultBranch.kind === 'found' ? defaultBranch.branch : 'main';
  const codeowners = readWorkingCodeowners(root);
  const sourceOf = createRepoSourceLookup(config);
  const sourcePaths = await listSourcePaths(root, null, sourceOf);
  const found = splitFoundPaths(sourcePaths, sourceOf, {
    data: existingFolders(root, config.planes.data.paths),
    control: existingFolders(root, config.planes.control.paths),
  });
  const existingBlock = codeowners ? readBlockOwners(codeowners.text, config) : null;
  // owners CODEOWNERS already names are proposed instead of demanded (a block of ours, or flags, come first)
  const proposed = proposeOwners(codeowners, config, sourcePaths);
  const owners = await chooseOwners(options, existingBlock, proposed, io, found);
  if (ownersFused(owners) && !force) {
    throw new UsageError(
      `${owners.tool.join(' ')} would own both planes (fused ownership: one approval ships prompts and authority alike): pass distinct owners, or --force`,
    );
  }
  const path = codeowners?.path ?? '.github/CODEOWNERS';
  const block = upsertBlock(codeowners?.text ?? null, {
    config,
    owners,
    codeownersPath: path,
    sourcePaths,
  });
  const fit = fitSignoffs(config.planes.control.signoffs, owners.tool);
  const configText = configTemplate({
    ...(fit.kind === 'fitted' && { signoffs: signoffsLine(fit.counts) }),
    sources: sourcePaths,
  });
  if (block.kind === 'unterminated')
    throw new UsageError(
      `${path}:${block.line}: "# agentgate:begin" has no "# agentgate:end" after it: fix the block by hand`,
    );
  // the block goes last and the last matching rule wins: taking paths from an earlier rule is said, never silent
  const writesBlock = block.changed && (existingBlock === null || force);
  if (writesBlock && block.overrides.length > 0) {
    for (const override of block.overrides) io.print(`override  ${path}: ${describeOverride(override)}`);
    if (!force)
      throw new UsageError(
        `${path}: agentgate's block would override ${block.overrides.length} existing rule(s), listed above; nothing was written: pass --force to write it (the block names each override), or change those rules first`,
      );
  }

  const steps: Step[] = [];
  if (sourcePaths.length > 0)
    io.print(
      `found     ${describeSources(sourcePaths)}  (read with no config: servers, bindings and rules are gated)`,
    );
  if (found.data.length > 0)
    io.print(`text      ${describePaths(found.data)}  (data plane: the data owner's)`);
  if (found.control.length > 0)
    io.print(`authority ${describePaths(found.control)}  (control plane: the control owner's)`);
  if (writeConfig) {
    const step = put(root, CONFIG_PATH, configText, true);
    if (fit.kind === 'fitted' && fit.counts.privileged < CONFIG_DEFAULT_PRIVILEGED)
      step.note = `sign-offs fitted to ${fit.signers} signer(s): ${signoffsLine(fit.counts)}`;
    steps.push(step);
  } else steps.push({ path: existingConfig.path ?? CONFIG_PATH, outcome: 'kept' });
  if (sourcePaths.length > 0) {
    // a repository whose agents live in client files needs no example manifest to start
    steps.push({ path: 'registry/', outcome: 'skipped', note: 'client sources found: no example needed' });
  } else {
    steps.push(example(root, 'registry/tools', TOOL_EXAMPLE_PATH, TOOL_EXAMPLE));
    steps.push(example(root, 'registry/prompts', PROMPT_EXAMPLE_PATH, PROMPT_EXAMPLE));
  }
  if (!block.changed) steps.push({ path, outcome: 'unchanged' });
  else if (existingBlock !== null && !force)
    steps.push({
      path,
      outcome: 'kept',
      note: "agentgate's block differs; agentgate codeowners --write or --force replaces it",
    });
  else {
    writeRepoFile(root, path, block.text);
    steps.push({
      path,
      outcome: codeowners ? 'updated' : 'created',
      note: `text (prompts, agent, skill and command files, gh-aw workflows, instructions) -> ${owners.prompt.join(' ')}; authority (tools, client configs and settings, hooks, locks, gate files) -> ${owners.tool.join(' ')}${overrideNote(block.text)}`,
    });
  }
  if (action === null) {
    steps.push({ path: WORKFLOW_PATH, outcome: 'kept' });
    steps.push({ path: RELEASE_WORKFLOW_PATH, outcome: 'kept' });
  } else {
    steps.push(put(root, WORKFLOW_PATH, workflowTemplate(action), force));
    const release = put(root, RELEASE_WORKFLOW_PATH, releaseWorkflowTemplate(action, releaseBranch), force);
    if (release.outcome === 'created' || release.outcome === 'updated')
      release.note =
        defaultBranch.kind === 'found'
          ? `releases on pushes to ${releaseBranch}, the default branch by ${defaultBranch.from}`
          : `releases on pushes to ${releaseBranch}: no origin/HEAD and no branch checked out, edit it if your default branch differs`;
    steps.push(release);
  }

  for (const step of steps) {
    const note = step.note ?? (step.outcome === 'kept' ? 'exists; --force overwrites it' : '');
    io.print(`${step.outcome.padEnd(9)} ${step.path}${note ? `  (${note})` : ''}`);
  }
  const changed = steps.some((step) => step.outcome === 'created' || step.outcome === 'updated');
  io.print(
    changed
      ? 'next: commit these files, then run agentgate validate and agentgate codeowners --check'
      : 'nothing changed: agentgate is already set up here',
  );
  return 0;
}

/** Writes `text` when the file is absent (or differs, with overwrite). */
function put(root: string, path: string, text: string, overwrite: boolean): Step {
  const current = readRegularFile(root, path);
  if (current === text) return { path, outcome: 'unchanged' };
  if (current !== null && !overwrite) return { path, outcome: 'kept' };
  writeRepoFile(root, path, text);
  return { path, outcome: current === null ? 'created' : 'updated' };
}

/** The example goes only into an empty (or missing) folder: a registry that has files needs none. */
function example(root: string, folder: string, path: string, text: string): Step {
  let entries: string[] = [];
  try {
    entries = readdirSync(join(root, folder));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const name = path.slice(folder.length + 1);
  if (entries.some((entry) => entry !== name))
    return { path: `${folder}/`, outcome: 'skipped', note: 'already has files' };
  return put(root, path, text, false);
}

/**
 * The agentgate the workflow runs: this build's own commit when it is a release, else a full commit sha or an
 * action this repository holds (./PATH/action.yml) given with --action-ref.
 */
function chooseAction(value: string | undefined, root: string, build: BuildInfo): ActionUse {
  const parsed = value === undefined ? pinSelf(build) : parseActionRef(value);
  if (parsed.kind === 'invalid') throw new UsageError(parsed.reason);
  if (
    parsed.kind === 'local' &&
    !['action.yml', 'action.yaml'].some((f) => existsSync(join(root, parsed.path, f)))
  )
    throw new UsageError(`--action-ref: ${parsed.use.uses} holds no action.yml in this repository`);
  return parsed.use;
}

async function chooseOwners(
  options: InitOptions,
  existing: PlaneOwners | null,
  proposed: ProposedOwners,
  io: InitIo,
  found: FoundPlanes,
): Promise<PlaneOwners> {
  const read = (value: string, flag: string): string[] => {
    const { owners, invalid } = parseOwnerList(value);
    if (invalid.length > 0 || owners.length === 0)
      throw new UsageError(`${flag}: '${invalid[0] ?? value}' is not @user, @org/team or an email address`);
    return owners;
  };
  let prompt =
    options.promptOwner !== undefined ? read(options.promptOwner, '--prompt-owner') : existing?.prompt;
  let tool = options.toolOwner !== undefined ? read(options.toolOwner, '--tool-owner') : existing?.tool;
  if (!io.interactive) {
    prompt ??= proposed.prompt ?? undefined;
    tool ??= proposed.tool ?? undefined;
    if (prompt && tool) {
      if (proposed.promptFrom && prompt === proposed.prompt)
        io.print(`proposed  prompts -> ${prompt.join(' ')}  (from ${proposed.promptFrom})`);
      if (proposed.toolFrom && tool === proposed.tool)
        io.print(`proposed  tools -> ${tool.join(' ')}  (from ${proposed.toolFrom})`);
    }
  }
  const dataWhat = found.data.length > 0 ? describePaths(found.data) : 'the prompts';
  const controlWhat =
    found.control.length > 0
      ? `${describePaths(found.control)}, the gate files`
      : 'the tools and the gate files';
  if ((!prompt || !tool) && !io.interactive) {
    const known = prompt
      ? `CODEOWNERS gives the text to ${prompt.join(' ')} but names no separate owner for the authority: `
      : '';
    throw new UsageError(
      `who owns each plane? the text (data plane: ${dataWhat}) and the authority (control plane: ${controlWhat}): ${known}pass --prompt-owner @org/docs-team and --tool-owner @org/security-team`,
    );
  }
  const ask = async (question: string, flag: string, proposal: string[] | null): Promise<string[]> => {
    const answer = (
      await io.ask(proposal ? `${question} [${proposal.join(' ')}]: ` : `${question}: `)
    ).trim();
    return answer === '' && proposal ? proposal : read(answer, flag);
  };
  prompt ??= await ask(
    `Owner of the text (data plane: ${dataWhat}), e.g. @org/docs-team`,
    '--prompt-owner',
    proposed.prompt,
  );
  tool ??= await ask(
    `Owner of the authority (control plane: ${controlWhat}), e.g. @org/security`,
    '--tool-owner',
    proposed.tool,
  );
  return { prompt, tool };
}

function terminalIo(): InitIo {
  return {
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await rl.question(question);
      } catch {
        // Ctrl+D or Ctrl+C at the question: end its line, so that the error starts on a line of its own
        process.stderr.write('\n');
        throw new UsageError('no answer: pass --prompt-owner and --tool-owner, or answer the questions');
      } finally {
        rl.close();
      }
    },
    print: (line) => process.stdout.write(`${line}\n`),
  };
}

const CONFIG_DEFAULT_PRIVILEGED = 2;

/** `3 client source files: .mcp.json, .claude/agents/a.md, …`. */
function describeSources(paths: readonly string[]): string {
  const shown = paths.slice(0, 3).join(', ');
  return `${paths.length} client source file(s): ${shown}${paths.length > 3 ? `, … (+${paths.length - 3})` : ''}`;
}

/** The configured plane folders that exist in the repository, named as folders (`registry/prompts/`). */
function existingFolders(root: string, globs: readonly string[]): string[] {
  return literalPrefixes(globs)
    .filter((prefix) => prefix !== '' && existsSync(join(root, prefix)))
    .map((prefix) => (prefix.endsWith('/') ? prefix : `${prefix}/`));
}

/** How many earlier CODEOWNERS rules the block overrides, said where the block is reported. */
function overrideNote(text: string): string {
  const count = (text.match(/^# overrides line /gm) ?? []).length;
  return count === 0 ? '' : `; overrides ${count} earlier rule(s), named in the block`;
}
