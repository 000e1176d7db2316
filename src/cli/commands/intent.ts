import { Option } from 'commander';
import type { Command } from 'commander';
import { withBundleOptions } from './bundle-options.js';
import type { IntentCheckOptions } from '../actions/intent-check.js';
import type { IntentReportOptions, IntentVerifyOptions } from '../actions/intent-log.js';

const formatOption = (): Option =>
  new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');

export function registerIntent(program: Command): void {
  const intent = program
    .command('intent')
    .description('runtime gate: check intents against the registry, audit the decision log');

  const check = intent
    .command('check')
    .description('decide one intent (allow | deny | needs-approval); exit 0 on allow, 1 otherwise')
    .argument('<file>', "the intent as JSON, or '-' for stdin")
    .option('--registry <dir>', 'the repository holding registry/tools', '.');
  withBundleOptions(check)
    .addOption(formatOption())
    .option('--log <file>', 'append the decision to this hash-chained JSONL log')
    .option('--agent <id>', 'allow only the tools this agent (prompt id) binds')
    .addHelpText(
      'after',
      '\nAn intent over 1 MiB, or with a key repeated in one object, is refused (exit 2) before it is logged.\n' +
        'With AGENTGATE_LOG_KEY set, the --log chain is keyed (HMAC-SHA256); verify-log needs the same key.',
    )
    .action(async (file: string, options: IntentCheckOptions) => {
      const { runIntentCheck } = await import('../actions/intent-check.js');
      process.exitCode = await runIntentCheck(file, options);
    });

  intent
    .command('verify-log')
    .description(
      'check a hash-chained log (decision log or inventory ledger); exit 0 intact, 1 tampered (naming the first broken line)',
    )
    .argument('<file>', 'the JSONL decision log')
    .option('--head <hash>', 'the head hash recorded earlier: fail unless the log still ends there')
    .addHelpText(
      'after',
      '\nWith AGENTGATE_LOG_KEY set, the chain is checked as HMAC-SHA256 under that key (as it was written).',
    )
    .action(async (file: string, options: IntentVerifyOptions) => {
      const { runIntentVerifyLog } = await import('../actions/intent-log.js');
      process.exitCode = await runIntentVerifyLog(file, options);
    });

  intent
    .command('report')
    .description('summarise a decision log: which tools fired, decisions by tool and by radius')
    .argument('<file>', 'the JSONL decision log')
    .option('--since <iso>', 'only entries at or after this time')
    .option('--until <iso>', 'only entries before this time')
    .addOption(formatOption())
    .action(async (file: string, options: IntentReportOptions) => {
      const { runIntentReport } = await import('../actions/intent-log.js');
      process.exitCode = await runIntentReport(file, options);
    });
}
