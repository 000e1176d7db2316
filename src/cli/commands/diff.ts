import { Option } from 'commander';
import type { Command } from 'commander';
import type { DiffOptions } from '../actions/diff.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('the two-plane diff: data plane (prompts) and control plane (tools, bindings, gates)')
    .option('--base <ref>', 'base ref (default: merge-base with the default branch)')
    .option('--head <ref>', 'head ref (default: the working tree, untracked registry files included)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'markdown', 'sarif'])
        .default('text'),
    )
    .option(
      '--fail-on <condition>',
      'exit 1 when: control (any control-plane change), escalation, or a radius (read|write|irreversible|privileged) reached',
    )
    .option(
      '--all-findings',
      'also list the findings the base already had (they never fail the diff; JSON always lists them, with "new": false)',
    )
    .action(async (options: DiffOptions) => {
      const { runDiff } = await import('../actions/diff.js');
      process.exitCode = await runDiff(options, process.cwd());
    });
}
