import { readFile } from 'node:fs/promises';
import { compareContracts, contractOf } from '../../runtime/mcp-contract.js';
import { readServerManifest } from '../../runtime/mcp-manifest.js';
import { renderDriftText } from '../../render/mcp-drift.js';
import { UsageError } from '../../errors.js';
import { terminalChalk } from './terminal-chalk.js';
import { readLiveServer } from './mcp-live.js';

export interface McpVerifyOptions {
  manifest: string;
  format: 'text' | 'json';
}

/** `agentgate mcp verify --manifest FILE -- CMD…`: 0 when the live contract equals the pinned one, 1 on drift. */
export async function runMcpVerify(command: string[], options: McpVerifyOptions): Promise<number> {
  let text: string;
  try {
    text = await readFile(options.manifest, 'utf8');
  } catch (error) {
    throw new UsageError(
      `${options.manifest}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  const pinned = readServerManifest(text);
  if (pinned.kind === 'error') throw new UsageError(`${options.manifest}:${pinned.line}: ${pinned.message}`);
  const live = await readLiveServer(command);
  const differences = compareContracts(
    pinned.tools,
    live.tools.map((tool) => contractOf(tool)),
  );

  if (options.format === 'json') {
    const out = {
      manifest: options.manifest,
      server: pinned.name,
      drift: differences.length > 0,
      differences,
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    process.stdout.write(
      renderDriftText(options.manifest, pinned.tools.length, differences, terminalChalk()),
    );
  }
  return differences.length === 0 ? 0 : 1;
}
