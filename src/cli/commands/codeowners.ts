import { Option } from 'commander';
import type { Command } from 'commander';
import type { CodeownersOptions } from '../actions/codeowners.js';

export function registerCodeowners(program: Command): void {
  program
    .command('codeowners')
    .description(
      'check that CODEOWNERS routes the two planes to distinct owners and keeps tools and gates with security',
    )
    .addOption(new Option('--check', 'exit 1 when a finding is an error').conflicts('write'))
    .option(
      '--write',
      "add or fix agentgate's block at the end of CODEOWNERS (nothing else in the file changes)",
    )
    .option(
      '--prompt-owner <owner>',
      'with --write: owner of the data plane (prompts and the text of agent, skill and command files), e.g. @org/docs',
    )
    .option(
      '--tool-owner <owner>',
      'with --write: owner of the control plane (tools, client configs, settings, hooks) and gate files, e.g. @org/security',
    )
    .option('--force', 'with --write: accept the same owner for both planes')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: CodeownersOptions) => {
      const { runCodeowners } = await import('../actions/codeowners.js');
      process.exitCode = await runCodeowners(options, process.cwd());
    });
}
