import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRegistryRoles } from '../../../src/core/plane/classify-paths.js';
import { parseConfig } from '../../../src/core/plane/config.js';
import { createRepoSourceLookup } from '../../../src/core/plane/repo-sources.js';
import { createSourceLookup } from '../../../src/sources/lookup.js';

const configOf = (yaml: string) => {
  const { config, errors } = parseConfig(`version: 1\n${yaml}`, 'agentgate.yaml');
  expect(errors).toEqual([]);
  return config;
};

const CONFIGS = [
  '',
  'sources:\n  mcp-config:\n    paths: ["ops/**/*.json", "registry/tools/*.json"]\n',
  'sources:\n  claude-code: false\n  vscode-mcp-json:\n    enabled: false\n',
  'sources:\n  copilot:\n    paths: ["registry/prompts/**"]\n  claude-agents:\n    paths: ["**/*.md"]\n',
  'planes:\n  control:\n    paths: ["**"]\n',
];

// paths built from the pieces that decide: plane folders, client folders, nested projects, odd characters
const segment = fc.constantFrom(
  'registry',
  'tools',
  'prompts',
  'app',
  'ops',
  '.claude',
  'agents',
  'settings.json',
  '.mcp.json',
  '.vscode',
  'mcp.json',
  'x.agent.md',
  'y.prompt.md',
  'SKILL.md',
  'a.md',
  'b.json',
  '.github',
  'workflows',
  'w.md',
  're\u202ex.md',
  'z\n.json',
);
const pathArb = fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/'));

describe('createRepoSourceLookup', () => {
  it('gives the adapter exactly where the diff reads a file as a source (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CONFIGS), pathArb, (yaml, path) => {
        const config = configOf(yaml);
        const role = createRegistryRoles(config)(path);
        const found = createRepoSourceLookup(config)(path);
        if (role === 'refused') {
          // a refused name stays claimed when a client reads it, so the view refuses it by name
          expect(found).toBe(createSourceLookup(config.sources)(path));
        } else {
          expect(found).toBe(typeof role === 'object' ? role.adapter : undefined);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('honours `sources:`: added paths, adapters and kinds turned off, nested projects', () => {
    const added = createRepoSourceLookup(configOf(CONFIGS[1]!));
    expect(added('ops/dev/a.json')?.id).toBe('mcp-json');
    const off = createRepoSourceLookup(configOf(CONFIGS[2]!));
    expect(off('.claude/settings.json')).toBeUndefined();
    expect(off('.vscode/mcp.json')).toBeUndefined();
    expect(off('.mcp.json')?.id).toBe('mcp-json');
    expect(createRepoSourceLookup(configOf(''))('app/.claude/settings.json')?.id).toBe('claude-settings');
  });

  it('leaves a file the data plane claims to the registry, even when `sources:` claims it too', () => {
    const lookup = createRepoSourceLookup(configOf(CONFIGS[3]!));
    expect(lookup('registry/prompts/triage.agent.md')).toBeUndefined();
    expect(lookup('registry/prompts/p.md')).toBeUndefined();
    expect(lookup('docs/a.md')?.id).toBe('claude-agents');
  });

  it('reads a client config under a control glob as its client writes it, as the diff does', () => {
    expect(createRepoSourceLookup(configOf(CONFIGS[1]!))('registry/tools/servers.json')?.id).toBe('mcp-json');
  });
});
