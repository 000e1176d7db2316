import type { Command } from 'commander';

export interface CheckCommandOptions {
  dryRun?: boolean;
  eventName?: string;
  eventPath?: string;
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'in CI: read the GitHub event, set both plane statuses, request reviewers, upsert the report comment',
    )
    .option(
      '--dry-run',
      'compute everything and print the calls it would make; makes no request and needs no token',
    )
    .option('--event-name <name>', 'the event name (default: GITHUB_EVENT_NAME)')
    .option('--event-path <file>', 'the event payload (default: GITHUB_EVENT_PATH)')
    .action(async (options: CheckCommandOptions) => {
      const { runCheck } = await import('../../gate/check.js');
      const result = await runCheck({
        dryRun: options.dryRun === true,
        cwd: process.cwd(),
        env: process.env,
        eventName: options.eventName,
        eventPath: options.eventPath,
        print: (line) => process.stdout.write(`${line}\n`),
        warn: (line) => process.stderr.write(`${line}\n`),
      });
      process.exitCode = result.exitCode;
    });
}
