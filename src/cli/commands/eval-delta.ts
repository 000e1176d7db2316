import { Option } from 'commander';
import type { Command } from 'commander';
import type { EvalDeltaOptions } from '../actions/eval-delta.js';

export function registerEvalDelta(program: Command): void {
  program
    .command('eval-delta')
    .description(
      "the data plane's behavioural verdict from two eval runs (promptfoo output or agentgate's eval-results format)",
    )
    .option(
      '--base-results <file>',
      'eval results of the base commit (without it: judged on --min-pass-rate alone)',
    )
    .option('--head-results <file>', 'eval results of the head commit (without it: pending)')
    .option('--max-drop <rate>', 'largest allowed pass-rate drop, as a fraction or a percentage (0.02 or 2%)')
    .option('--min-pass-rate <rate>', 'lowest allowed pass rate, as a fraction or a percentage (0.9 or 90%)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'),
    )
    .action(async (options: EvalDeltaOptions) => {
      const { runEvalDelta } = await import('../actions/eval-delta.js');
      process.exitCode = await runEvalDelta(options, process.cwd());
    });
}
