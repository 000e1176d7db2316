import { Option } from 'commander';
import type { Command } from 'commander';
import type { McpImportOptions } from '../actions/mcp-import.js';
import type { McpVerifyOptions } from '../actions/mcp-verify.js';

export function registerMcp(program: Command): void {
  const mcp = program
    .command('mcp')
    .description("pin a live MCP server's tool contract, and detect drift from it");

  mcp
    .command('import')
    .description("write a kind: McpServer manifest from the live server's tools/list")
    .argument('<command...>', 'the MCP server to run, after --')
    .option('--name <name>', "server name, the prefix of its tools (default: from the server's own name)")
    .option('--out <file>', 'write the manifest here instead of stdout')
    .action(async (command: string[], options: McpImportOptions) => {
      const { runMcpImport } = await import('../actions/mcp-import.js');
      process.exitCode = await runMcpImport(command, options);
    });

  mcp
    .command('verify')
    .description('compare the live server with a manifest; exit 1 on any drift, listing each difference')
    .argument('<command...>', 'the MCP server to run, after --')
    .requiredOption('--manifest <file>', 'the kind: McpServer manifest to compare with')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (command: string[], options: McpVerifyOptions) => {
      const { runMcpVerify } = await import('../actions/mcp-verify.js');
      process.exitCode = await runMcpVerify(command, options);
    });
}
