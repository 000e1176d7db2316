import { signBundle } from '../../core/release/bundle-signature.js';
import { signingKey } from '../../release/signing-key.js';
import { cutRelease } from '../../release/release.js';
import { describeRelease, summarizeRelease } from '../../render/release.js';
import { UsageError } from '../../errors.js';

export interface ReleaseCommandOptions {
  plane: 'data' | 'control';
  ref?: string;
  out: string;
  requireSigned?: boolean;
  /** an Ed25519 private key (PEM) to sign the bundle with; AGENTGATE_SIGNING_KEY holds one too */
  signKey?: string;
  tag: boolean;
  format: 'text' | 'json';
}

/** Exit 0: released, or nothing changed; 1: --require-signed found an unsigned capability change. */
export async function runRelease(options: ReleaseCommandOptions, cwd: string): Promise<number> {
  if (options.requireSigned && options.plane !== 'control')
    throw new UsageError('--require-signed applies to --plane control: data releases need no sign-off');
  const key = await signingKey(options.signKey, process.env);
  const verify = options.requireSigned
    ? (await import('../../gate/require-signed.js')).verifySignedRange(cwd)
    : undefined;
  const result = await cutRelease({
    cwd,
    plane: options.plane,
    ref: options.ref,
    out: options.out,
    tag: options.tag,
    verify,
    ...(key !== undefined && { sign: (bytes: Buffer) => signBundle(bytes, key) }),
  });
  if (options.format === 'json')
    process.stdout.write(`${JSON.stringify(summarizeRelease(result), null, 2)}\n`);
  else process.stdout.write(`${describeRelease(result)}\n`);
  return result.kind === 'refused' ? 1 : 0;
}
