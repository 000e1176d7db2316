import { InvalidArgumentError } from 'commander';

/** `--min-version N`: a release version, a whole number from 1. */
export function parseMinVersion(value: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(value)) throw new InvalidArgumentError('a version is a whole number from 1');
  return Number(value);
}
