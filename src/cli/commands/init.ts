import type { Command } from 'commander';
import type { InitOptions } from '../actions/init.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'set up agentgate: config, registry folders, a CODEOWNERS block for both planes, the workflow',
    )
    .option('--prompt-owner <owner>', 'owner of the data plane (prompts), e.g. @org/prompt-eng')
    .option(
      '--tool-owner <owner>',
      'owner of the control plane (tools) and the gate files, e.g. @org/security',
    )
    .option(
      '--action-ref <ref>',
      'the agentgate action the workflow runs: OWNER/REPO@<40-hex commit sha>, or ./PATH for one kept in this repository (default: the release this CLI names)',
    )
    .option('--force', 'overwrite files agentgate wrote before, and accept the same owner for both planes')
    .action(async (options: InitOptions) => {
      const { runInit } = await import('../actions/init.js');
      process.exitCode = await runInit(options, process.cwd());
    });
}
