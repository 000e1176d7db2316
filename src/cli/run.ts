import type { Command } from 'commander';
import { CommanderError } from 'commander';
import { AgentgateError } from '../errors.js';
import { registerCommands } from './commands/index.js';
import { versionText } from '../model/build-info.js';
import { readBuildInfo } from '../load/read-build-info.js';

/**
 * Wires every command and is the single place where errors become exit codes and one-line messages.
 * A stack trace is shown only with --debug.
 */
export async function runCli(argv: string[], program: Command): Promise<void> {
  const debug = argv.includes('--debug');
  program
    .name('agentgate')
    .description('Two release pipelines for an AI agent: prompts (data plane) and tools (control plane).')
    .version(
      versionText(readBuildInfo()),
      '-V, --version',
      'print the version and the commit it was built from',
    )
    .option('--debug', 'show stack traces on errors')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, debug);
  }
}

function reportError(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // commander has already printed its message; --help and --version exit 0
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof AgentgateError) {
    process.stderr.write(`agentgate: ${error.message}\n`);
    if (debug && error.stack) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`agentgate: internal error: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write('agentgate: run again with --debug for a stack trace\n');
  return 2;
}
