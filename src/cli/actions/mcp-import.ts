import { writeFileAtomic } from '../../load/write-file-atomic.js';
import { buildServerManifest, deriveServerName } from '../../runtime/mcp-manifest.js';
import { UsageError } from '../../errors.js';
import { readLiveServer } from './mcp-live.js';

export interface McpImportOptions {
  name?: string;
  out?: string;
}

const NAME = /^[a-z][a-z0-9_.-]{0,63}$/;

/** `agentgate mcp import [--name NAME] [--out FILE] -- CMD…` */
export async function runMcpImport(command: string[], options: McpImportOptions): Promise<number> {
  if (options.name !== undefined && !NAME.test(options.name)) {
    throw new UsageError(`--name: '${options.name}' must match ${NAME.source}`);
  }
  const live = await readLiveServer(command);
  const name = options.name ?? deriveServerName(live.serverInfo?.name);
  const result = buildServerManifest({ name, ...live }, options.out ?? '<stdout>');
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
