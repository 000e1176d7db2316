import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { parsePinnedKey } from '../core/release/bundle-signature.js';
import { parseConfig } from '../core/plane/config.js';
import { CONFIG_PATHS } from '../model/gate-files.js';
import type { ReleasePins } from '../model/types.js';
import { UsageError } from '../errors.js';

export interface LoadedPins {
  /** the config the pins were read from, as given (null: none found) */
  path: string | null;
  keys: KeyObject[];
  signer?: ReleasePins['signer'];
}

/**
 * The release pins a runtime trusts: `release:` of `--config FILE`, else of the `agentgate.yaml` (or `.yml`) in
 * its working directory: the operator's copy of the base config, never a file inside the bundle it checks. A
 * named config that is missing, does not parse, or pins something that is not an Ed25519 key stops the runtime.
 */
export async function loadReleasePins(configOption: string | undefined, cwd: string): Promise<LoadedPins> {
  const candidates =
    configOption !== undefined ? [configOption] : CONFIG_PATHS.map((name) => join(cwd, name));
  for (const path of candidates) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (configOption === undefined && code === 'ENOENT') continue;
      throw new UsageError(`--config ${path}: cannot read it (${code ?? 'error'})`);
    }
    const shown = configOption ?? path;
    const { config, errors } = parseConfig(text, shown);
    const first = errors[0];
    if (first) throw new UsageError(`${shown}:${first.line}: ${first.message}`);
    const pins = config.release;
    const keys = (pins?.publicKeys ?? []).map((pem, index) => {
      const parsed = parsePinnedKey(pem);
      if (!parsed.ok) throw new UsageError(`${shown}: release.publicKeys[${index}] ${parsed.message}`);
      return parsed.key;
    });
    return { path: shown, keys, ...(pins?.signer !== undefined && { signer: pins.signer }) };
  }
  return { path: null, keys: [] };
}
