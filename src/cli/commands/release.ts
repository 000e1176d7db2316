import { Option } from 'commander';
import type { Command } from 'commander';
import type { ReleaseCommandOptions } from '../actions/release.js';

export function registerRelease(program: Command): void {
  program
    .command('release')
    .description('cut version N+1 of one plane when it changed since its last release: a bundle and a tag')
    .addOption(
      new Option('--plane <plane>', 'the plane to release')
        .choices(['data', 'control'])
        .makeOptionMandatory(),
    )
    .option('--ref <ref>', 'the commit to release (default: HEAD)')
    .option('--out <dir>', 'where agentgate-<plane>-v<N>.json is written', '.')
    .option(
      '--require-signed',
      'control: refuse unless every capability change in the range was signed off on GitHub',
    )
    .option(
      '--sign-key <file>',
      'sign the bundle with this Ed25519 private key (PEM) into <bundle>.sig; AGENTGATE_SIGNING_KEY may hold it',
    )
    .option('--no-tag', 'write the bundle only, no tag')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: ReleaseCommandOptions) => {
      const { runRelease } = await import('../actions/release.js');
      process.exitCode = await runRelease(options, process.cwd());
    });
}
