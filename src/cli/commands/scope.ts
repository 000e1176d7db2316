import { Option } from 'commander';
import type { Command } from 'commander';
import type { ScopeOptions } from '../actions/scope.js';

export function registerScope(program: Command): void {
  program
    .command('scope')
    .description(
      'the whole capability surface: every tool, agent, MCP server and permission rule by radius, with authority, flows and last change',
    )
    .option('--ref <ref>', 'the commit to describe (default: the working tree, uncommitted edits included)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .action(async (options: ScopeOptions) => {
      const { runScope } = await import('../actions/scope.js');
      process.exitCode = await runScope(options, process.cwd());
    });
}
