import fc from 'fast-check';
import { describeOverrides, findOverrides } from '../../../src/core/codeowners/codeowners-overrides.js';
import { mixedPatterns, sourcePatterns } from '../../../src/core/codeowners/codeowners-paths.js';
import { describe, expect, it } from 'vitest';
import {
  findBlock,
  ownersFused,
  parseOwnerList,
  readBlockOwners,
  renderBlock,
  upsertBlock,
} from '../../../src/core/codeowners/codeowners-block.js';
import type { BlockInput } from '../../../src/core/codeowners/codeowners-block.js';
import { parseConfig } from '../../../src/core/plane/config.js';

const config = parseConfig(null, 'agentgate.yaml').config;
const input: BlockInput = {
  config,
  owners: { prompt: ['@acme/prompt-eng'], tool: ['@acme/security'] },
  codeownersPath: 'CODEOWNERS',
};
const overridesOf = (rest: string) => findOverrides(rest, input, renderBlock(input));
const ok = (result: ReturnType<typeof upsertBlock>) => {
  if (result.kind !== 'ok') throw new Error(`unexpected ${result.kind}`);
  return result;
};

describe('renderBlock', () => {
  it('routes the plane folders and every gate file, CODEOWNERS locations up to the active one', () => {
    const lines = renderBlock(input)
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines).toEqual([
      '/registry/prompts/ @acme/prompt-eng',
      '/registry/tools/ @acme/security',
      // client sources carry authority (issue 12 item 7): MCP configs, settings, agent files
      ...sourcePatterns().map((pattern) => `${pattern} @acme/security`),
      '**/agentgate.yaml @acme/security',
      '**/agentgate.yml @acme/security',
      '/.github/workflows/ @acme/security',
      '/.github/actions/ @acme/security',
      '/action.yml @acme/security',
      '/action.yaml @acme/security',
      '/.gitattributes @acme/security',
      // files split by meaning: their text is the data owner's, the control-plane check holds their grants
      ...mixedPatterns().map((pattern) => `${pattern} @acme/prompt-eng`),
      '/.github/CODEOWNERS @acme/security',
      '/CODEOWNERS @acme/security',
    ]);
  });

  it('gives agent, skill, command, prompt, gh-aw and instruction files to the data owner, exactly', () => {
    const mixed = mixedPatterns();
    expect(mixed).toEqual(
      expect.arrayContaining([
        '/.github/agents/**/*.agent.md',
        '**/*.agent.md',
        '/.claude/agents/**/*.md',
        '**/plugins/*/commands/**/*.md',
        '**/SKILL.md',
        '**/*.prompt.md',
        '/.github/workflows/**/*.md',
        '**/AGENTS.md',
        '**/.github/instructions/**/*.instructions.md',
      ]),
    );
    // configs, settings, hooks and manifests stay with the control owner, and so do the agents' folders
    const control = sourcePatterns();
    expect(control).toEqual(
      expect.arrayContaining([
        '/.mcp.json',
        '**/.claude/settings.json',
        '/.claude/skills/',
        '/.cursor/hooks.json',
      ]),
    );
    expect(control.filter((pattern) => mixed.includes(pattern))).toEqual([]);
    // CODEOWNERS has no extglob: the plugin hooks glob is written wide, never as `!(…)`
    expect(control.some((pattern) => pattern.includes('!('))).toBe(false);
    expect(control).toContain('**/*/hooks/hooks.json');
  });

  it('leaves a data-owned glob CODEOWNERS cannot say exactly to the control owner', () => {
    const configured = parseConfig(
      'version: 1\nsources:\n  claude-code:\n    paths: ["team/{a,b}/agents/*.md", "team/agents/*.md"]\n',
      'agentgate.yaml',
    ).config;
    const mixed = mixedPatterns(configured.sources);
    expect(mixed).toContain('/team/agents/*.md');
    expect(mixed.some((pattern) => pattern.includes('{'))).toBe(false);
    expect(sourcePatterns(configured.sources)).toEqual(expect.arrayContaining(['/team/']));
  });
});

describe('sourcePatterns', () => {
  it('routes nested client files and the paths `sources:` adds to the control owner', () => {
    const configured = parseConfig(
      'version: 1\nsources:\n  mcp-config:\n    paths: ["ops/mcp/*.json"]\n  claude-code: false\n',
      'agentgate.yaml',
    ).config;
    const patterns = sourcePatterns(configured.sources);
    expect(patterns).toEqual(expect.arrayContaining(['/ops/mcp/', '**/.claude/settings.json', '/.mcp.json']));
    // a turned-off source is still read by its client: its owner stays the control owner
    expect(patterns).toContain('/.claude/agents/');
    expect(renderBlock({ ...input, config: configured })).toContain('/ops/mcp/ @acme/security\n');
    expect(renderBlock(input)).not.toContain('/ops/mcp/');
  });
});

describe('sourcePatterns from a hostile config', () => {
  it('never writes a `sources:` glob that would split a CODEOWNERS line or hide in it (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.constantFrom('\n', '\r', '\t', '\u2028', '\u202e', '\u0085', '\u0000'),
        fc.string(),
        (before, odd, after) => {
          const glob = `${before}${odd}* @evil${after}`;
          const block = renderBlock({
            ...input,
            config: { ...config, sources: { 'mcp-config': { enabled: true, paths: [glob] } } },
          });
          expect(block).not.toContain('@evil');
        },
      ),
    );
  });
});

describe('upsertBlock', () => {
  it('creates a file holding only the block', () => {
    expect(ok(upsertBlock(null, input)).text).toBe(renderBlock(input));
  });

  it('appends after a blank line, adding the missing final line break and nothing else', () => {
    const result = ok(upsertBlock('* @acme/platform', input));
    // the block says which earlier rule it takes paths from (issue 11 item 6)
    const overrides = [
      '# overrides line 1 "*" (@acme/platform) for registry/prompts/x.md, registry/prompts/sub/y.yaml, registry/prompts/z.jsonl and 10 more',
    ];
    expect(result.overrides).toEqual([
      expect.objectContaining({ line: 1, pattern: '*', owners: ['@acme/platform'] }),
    ]);
    expect(result.text).toBe(`* @acme/platform\n\n${renderBlock(input, '\n', overrides)}`);
  });

  it('moves a block that is no longer last to the end, keeping the lines around it', () => {
    const first = ok(upsertBlock('* @a\n', input)).text;
    const edited = `${first}*.yaml @someone\n`;
    const result = ok(upsertBlock(edited, input));
    expect(result.changed).toBe(true);
    expect(result.text).toBe(
      `* @a\n\n*.yaml @someone\n\n${renderBlock(input, '\n', describeOverrides(overridesOf('* @a\n\n*.yaml @someone\n\n')))}`,
    );
    expect(
      describeOverrides(overridesOf('* @a\n\n*.yaml @someone\n\n')).map((line) => line.slice(0, 32)),
    ).toEqual(['# overrides line 1 "*" (@a) for ', '# overrides line 3 "*.yaml" (@so']);
    expect(findBlock(result.text)?.end).toBe(result.text.length);
  });

  it('keeps CRLF line endings and a byte order mark', () => {
    const original = '\uFEFF* @a\r\n/docs/ @b\r\n';
    const result = ok(upsertBlock(original, input));
    expect(result.text.startsWith(original)).toBe(true);
    expect(result.text.slice(original.length).replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('replaces the owners of an existing block', () => {
    const first = ok(upsertBlock('* @a\n', input)).text;
    const result = ok(upsertBlock(first, { ...input, owners: { prompt: ['@p'], tool: ['@s'] } }));
    expect(readBlockOwners(result.text, config)).toEqual({ prompt: ['@p'], tool: ['@s'] });
    expect(result.text.match(/agentgate:begin/g)).toHaveLength(1);
  });

  it('refuses a begin marker without its end rather than guess where the block stops', () => {
    expect(upsertBlock('* @a\n# agentgate:begin\n/registry/ @x\n/docs/ @b\n', input)).toEqual({
      kind: 'unterminated',
      line: 2,
    });
  });
});

describe('owner lists', () => {
  it('accepts users, teams and emails, adding a missing @', () => {
    expect(parseOwnerList('@acme/security, alice bob@example.com')).toEqual({
      owners: ['@acme/security', '@alice', 'bob@example.com'],
      invalid: [],
    });
    expect(parseOwnerList('@acme/sec urity!').invalid).toEqual(['urity!']);
  });

  it('calls the same set on both planes fused, whatever the case', () => {
    expect(ownersFused({ prompt: ['@Acme/Team'], tool: ['@acme/team'] })).toBe(true);
    expect(ownersFused({ prompt: ['@acme/a'], tool: ['@acme/a', '@acme/b'] })).toBe(false);
  });
});
