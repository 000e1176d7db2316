import { Option } from 'commander';
import type { Command } from 'commander';
import type { SplitCommandOptions } from '../actions/split.js';

export function registerSplit(program: Command): void {
  program
    .command('split')
    .description(
      "write a branch off the base holding only the change's data-plane part (prompt texts, few-shots)",
    )
    .option('--base <ref>', 'base ref (default: merge-base with the default branch)')
    .option('--head <ref>', 'head ref (default: HEAD)')
    .option('--branch <name>', 'branch to create (default: agentgate/split/<short head sha>)')
    .option('--force', 'move the branch if it already exists')
    .option('--dry-run', 'print what would ship and what stays behind; write nothing')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: SplitCommandOptions) => {
      const { runSplit } = await import('../actions/split.js');
      process.exitCode = await runSplit(options, process.cwd());
    });
}
