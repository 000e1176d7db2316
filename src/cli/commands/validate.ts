import { Option } from 'commander';
import type { Command } from 'commander';
import type { ValidateOptions } from '../actions/validate.js';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description(
      'validate the registry: schemas, unique and confusable names, hidden Unicode, understated effects',
    )
    .option('--dir <dir>', 'repository (or registry) directory', '.')
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'),
    )
    .action(async (options: ValidateOptions) => {
      const { runValidate } = await import('../actions/validate.js');
      process.exitCode = await runValidate(options);
    });
}
