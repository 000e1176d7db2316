import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print a JSON Schema: tool, prompt, config, intent, mcp-server or eval-results')
    .argument('<name>', 'tool | prompt | config | intent | mcp-server')
    .action(async (name: string) => {
      const { runSchema } = await import('../actions/schema.js');
      process.stdout.write(runSchema(name));
    });
}
