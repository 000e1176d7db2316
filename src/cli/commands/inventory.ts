import { Option } from 'commander';
import type { Command } from 'commander';
import { UsageError } from '../../errors.js';

interface InventoryCommandOptions {
  ref?: string;
  repository?: string;
  format?: 'json' | 'sarif' | 'markdown';
  out?: string;
  upload?: boolean;
  branch?: string;
  ledger?: string;
}

// `inventory merge DIR` is an operand of `inventory`, not a commander subcommand: a subcommand's `--format` would
// be taken by the parent's own `--format` (commander parses the parent's options first).
export function registerInventory(program: Command): void {
  program
    .command('inventory')
    .description(
      "one repository's authority at a commit, from git objects only (JSON or SARIF); `inventory merge DIR --ledger FILE` folds many into an org report and a hash-chained ledger",
    )
    .argument('[merge]', '`merge`: fold the inventories under DIR')
    .argument('[dir]', 'with merge: a directory of inventory JSON files (searched at any depth)')
    .option('--ref <ref>', 'the commit to read (default: origin/HEAD, else HEAD)')
    .option('--repository <owner/name>', "the repository's name (default: the origin remote's)")
    .addOption(
      new Option(
        '--format <format>',
        'json (default) or sarif; with merge: markdown (default) or json',
      ).choices(['json', 'sarif', 'markdown']),
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--upload', "post the SARIF to the repository's code scanning (AGENTGATE_TOKEN, GITHUB_API_URL)")
    .option('--branch <name>', 'the branch the upload is for (default: the default branch)')
    .option('--ledger <file>', 'with merge: the JSONL ledger, one line per repository whose digest changed')
    .addHelpText(
      'after',
      [
        '',
        'A blobless, sparse clone of the repository is enough:',
        '  git clone --filter=blob:none --no-checkout --depth 1 URL repo && cd repo',
        '',
        'With AGENTGATE_LOG_KEY set, the merge ledger is keyed (HMAC-SHA256), as `intent verify-log` checks it.',
        '',
      ].join('\n'),
    )
    .action(async (verb: string | undefined, dir: string | undefined, options: InventoryCommandOptions) => {
      if (verb !== undefined && verb !== 'merge')
        throw new UsageError(`inventory: unknown operand ${JSON.stringify(verb)} (expected merge DIR)`);
      if (verb === 'merge') return runMerge(dir, options);
      if (options.format === 'markdown')
        throw new UsageError('inventory: --format markdown is for inventory merge; use json or sarif');
      if (options.ledger !== undefined)
        throw new UsageError('inventory: --ledger is for inventory merge DIR');
      const [{ runInventory }, { readOwnPackage }] = await Promise.all([
        import('../../inventory/run-inventory.js'),
        import('../package-info.js'),
      ]);
      await runInventory({
        cwd: process.cwd(),
        env: process.env,
        ref: options.ref,
        repository: options.repository,
        format: options.format ?? 'json',
        out: options.out,
        upload: options.upload,
        branch: options.branch,
        version: readOwnPackage().version,
        print: (text) => process.stdout.write(text),
        warn: (line) => process.stderr.write(`${line}\n`),
      });
    });
}

async function runMerge(dir: string | undefined, options: InventoryCommandOptions): Promise<void> {
  if (dir === undefined) throw new UsageError('inventory merge: name the directory of inventories (DIR)');
  if (options.ledger === undefined) throw new UsageError('inventory merge: --ledger FILE is required');
  if (options.format === 'sarif') throw new UsageError('inventory merge: --format is markdown or json');
  for (const flag of ['ref', 'repository', 'upload', 'branch'] as const)
    if (options[flag] !== undefined)
      throw new UsageError(`inventory merge: --${flag} is for inventory itself`);
  const [{ mergeInventories }, { renderOrgMarkdown }, { logKeyFromEnvironment }] = await Promise.all([
    import('../../inventory/merge.js'),
    import('../../inventory/render-org.js'),
    import('../actions/intent-log-key.js'),
  ]);
  const report = await mergeInventories({ dir, ledger: options.ledger, key: logKeyFromEnvironment() });
  const text = options.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderOrgMarkdown(report);
  if (options.out === undefined) process.stdout.write(text);
  else {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(options.out, text, 'utf8');
  }
}
