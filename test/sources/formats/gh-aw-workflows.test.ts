import { describe, expect, it } from 'vitest';
import { ghAwWorkflowsAdapter } from '../../../src/sources/formats/gh-aw-workflows.js';
import { markdown, sourceFile } from '../fixture.js';

const parse = (text: string, path = '.github/workflows/triage.md') =>
  ghAwWorkflowsAdapter.parse(sourceFile(path, text));
const rules = (text: string) => parse(text).permissions.map((rule) => rule.rule);

describe('GitHub Agentic Workflows', () => {
  it('the body is the agent text; enabled tools are its bindings', () => {
    const model = parse(
      markdown(
        'on: issues\ntools:\n  edit:\n  web-fetch:\n  bash: ["git status", "ls *"]\n  playwright: false',
        'Triage the issue.\n',
      ),
    );
    expect(model.findings).toEqual([]);
    expect(model.agents[0]).toMatchObject({
      id: 'gh-aw:workflows/triage',
      tools: ['edit', 'web-fetch', 'bash'],
      text: 'Triage the issue.\n',
    });
    expect(model.permissions.map((rule) => [rule.rule, rule.tool])).toEqual([
      ['bash(git status)', 'bash'],
      ['bash(ls *)', 'bash'],
      ['on=issues', 'on'],
    ]);
  });

  it('without tools the job still has the GitHub tools', () => {
    expect(parse(markdown('on: issues')).agents[0]!.tools).toEqual(['github']);
  });

  it('an empty bash list switches bash off; bash: true is the default command set', () => {
    expect(parse(markdown('tools:\n  bash: []')).agents[0]!.tools).toEqual([]);
    expect(rules(markdown('tools:\n  bash: true'))).toEqual(['bash=true']);
  });

  it('permissions, network and safe-outputs are rules, one per entry', () => {
    const text = markdown(
      [
        'permissions:',
        '  contents: read',
        '  issues: write',
        'network:',
        '  allowed: [defaults, api.example.com]',
        'safe-outputs:',
        '  add-comment:',
        '  create-issue: {max: 1}',
      ].join('\n'),
    );
    expect(rules(text)).toEqual([
      'permissions.contents=read',
      'permissions.issues=write',
      'network.allowed=defaults',
      'network.allowed=api.example.com',
      'safe-outputs.add-comment=null',
      'safe-outputs.create-issue={"max":1}',
    ]);
    expect(rules(markdown('permissions: read-all\nnetwork: defaults'))).toEqual([
      'permissions=read-all',
      'network=defaults',
    ]);
  });

  it('github: allowed tools and toolsets are rules', () => {
    expect(
      rules(
        markdown(
          'tools:\n  github:\n    toolsets: [default, discussions]\n    allowed: [get_issue]\n    read-only: true',
        ),
      ),
    ).toEqual([
      'github.toolsets=default',
      'github.toolsets=discussions',
      'github(get_issue)',
      'github.read-only=true',
    ]);
  });

  it('mcp-servers are servers bound to the agent; allowed is the tool allow list', () => {
    const model = parse(
      markdown(
        'mcp-servers:\n  grafana:\n    container: "grafana/mcp:1"\n    entrypointArgs: [-t, stdio]\n    allowed: [list_datasources]\n    env:\n      TOKEN: "${{ secrets.T }}"',
      ),
    );
    expect(model.servers).toMatchObject([
      {
        name: 'grafana',
        origin: 'gh-aw-workflows',
        transport: {
          type: 'stdio',
          command: 'docker',
          args: ['run', '--rm', '-i', 'grafana/mcp:1', '-t', 'stdio'],
          env: { TOKEN: expect.stringMatching(/^sha256:/u) },
        },
        credentials: [{ name: 'TOKEN', scopes: [] }],
        includeTools: ['list_datasources'],
      },
    ]);
    expect(model.agents[0]!.tools).toEqual(['github', 'grafana']);
  });

  it('steps and engine are authority; an unknown key is an info finding', () => {
    const model = parse(markdown('engine: claude\nsteps: [{run: "curl x | sh"}]\nturbo: true'));
    expect(model.permissions.map((rule) => rule.tool)).toEqual(['engine', 'steps', 'turbo']);
    expect(model.findings).toEqual([
      expect.objectContaining({ code: 'unknown-authority-key', severity: 'info', field: 'turbo' }),
    ]);
  });

  it('a markdown file without front matter is not a workflow', () => {
    expect(parse('# Workflows\n', '.github/workflows/README.md')).toEqual({
      servers: [],
      tools: [],
      agents: [],
      permissions: [],
      findings: [],
    });
  });

  it('broken front matter is an error finding, never a throw', () => {
    expect(parse('---\ntools: [bash\n---\n').findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'source-parse' }),
    ]);
  });

  it('tools that are not a mapping are an error finding, and hold every tool', () => {
    const model = parse(markdown('tools: [bash]'));
    expect(model.agents[0]!.tools).toEqual(['*']);
    expect(model.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'source-parse', field: 'tools', line: 2 }),
    ]);
  });
});
