import { readFile } from 'node:fs/promises';
import { compareContracts, contractOf } from '../../runtime/mcp-contract.js';
import type { ContractTool } from '../../runtime/mcp-contract.js';
import { readServerManifest } from '../../runtime/mcp-manifest.js';
import { readToolsJson } from '../../runtime/mcp-tools-json.js';
import { compareTransports } from '../../runtime/mcp-transport-drift.js';
import { UsageError } from '../../errors.js';
import { renderDriftText } from '../../render/mcp-drift.js';
import type { Drift } from '../../render/mcp-drift.js';
import { terminalChalk } from './terminal-chalk.js';
import { readLiveServer } from './mcp-live.js';
import { resolveTarget } from './mcp-target.js';
import type { McpTargetOptions } from './mcp-target.js';

export interface McpVerifyOptions extends McpTargetOptions {
  manifest: string;
  fromJson?: string;
  format: 'text' | 'json';
}

/**
 * `agentgate mcp verify --manifest FILE (-- CMD… | --from FILE --server NAME | --url URL | --from-json FILE)`:
 * 0 when the server is reached as the manifest pins it and offers the same contract, 1 on any drift.
 */
export async function runMcpVerify(command: string[], options: McpVerifyOptions): Promise<number> {
  const text = await readText(options.manifest);
  const pinned = readServerManifest(text);
  if (pinned.kind === 'error') throw new UsageError(`${options.manifest}:${pinned.line}: ${pinned.message}`);
  if (options.fromJson !== undefined && (command.length > 0 || options.url !== undefined))
    throw new UsageError('--from-json reads a saved tools/list: give no server to start with it');
  const target = resolveTarget(command, options);
  if (!target && options.fromJson === undefined)
    throw new UsageError(
      'give the server to compare: -- CMD…, --from FILE --server NAME, --url URL, or a saved tools/list with --from-json FILE',
    );
  // with --from-json and --from, the config's transport is compared offline: nothing is started
  const transport = target ? compareTransports(pinned.transport, target.transport) : [];
  let live: ContractTool[];
  if (options.fromJson !== undefined) {
    const saved = readToolsJson(await readText(options.fromJson));
    if (saved.kind === 'error') throw new UsageError(`${options.fromJson}: ${saved.message}`);
    live = saved.tools;
  } else {
    live = (await readLiveServer(target!.endpoint)).tools.map((tool) => contractOf(tool));
  }
  const contract = compareContracts(pinned.tools, live);
  const nameDrift =
    target?.name !== undefined && target.name !== pinned.name
      ? [
          `name: the config entry ${JSON.stringify(target.name)} is not the manifest's ${JSON.stringify(pinned.name)}`,
        ]
      : [];
  report(options, pinned, { transport, contract, nameDrift, transportCompared: target !== undefined });
  return transport.length + contract.length + nameDrift.length === 0 ? 0 : 1;
}

function report(
  options: McpVerifyOptions,
  pinned: { name: string; tools: ContractTool[] },
  drift: Drift,
): void {
  const count = drift.transport.length + drift.contract.length + drift.nameDrift.length;
  if (options.format === 'json') {
    const out = {
      manifest: options.manifest,
      server: pinned.name,
      drift: count > 0,
      transportCompared: drift.transportCompared,
      transport: drift.transport,
      differences: drift.contract,
      ...(drift.nameDrift.length > 0 && { name: drift.nameDrift }),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return;
  }
  process.stdout.write(renderDriftText(options.manifest, pinned.tools.length, drift, terminalChalk()));
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
