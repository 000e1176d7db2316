import { Option } from 'commander';
import type { Command } from 'commander';
import type { McpImportOptions } from '../actions/mcp-import.js';
import type { McpVerifyOptions } from '../actions/mcp-verify.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function addTargetOptions(command: Command): Command {
  return command
    .option('--from <file>', 'an MCP client config (.mcp.json, .vscode/mcp.json, .codex/config.toml…)')
    .option('--server <name>', 'with --from: the entry to start, as the config names it')
    .option('--url <url>', 'a remote server: streamable HTTP, falling back to SSE')
    .option(
      '--header <name=env:VAR>',
      'a header for a remote server, its value read from the environment variable VAR (repeatable)',
      collect,
      [] as string[],
    );
}

export function registerMcp(program: Command): void {
  const mcp = program
    .command('mcp')
    .description("pin a live MCP server's tool contract, and detect drift from it");

  addTargetOptions(
    mcp
      .command('import')
      .description("write a kind: McpServer manifest from the live server's tools/list")
      .argument('[command...]', 'the MCP server to run, after --'),
  )
    .option(
      '--name <name>',
      "server name, the prefix of its tools (default: the entry's or the server's own name)",
    )
    .option('--out <file>', 'write the manifest here instead of stdout')
    .action(async (command: string[], options: McpImportOptions) => {
      const { runMcpImport } = await import('../actions/mcp-import.js');
      process.exitCode = await runMcpImport(command, options);
    });

  addTargetOptions(
    mcp
      .command('verify')
      .description(
        'compare the server (command, args, cwd, url and tool contract) with a manifest; exit 1 on any drift',
      )
      .argument('[command...]', 'the MCP server to run, after --'),
  )
    .requiredOption('--manifest <file>', 'the kind: McpServer manifest to compare with')
    .option('--from-json <file>', 'a saved tools/list result to compare offline (nothing is started)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (command: string[], options: McpVerifyOptions) => {
      const { runMcpVerify } = await import('../actions/mcp-verify.js');
      process.exitCode = await runMcpVerify(command, options);
    });
}
