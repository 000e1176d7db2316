import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes the whole text to a temporary file beside the target and renames it over the target: an interrupted
 * run leaves the old file or the new one, never half of either.
 */
export function writeFileAtomic(path: string, text: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.agentgate.tmp`;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
