import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print a JSON Schema: tool, prompt, config, intent, mcp-server, eval-results or release')
    .argument('<name>', 'tool | prompt | config | intent | mcp-server | eval-results | release')
    .action(async (name: string) => {
      const { runSchema } = await import('../actions/schema.js');
      process.stdout.write(runSchema(name));
    });
}
