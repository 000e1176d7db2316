import type { Command } from 'commander';
import type { InitOptions } from '../actions/init.js';
import type { InitOrgOptions } from '../actions/init-org.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'set up agentgate: config, registry folders, a CODEOWNERS block for both planes, the workflow',
    )
    .option(
      '--prompt-owner <owner>',
      'owner of the data plane (prompts and the text of agent, skill and command files), e.g. @org/docs',
    )
    .option(
      '--tool-owner <owner>',
      'owner of the control plane (tools, client configs, settings, hooks) and the gate files, e.g. @org/security',
    )
    .option(
      '--action-ref <ref>',
      'the agentgate action the workflow runs: OWNER/REPO@<40-hex commit sha>, or ./PATH for one kept in this repository (default: the release this CLI names)',
    )
    .option(
      '--force',
      'overwrite files agentgate wrote before, accept the same owner for both planes, and let the CODEOWNERS block override earlier rules',
    )
    .option(
      '--org',
      "write an organisation's central repository instead (with --dir): floor, required workflow, inventory",
    )
    .option('--dir <dir>', 'with --org: where the central repository is')
    .option(
      '--max-jobs <n>',
      'with --org: the most matrix jobs the inventory fans out to (default and ceiling 256)',
    )
    .action(async (options: InitOptions & InitOrgOptions & { org?: boolean }) => {
      if (options.org === true) {
        const { runInitOrg } = await import('../actions/init-org.js');
        process.exitCode = runInitOrg(options, process.cwd(), (line) => process.stdout.write(`${line}\n`));
        return;
      }
      if (options.dir !== undefined || options.maxJobs !== undefined) {
        const { UsageError } = await import('../../errors.js');
        throw new UsageError('init: --dir and --max-jobs go with --org');
      }
      const { runInit } = await import('../actions/init.js');
      process.exitCode = await runInit(options, process.cwd());
    });
}
