import { isAbsolute } from 'node:path';
import { writeFileAtomic } from '../../load/write-file-atomic.js';
import { buildServerManifest, deriveServerName } from '../../runtime/mcp-manifest.js';
import type { ManifestTransport } from '../../runtime/mcp-manifest.js';
import { UsageError } from '../../errors.js';
import { readLiveServer } from './mcp-live.js';
import { quote } from './mcp-config.js';
import { resolveTarget } from './mcp-target.js';
import type { McpTargetOptions } from './mcp-target.js';

export interface McpImportOptions extends McpTargetOptions {
  name?: string;
  out?: string;
}

const NAME = /^[a-z][a-z0-9_.-]{0,63}$/;

function absolutePaths(transport: ManifestTransport): number {
  if (transport.type !== 'stdio') return 0;
  return [transport.command, ...transport.args].filter((part) => isAbsolute(part)).length;
}

/** `agentgate mcp import [--name NAME] [--out FILE] (-- CMD… | --from FILE --server NAME | --url URL)` */
export async function runMcpImport(command: string[], options: McpImportOptions): Promise<number> {
  if (options.name !== undefined && !NAME.test(options.name)) {
    throw new UsageError(`--name: '${options.name}' must match ${NAME.source}`);
  }
  if (options.name !== undefined && options.from !== undefined)
    throw new UsageError('--name: a server imported --from a config takes the name of its entry (--server)');
  const target = resolveTarget(command, options);
  if (!target) throw new UsageError('give the MCP server: -- CMD…, --from FILE --server NAME, or --url URL');
  // the config's key is what pins a client entry to this manifest: it must be a manifest name
  if (target.name !== undefined && !NAME.test(target.name))
    throw new UsageError(
      `--server ${quote(target.name)}: not usable as a manifest name (it must match ${NAME.source}); the manifest pins the entry only under the same name, so rename the entry`,
    );
  const absolute = absolutePaths(target.transport);
  if (absolute > 0)
    process.stderr.write(
      `agentgate: note: the manifest pins ${absolute} absolute path(s) of this machine; \`mcp verify\` on another one reports them as drift (--from a client config pins the command as it is written)\n`,
    );
  const live = await readLiveServer(target.endpoint);
  const name = target.name ?? options.name ?? deriveServerName(live.serverInfo?.name);
  const result = buildServerManifest(
    {
      name,
      transport: target.transport,
      credentials: target.credentials,
      recheck: target.recheck,
      tools: live.tools,
      ...(live.serverInfo && { serverInfo: live.serverInfo }),
    },
    options.out ?? '<stdout>',
  );
  for (const finding of result.findings) {
    process.stderr.write(
      `agentgate: ${finding.severity}: ${finding.path}:${finding.line}: ${finding.message}\n`,
    );
  }
  if (options.out === undefined) {
    process.stdout.write(result.yaml);
  } else {
    try {
      writeFileAtomic(options.out, result.yaml);
    } catch (error) {
      throw new UsageError(
        `${options.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      );
    }
    process.stderr.write(`agentgate: wrote ${options.out}: server ${name}, ${live.tools.length} tools\n`);
  }
  return 0;
}
