import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('agentgate schema', () => {
  it('prints the tool manifest schema as valid JSON with $id', () => {
    const result = runCli(['schema', 'tool'], { cwd: process.cwd() });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { $id: string; oneOf: unknown[] };
    expect(schema.$id).toMatch(/tool\.json$/);
    expect(schema.oneOf).toHaveLength(2);
  });

  it.each(['prompt', 'config', 'intent', 'mcp-server', 'eval-results'])('prints the %s schema', (name) => {
    const result = runCli(['schema', name], { cwd: process.cwd() });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { $id: string }).$id).toMatch(new RegExp(`${name}\\.json$`));
  });

  it("prints an mcp-server schema whose transport type is optional and takes the clients' kinds", () => {
    const result = runCli(['schema', 'mcp-server'], { cwd: process.cwd() });
    const transport = (
      JSON.parse(result.stdout) as {
        properties: { transport: { required?: string[]; properties: { type: { enum: string[] } } } };
      }
    ).properties.transport;
    expect(transport.required ?? []).not.toContain('type');
    expect(transport.properties.type.enum).toEqual(['stdio', 'local', 'http', 'sse', 'streamable-http']);
  });

  it('rejects an unknown name with exit 2, listing the names', () => {
    const result = runCli(['schema', 'tools'], { cwd: process.cwd() });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'agentgate: unknown schema "tools": expected one of tool, prompt, config, intent, mcp-server, eval-results, release\n',
    );
  });
});

describe('agentgate schema release', () => {
  it('prints the bundle schema with one branch per plane', () => {
    const result = runCli(['schema', 'release'], { cwd: process.cwd() });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { oneOf: { properties: { plane: { const: string } } }[] };
    expect(schema.oneOf.map((branch) => branch.properties.plane.const)).toEqual(['data', 'control']);
  });
});
