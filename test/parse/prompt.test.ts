import { describe, expect, it } from 'vitest';
import { defaultPromptId, parsePromptFile } from '../../src/parse/prompt.js';
import { source } from './fixture.js';

const ROOT = 'registry/prompts';

describe('parsePromptFile: markdown', () => {
  it('reads front matter and body; version becomes a string, tools a sorted set, other keys meta', () => {
    const text =
      '---\nid: support/system\nversion: 4\nmodel: gpt-5\ntools: [z_tool, a_tool, a_tool]\ndescription: Support agent\n---\nYou are a support agent.\n';
    const { prompt, findings } = parsePromptFile(source('registry/prompts/support.md', text), ROOT);
    expect(findings).toEqual([]);
    expect(prompt).toEqual({
      id: 'support/system',
      version: '4',
      model: 'gpt-5',
      tools: ['a_tool', 'z_tool'],
      text: 'You are a support agent.\n',
      meta: { description: 'Support agent' },
      source: { path: 'registry/prompts/support.md', line: 2 },
    });
  });

  it('reports front-matter errors at their line in the file', () => {
    const text = '---\nid: a\nversion: 1\nmodel: gpt-5\ntools: read_ticket\n---\nbody\n';
    const { prompt, findings } = parsePromptFile(source('registry/prompts/a.md', text), ROOT);
    expect(prompt).toBeUndefined();
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'schema',
        line: 5,
        field: 'tools',
        tool: 'a',
        message: 'registry/prompts/a.md:5: field \'tools\': must be a list (got "read_ticket")',
      }),
    ]);
  });

  it('reports duplicate keys in front matter at their line', () => {
    const text = '---\nid: a\nversion: 1\nversion: 2\n---\nbody\n';
    const { findings } = parsePromptFile(source('registry/prompts/a.md', text), ROOT);
    expect(findings.map((f) => [f.code, f.line])).toEqual([['duplicate-key', 4]]);
  });

  it('defaults the id to the path under the prompts root, without extension', () => {
    const { prompt } = parsePromptFile(
      source('registry/prompts/support/triage.md', '---\nversion: 1.2.0\n---\nHi\n'),
      ROOT,
    );
    expect(prompt).toMatchObject({ id: 'support/triage', version: '1.2.0', source: { line: 1 } });
    expect(defaultPromptId('registry/prompts/a/b.yaml', 'registry/prompts/')).toBe('a/b');
  });

  it('reads a markdown file without front matter as text only', () => {
    const { prompt } = parsePromptFile(source('registry/prompts/plain.md', 'Just text\n'), ROOT);
    expect(prompt).toEqual({
      id: 'plain',
      text: 'Just text\n',
      meta: {},
      source: { path: 'registry/prompts/plain.md', line: 1 },
    });
  });

  it('reports front matter that is never closed', () => {
    const { findings } = parsePromptFile(source('registry/prompts/a.md', '---\nid: a\nbody\n'), ROOT);
    expect(findings[0]).toMatchObject({ code: 'yaml-parse', line: 1 });
  });

  it('rejects a version that is neither an integer nor semver', () => {
    const { findings } = parsePromptFile(
      source('registry/prompts/a.md', '---\nversion: v2-final\n---\n'),
      ROOT,
    );
    expect(findings.map((f) => [f.line, f.field])).toEqual([[2, 'version']]);
    expect(findings[0]!.message).toContain("field 'version': must be an integer, or a string matching ^(0|");
  });
});

describe('parsePromptFile: yaml and data files', () => {
  it('reads a .yaml prompt with its text under template', () => {
    const text = 'id: cost/analyst\nversion: 2\ntools: [list_costs]\ntemplate: |\n  You analyse costs.\n';
    const { prompt } = parsePromptFile(source('registry/prompts/cost.yaml', text), ROOT);
    expect(prompt).toMatchObject({
      id: 'cost/analyst',
      version: '2',
      tools: ['list_costs'],
      text: 'You analyse costs.\n',
      meta: {},
    });
  });

  it('requires template in a .yaml prompt', () => {
    const { findings } = parsePromptFile(source('registry/prompts/cost.yml', 'id: c\n'), ROOT);
    expect(findings.map((f) => [f.code, f.field])).toEqual([['schema', 'template']]);
  });

  it.each(['examples.jsonl', 'notes.txt', 'schema.json'])('treats %s as a data file', (name) => {
    expect(parsePromptFile(source(`registry/prompts/${name}`, '{}'), ROOT)).toEqual({
      dataFile: true,
      findings: [],
    });
  });
});
