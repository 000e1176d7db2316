import { describe, expect, it } from 'vitest';
import { createPathClassification, createRegistryRoles } from '../../src/core/plane/classify-paths.js';
import { DEFAULT_CONFIG, parseConfig } from '../../src/core/plane/config.js';
import { createSourceLookup, sourceKeys } from '../../src/sources/lookup.js';

describe('createSourceLookup', () => {
  const lookup = createSourceLookup();

  it.each([
    ['.mcp.json', 'mcp-json'],
    ['.vscode/mcp.json', 'vscode-mcp-json'],
    ['apps/desk/claude_desktop_config.json', 'claude-desktop-config'],
    ['.claude/agents/reviewer.md', 'claude-agents'],
    ['packages/app/.claude/settings.json', 'claude-settings'],
    ['plugins/review/agents/reader.md', 'claude-agents'],
    ['docs/triage.agent.md', 'copilot-agents'],
    ['chatmodes/planner.chatmode.md', 'copilot-chatmodes'],
    ['skills/pdf/SKILL.md', 'claude-skills'],
    ['.github/workflows/ask.md', 'gh-aw-workflows'],
  ])('reads %s with %s, no config', (path, id) => {
    expect(lookup(path)?.id).toBe(id);
  });

  it.each(['README.md', 'docs/agents/x.md', 'src/server.json', '', '/etc/passwd', 'a\\.mcp.json'])(
    'claims nothing else: %j',
    (path) => {
      expect(lookup(path)).toBeUndefined();
    },
  );

  it('turns a kind or one adapter off, and adds paths to a kind or an adapter', () => {
    const configured = createSourceLookup({
      'claude-code': { enabled: false, paths: [] },
      'vscode-mcp-json': { enabled: false, paths: [] },
      'mcp-config': { enabled: true, paths: ['ops/*.json'] },
      'copilot-prompts': { enabled: true, paths: ['prompts/**/*.md'] },
    });
    expect(configured('.claude/agents/x.md')).toBeUndefined();
    expect(configured('.vscode/mcp.json')).toBeUndefined();
    expect(configured('.mcp.json')?.id).toBe('mcp-json');
    expect(configured('ops/dev.json')?.id).toBe('mcp-json');
    expect(configured('prompts/a/b.md')?.id).toBe('copilot-prompts');
  });

  it('is not fooled by a key named like an object’s plumbing', () => {
    expect(
      createSourceLookup(JSON.parse('{"__proto__": {"enabled": false, "paths": []}}'))('.mcp.json')?.id,
    ).toBe('mcp-json');
  });
});

describe('sources in the path classifier', () => {
  it('puts server configs and settings in the control plane, agent files in the data plane', () => {
    const classify = createPathClassification(structuredClone(DEFAULT_CONFIG));
    expect(classify('.mcp.json')).toEqual({ kind: 'control', gate: false, source: 'mcp-json' });
    expect(classify('.claude/settings.json')).toMatchObject({ kind: 'control', source: 'claude-settings' });
    expect(classify('.claude/agents/x.md')).toEqual({ kind: 'data', source: 'claude-agents' });
    // a gh-aw workflow is split by meaning: its prompt body is data, its front matter reaches control in the diff
    expect(classify('.github/workflows/ask.md')).toMatchObject({ kind: 'data' });
    expect(classify('.github/workflows/ask.lock.yml')).toEqual({ kind: 'control', gate: true });
  });

  it('reads a client config under a control path as the client writes it, never as a manifest', () => {
    const config = structuredClone(DEFAULT_CONFIG);
    config.planes.control.paths = ['**'];
    const role = createRegistryRoles(config)('.mcp.json');
    expect(typeof role === 'object' && role.adapter.id).toBe('mcp-json');
  });

  it('leaves a registry prompt named like a client file to the registry', () => {
    expect(createRegistryRoles(structuredClone(DEFAULT_CONFIG))('registry/prompts/x.prompt.md')).toBe(
      'prompt',
    );
  });
});

describe('sources: in agentgate.yaml', () => {
  it('accepts false and { paths } per kind or adapter id', () => {
    const { config, errors } = parseConfig(
      'version: 1\nsources:\n  claude-code: false\n  mcp-json:\n    paths: ["x/*.json"]\n',
      'agentgate.yaml',
    );
    expect(errors).toEqual([]);
    expect(config.sources).toEqual({
      'claude-code': { enabled: false, paths: [] },
      'mcp-json': { enabled: true, paths: ['x/*.json'] },
    });
  });

  it('refuses a bad shape with the file, line and field', () => {
    const { errors } = parseConfig('version: 1\nsources:\n  claude-code: { paths: [1] }\n', 'agentgate.yaml');
    expect(errors[0]).toMatchObject({ path: 'agentgate.yaml', line: 3 });
  });

  it('warns about a key that is no source', () => {
    const { warnings } = parseConfig('version: 1\nsources:\n  claud-code: false\n', 'agentgate.yaml');
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'unknown-source', line: 3 }));
    expect(sourceKeys()).toContain('claude-code');
  });
});
