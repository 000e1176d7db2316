import { Option } from 'commander';
import type { Command } from 'commander';
import type { AuditOptions } from '../actions/audit.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      'tools that reached the default branch without a sign-off on their capability digest (needs a token)',
    )
    .option('--ref <ref>', 'the branch to audit (default: the default branch: origin/HEAD, main or master)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--no-cache', 'ignore .git/agentgate-audit.json and ask GitHub again')
    .action(async (options: AuditOptions) => {
      const { runAudit } = await import('../actions/audit.js');
      process.exitCode = await runAudit(options, process.cwd());
    });
}
