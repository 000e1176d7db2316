import { Option } from 'commander';
import type { Command } from 'commander';
import type { LogOptions } from '../actions/log.js';

export function registerLog(program: Command): void {
  program
    .command('log')
    .description('authority history (capability changes per commit) or, with --plane data, prompt history')
    .addOption(new Option('--plane <plane>', 'which history').choices(['control', 'data']).default('control'))
    .option('--since <date>', 'only commits after this date (YYYY-MM-DD, an ISO time, or "2 weeks ago")')
    .option('--max-count <n>', 'at most this many commits')
    .option('--authority', 'only commits that moved authority (tools, servers, bindings, permission rules)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: LogOptions) => {
      const { runLog } = await import('../actions/log.js');
      process.exitCode = await runLog(options, process.cwd());
    });
}
