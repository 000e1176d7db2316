import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';

export interface SignoffCommandOptions {
  pr?: number;
  yes?: boolean;
}

function parsePrNumber(value: string): number {
  if (!/^[1-9]\d{0,9}$/.test(value)) throw new InvalidArgumentError('expected a pull request number');
  return Number(value);
}

export function registerSignoff(program: Command): void {
  program
    .command('signoff')
    .description(
      "sign off the capability digest of a pull request's head (posts /agentgate signoff sha256:...)",
    )
    .option('--pr <number>', 'the pull request (default: the open PR of the current branch)', parsePrNumber)
    .option('--yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .action(async (options: SignoffCommandOptions) => {
      const { runSignoff } = await import('../actions/signoff.js');
      await runSignoff({
        pr: options.pr,
        yes: options.yes === true,
        cwd: process.cwd(),
        env: process.env,
        stdin: process.stdin,
        print: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
      });
    });
}
