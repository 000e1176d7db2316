// The `inventory` use case as the CLI (and a workflow step) runs it: read, write, and optionally upload to the
// repository's code scanning.
import { writeFile } from 'node:fs/promises';
import { uploadSarif } from '../github/code-scanning.js';
import { createGitHubClient } from '../github/client.js';
import { readGitHubEnv } from '../github/env.js';
import { UsageError } from '../errors.js';
import { readInventory } from './read-inventory.js';
import { renderInventorySarif } from './sarif.js';
import type { Inventory } from './types.js';

export interface RunInventoryOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  ref?: string;
  repository?: string;
  format: 'json' | 'sarif';
  /** write here instead of standard output */
  out?: string;
  /** post the SARIF to the repository's code scanning */
  upload?: boolean;
  /** the branch the upload is for (default: the default branch) */
  branch?: string;
  version?: string;
  print: (text: string) => void;
  warn: (line: string) => void;
}

export async function runInventory(options: RunInventoryOptions): Promise<Inventory> {
  const { inventory, branch } = await readInventory({
    cwd: options.cwd,
    ref: options.ref,
    repository: options.repository,
  });
  const sarif = renderInventorySarif(inventory, { version: options.version });
  const text = options.format === 'sarif' ? sarif : `${JSON.stringify(inventory, null, 2)}\n`;
  if (options.out !== undefined) await writeFile(options.out, text, 'utf8');
  else options.print(text);
  if (options.upload) {
    const env = readGitHubEnv(options.env);
    if (!env.token) throw new UsageError('--upload needs a token: set AGENTGATE_TOKEN');
    const onBranch = options.branch ?? branch;
    if (!onBranch)
      throw new UsageError('--upload: cannot tell which branch the commit is on: pass --branch NAME');
    const client = createGitHubClient({ token: env.token, baseUrl: env.apiUrl, warn: options.warn });
    const { id } = await uploadSarif(client, inventory.repository, {
      commitSha: inventory.commit,
      ref: `refs/heads/${onBranch}`,
      sarif,
    });
    options.warn(
      `agentgate: uploaded the inventory of ${inventory.repository} to code scanning${id ? ` (${id})` : ''}`,
    );
  }
  return inventory;
}
