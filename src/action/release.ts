// The Action's `command: release`: the same use case as `agentgate release`, its result as step outputs for the
// workflow's next step (push the tag, attach the bundle to a GitHub release).
import { resolve } from 'node:path';
import type { ReleasePlane } from '../core/release/bundle.js';
import { UsageError } from '../errors.js';
import { cutRelease } from '../release/release.js';
import { signBundle } from '../core/release/bundle-signature.js';
import { signingKey } from '../release/signing-key.js';
import { verifySignedRange } from '../gate/require-signed.js';

export interface ReleaseActionInputs {
  cwd: string;
  plane: string;
  out: string;
  requireSigned: boolean;
}

export async function runReleaseAction(
  inputs: ReleaseActionInputs,
  setOutputs: (outputs: Record<string, string>) => void,
  print: (line: string) => void,
): Promise<number> {
  if (inputs.plane !== 'data' && inputs.plane !== 'control')
    throw new UsageError(`input plane: expected data or control, got '${inputs.plane.slice(0, 40)}'`);
  const plane: ReleasePlane = inputs.plane;
  if (inputs.requireSigned && plane !== 'control')
    throw new UsageError('input require-signed applies to plane control: data releases need no sign-off');
  // the release workflow passes the key as a secret in AGENTGATE_SIGNING_KEY; without one the bundle is unsigned
  const key = await signingKey(undefined, process.env);
  const result = await cutRelease({
    cwd: inputs.cwd,
    plane,
    out: resolve(inputs.cwd, inputs.out || '.'),
    tag: true,
    verify: inputs.requireSigned ? verifySignedRange(inputs.cwd) : undefined,
    ...(key !== undefined && { sign: (bytes: Buffer) => signBundle(bytes, key) }),
  });
  if (result.kind === 'released') {
    print(`released ${plane} plane v${result.version}: ${result.file} (${result.tag})`);
    setOutputs({
      released: 'true',
      'release-version': String(result.version),
      'release-tag': result.tag ?? '',
      'release-file': result.file,
      'release-signature': result.signature ?? '',
      digest: result.bundle.digest,
    });
    return 0;
  }
  if (result.kind === 'unchanged') {
    print(`${plane} plane unchanged since ${result.version === null ? 'the start' : `v${result.version}`}`);
    setOutputs({
      released: 'false',
      'release-version': String(result.version ?? ''),
      'release-tag': '',
      'release-file': '',
    });
    return 0;
  }
  for (const line of result.unsigned) print(`unsigned: ${line.replace(/[\r\n]/g, ' ')}`);
  setOutputs({
    released: 'false',
    'release-version': String(result.version),
    'release-tag': '',
    'release-file': '',
  });
  return 1;
}
