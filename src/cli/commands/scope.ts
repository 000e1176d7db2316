import { Option } from 'commander';
import type { Command } from 'commander';
import type { ScopeOptions } from '../actions/scope.js';

export function registerScope(program: Command): void {
  program
    .command('scope')
    .description(
      'the whole capability surface at a ref: every tool by radius, its authority, agents, flows and last change',
    )
    .option(
      '--ref <ref>',
      'the commit to describe (committed state; uncommitted edits are what `diff` shows)',
      'HEAD',
    )
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .action(async (options: ScopeOptions) => {
      const { runScope } = await import('../actions/scope.js');
      process.exitCode = await runScope(options, process.cwd());
    });
}
