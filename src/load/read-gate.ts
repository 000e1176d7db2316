import { parseCodeowners } from '../parse/codeowners.js';
import type { CodeownersRule } from '../parse/codeowners.js';
import { CODEOWNERS_PATHS, CONFIG_PATHS, MAX_MANIFEST_BYTES } from '../model/gate-files.js';
import { parseConfig } from '../core/plane/config.js';
import type { Config } from '../model/types.js';
import { UsageError } from '../errors.js';
import { readSnapshot } from '../git/snapshot.js';
import type { Snapshot } from '../git/snapshot.js';

/** The gate at one commit: the config that judges and who owns what, CODEOWNERS parsed once. */
export interface LoadedGate {
  config: Config;
  /** CODEOWNERS as found (GitHub's lookup order), or null */
  codeowners: { path: string; text: string } | null;
  /** its rules, null without a CODEOWNERS */
  rules: CodeownersRule[] | null;
  /** lines GitHub would skip, for notes */
  codeownersErrors: string[];
}

/** Reads config and CODEOWNERS at `sha` (null: the working tree); a config that does not parse is a usage error naming file and line. */
export async function readGate(
  cwd: string,
  sha: string | null,
  where = sha === null ? 'the working tree' : sha.slice(0, 12),
): Promise<LoadedGate> {
  const files = await readSnapshot(cwd, sha, {
    prefixes: [...CONFIG_PATHS, ...CODEOWNERS_PATHS],
    extraPaths: [],
    maxBytes: MAX_MANIFEST_BYTES,
  });
  return gateFromSnapshot(files, where);
}

/** The gate out of a snapshot that holds the gate files (read for it, or a side of a diff). */
export function gateFromSnapshot(files: Snapshot, where: string): LoadedGate {
  const refused = files.refused.find((f) => CONFIG_PATHS.includes(f.path));
  if (refused) throw new UsageError(`${refused.path}: config at ${where} is unreadable (${refused.reason})`);
  const file = CONFIG_PATHS.map((path) => files.files.find((f) => f.path === path)).find(Boolean);
  const { config, errors } = parseConfig(file?.text ?? null, file?.path ?? CONFIG_PATHS[0]!);
  const first = errors[0];
  if (first) throw new UsageError(`${first.message} (config at ${where})`);
  const codeowners = findCodeowners(files);
  const parsed = codeowners ? parseCodeowners(codeowners.text, codeowners.path) : null;
  return {
    config,
    codeowners,
    rules: parsed?.rules ?? null,
    codeownersErrors: (parsed?.errors ?? []).map((error) => error.message),
  };
}

function findCodeowners(files: Snapshot): { path: string; text: string } | null {
  for (const path of CODEOWNERS_PATHS) {
    const file = files.files.find((f) => f.path === path);
    if (file) return { path, text: file.text };
  }
  return null;
}
