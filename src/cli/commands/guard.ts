import type { Command } from 'commander';
import { withBundleOptions } from './bundle-options.js';
import type { GuardCommandOptions } from '../actions/guard.js';

export function registerGuard(program: Command): void {
  const guard = program
    .command('guard')
    .description(
      'MCP stdio proxy: lists only registry tools and checks every tools/call against the registry',
    )
    .argument('[command...]', 'the MCP server to run, after -- (or --url for a remote one)')
    .option('--registry <dir>', 'the repository holding registry/tools', '.');
  withBundleOptions(guard)
    .option('--log <file>', 'append every decision to this hash-chained JSONL log')
    .option('--server <name>', 'registry name of the server: MCP tool T is checked as <name>.T')
    .option('--agent <id>', 'list and allow only the tools this agent (prompt id) binds')
    .option(
      '--env <name[=value]>',
      'pass this variable to the server (repeatable); credentials the manifest declares are passed too',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--url <url>', 'guard a remote server instead: streamable HTTP, falling back to SSE')
    .option(
      '--header <name=env:VAR>',
      'with --url: a header, its value read from the environment variable VAR (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .addHelpText(
      'after',
      '\nThe server gets a minimal environment (PATH, HOME, USER, SHELL, TERM, LOGNAME) plus the variables named by\n' +
        "--env and by the manifest's credentials: secrets stay with the guard and the server, never with the agent.\n" +
        'A call may carry its change request as _meta["agentgate/changeRequest"] (or _meta.changeRequest).',
    )
    .action(async (command: string[], options: GuardCommandOptions) => {
      const { runGuardCommand } = await import('../actions/guard.js');
      process.exitCode = await runGuardCommand(command, options);
    });
}
