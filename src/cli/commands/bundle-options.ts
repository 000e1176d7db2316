import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';

/** `--min-version N`: a release version, a whole number from 1. */
export function parseMinVersion(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new InvalidArgumentError('a version is a whole number from 1');
  return Number(value);
}

/** The flags of a runtime that enforces a released control bundle: `intent check` and `guard` take the same. */
export function withBundleOptions(command: Command): Command {
  return command
    .option('--bundle <file>', 'enforce a released control bundle (agentgate release) instead of --registry')
    .option('--config <file>', 'with --bundle: the config pinning release signers (default ./agentgate.yaml)')
    .option('--signature <file>', 'with --bundle: its detached Ed25519 signature (default <bundle>.sig)')
    .option(
      '--attestation <file>',
      'with --bundle: its GitHub artifact attestation, a Sigstore bundle (default <bundle>.sigstore.json)',
    )
    .option(
      '--trusted-root <file>',
      'with --bundle: the Sigstore trusted root to verify the attestation against (default the public-good root)',
    )
    .option(
      '--min-version <n>',
      'with --bundle: refuse a bundle older than version N (a rollback)',
      parseMinVersion,
    );
}
