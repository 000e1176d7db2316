import { Option } from 'commander';
import type { Command } from 'commander';

interface InventoryCommandOptions {
  ref?: string;
  repository?: string;
  format: 'json' | 'sarif';
  out?: string;
  upload?: boolean;
  branch?: string;
}

interface MergeCommandOptions {
  ledger: string;
  format: 'markdown' | 'json';
  out?: string;
}

export function registerInventory(program: Command): void {
  const inventory = program
    .command('inventory')
    .description("one repository's authority at a commit, from git objects only (JSON or SARIF)")
    .option('--ref <ref>', 'the commit to read (default: origin/HEAD, else HEAD)')
    .option('--repository <owner/name>', "the repository's name (default: the origin remote's)")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'sarif']).default('json'))
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--upload', "post the SARIF to the repository's code scanning (AGENTGATE_TOKEN, GITHUB_API_URL)")
    .option('--branch <name>', 'the branch the upload is for (default: the default branch)')
    .addHelpText(
      'after',
      '\nA blobless, sparse clone is enough:\n  git clone --filter=blob:none --no-checkout --depth 1 URL repo\n',
    )
    .action(async (options: InventoryCommandOptions) => {
      const [{ runInventory }, { readOwnPackage }] = await Promise.all([
        import('../../inventory/run-inventory.js'),
        import('../package-info.js'),
      ]);
      await runInventory({
        cwd: process.cwd(),
        env: process.env,
        ...options,
        version: readOwnPackage().version,
        print: (text) => process.stdout.write(text),
        warn: (line) => process.stderr.write(`${line}\n`),
      });
    });

  inventory
    .command('merge')
    .description('fold every repository inventory under DIR into an org report and a hash-chained ledger')
    .argument('<dir>', 'a directory of inventory JSON files (searched at any depth)')
    .requiredOption('--ledger <file>', 'the JSONL ledger: one line per repository whose digest changed')
    .addOption(
      new Option('--format <format>', 'report format').choices(['markdown', 'json']).default('markdown'),
    )
    .option('--out <file>', 'write the report to this file instead of standard output')
    .addHelpText(
      'after',
      '\nWith AGENTGATE_LOG_KEY set, the ledger is keyed (HMAC-SHA256), as `intent verify-log` checks it.',
    )
    .action(async (dir: string, options: MergeCommandOptions) => {
      const [{ mergeInventories }, { renderOrgMarkdown }, { logKeyFromEnvironment }] = await Promise.all([
        import('../../inventory/merge.js'),
        import('../../inventory/render-org.js'),
        import('../actions/intent-log-key.js'),
      ]);
      const report = await mergeInventories({ dir, ledger: options.ledger, key: logKeyFromEnvironment() });
      const text =
        options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderOrgMarkdown(report);
      if (options.out !== undefined) {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(options.out, text, 'utf8');
      } else process.stdout.write(text);
    });
}
