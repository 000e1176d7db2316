import { Option } from 'commander';
import type { Command } from 'commander';

export interface CheckCommandOptions {
  dryRun?: boolean;
  eventName?: string;
  eventPath?: string;
  report?: 'statuses' | 'checks' | 'both';
  comment?: 'always' | 'on-change' | 'on-failure' | 'never';
  appSlug?: string;
  reportJson?: string;
  sarif?: string;
  floor?: string;
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
    .addOption(
      new Option('--report <where>', 'statuses, check runs (findings as annotations), or both')
        .choices(['statuses', 'checks', 'both'])
        .default('statuses'),
    )
    .addOption(
      new Option('--comment <when>', 'when to write the PR comment')
        .choices(['always', 'on-change', 'on-failure', 'never'])
        .default('on-change'),
    )
    .option(
      '--app-slug <slug>',
      "a GitHub App's slug: with an App token the report comment is owned by <slug>[bot]",
    )
    .option('--report-json <file>', 'write the full JSON report (diff, statuses, sign-offs) to this file')
    .option('--sarif <file>', 'write the findings as SARIF 2.1.0 to this file (for upload-sarif)')
    .option(
      '--floor <file>',
      'a floor (agentgate.yaml format) under the base config, on top of its extends: it can only tighten',
    )
    .action(async (options: CheckCommandOptions) => {
      const { runCheck } = await import('../../gate/check.js');
      const result = await runCheck({
        dryRun: options.dryRun === true,
        cwd: process.cwd(),
        env: process.env,
        eventName: options.eventName,
        eventPath: options.eventPath,
        report: options.report,
        comment: options.comment,
        appSlug: options.appSlug,
        reportJson: options.reportJson,
        sarif: options.sarif,
        floor: options.floor,
        print: (line) => process.stdout.write(`${line}\n`),
        warn: (line) => process.stderr.write(`${line}\n`),
      });
      process.exitCode = result.exitCode;
    });
}
