import { createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/**
 * The release signing key: `--sign-key FILE`, else the PEM in AGENTGATE_SIGNING_KEY. Never printed, not even in
 * an error: a message names where the key came from and what is wrong with it, nothing of its bytes.
 */
export async function signingKey(
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<KeyObject | undefined> {
  let pem: string;
  let where: string;
  if (file !== undefined) {
    where = `--sign-key ${file}`;
    pem = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`${where}: cannot read it (${error.code ?? 'error'})`);
    });
  } else {
    // empty is unset: a workflow passes `secrets.X`, which is '' in a repository that keeps no key (a runtime
    // pinning keys then refuses the unsigned bundle, so nothing fails open)
    const value = env.AGENTGATE_SIGNING_KEY;
    if (value === undefined || value.trim() === '') return undefined;
    where = 'AGENTGATE_SIGNING_KEY';
    pem = value;
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new UsageError(`${where}: not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new UsageError(
      `${where}: a ${key.asymmetricKeyType ?? 'unknown'} key; release bundles are signed with Ed25519`,
    );
  return key;
}
