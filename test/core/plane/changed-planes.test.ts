// The plane of a changed file is one answer (planesOfChangedFile): the diff places its files by it, and so does
// the history walk behind `log` and `scope`, so a commit's log lists a file where its diff would.
import { describe, expect, it } from 'vitest';
import { diffCommitFiles } from '../../../src/core/history/commit-diff.js';
import type { CommitFileChange } from '../../../src/core/history/commit-diff.js';
import { planesOfChangedFile, splitChangedFiles } from '../../../src/core/plane/changed-planes.js';
import { createPathClassification } from '../../../src/core/plane/classify-paths.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import type { ChangedFile, FileStatus } from '../../../src/model/types.js';
import { createSourceLookup } from '../../../src/sources/lookup.js';

const config = structuredClone(DEFAULT_CONFIG);
const classify = createPathClassification(config);
const planes = (file: ChangedFile, facts = {}) => [...planesOfChangedFile(file, classify, facts)].sort();

describe('planesOfChangedFile', () => {
  it.each([
    ['a tool manifest', { path: 'registry/tools/a.yaml', status: 'modified' }, ['control']],
    ['a registry prompt', { path: 'registry/prompts/p.md', status: 'modified' }, ['data']],
    ['a client config', { path: '.mcp.json', status: 'modified' }, ['control']],
    ['instructions, edited', { path: 'AGENTS.md', status: 'modified' }, ['data']],
    ['instructions, added: text alone', { path: 'AGENTS.md', status: 'added' }, ['data']],
    ['an agent file, edited', { path: '.claude/agents/x.md', status: 'modified' }, ['data']],
    [
      'an agent file, added: a new principal',
      { path: '.claude/agents/x.md', status: 'added' },
      ['control', 'data'],
    ],
    ['an agent file, gone', { path: '.github/agents/t.agent.md', status: 'deleted' }, ['control', 'data']],
    [
      'a manifest moved out of the registry',
      { path: 'attic/x.yaml', oldPath: 'registry/tools/x.yaml', status: 'renamed' },
      ['control'],
    ],
    ['a refused path', { path: 'registry/prompts/\u202ep.md', status: 'added' }, ['control', 'data']],
    ['a file in no plane', { path: 'src/app.ts', status: 'modified' }, ['none']],
  ] as [string, ChangedFile, string[]][])('%s', (_, file, expected) => {
    expect(planes(file)).toEqual(expected);
  });

  it('holds a file the caller could not read, or that a control entry runs, in the control plane', () => {
    expect(planes({ path: 'registry/prompts/p.md', status: 'modified' }, { unreadable: true })).toEqual([
      'control',
      'data',
    ]);
    expect(planes({ path: 'scripts/hook.sh', status: 'modified' }, { executed: true })).toEqual(['control']);
  });

  it('splits a list in the order given, the control list sorted once a file is held there', () => {
    const files: ChangedFile[] = [
      { path: 'registry/tools/b.yaml', status: 'modified' },
      { path: '.claude/agents/a.md', status: 'added' },
      { path: 'src/app.ts', status: 'modified' },
    ];
    const split = splitChangedFiles(files, classify);
    expect(split.control.map((f) => f.path)).toEqual(['.claude/agents/a.md', 'registry/tools/b.yaml']);
    expect(split.data.map((f) => f.path)).toEqual(['.claude/agents/a.md']);
    expect(split.none.map((f) => f.path)).toEqual(['src/app.ts']);
  });
});

describe('the history walk places a commit’s files as the diff does', () => {
  const side = (path: string, text: string) => ({ path, oid: `${path}:${text}`, text });
  const change = (
    path: string,
    status: FileStatus,
    before: string | null,
    after: string | null,
  ): CommitFileChange => ({
    path,
    status,
    before: before === null ? null : side(path, before),
    after: after === null ? null : side(path, after),
  });
  const agent = (tools: string, text: string) => `---\nname: a\ntools: ${tools}\n---\n${text}\n`;

  it('each changed file lands in the planes planesOfChangedFile gives it', () => {
    const files = [
      change('AGENTS.md', 'modified', 'Be kind.\n', 'Be brief.\n'),
      change('.claude/agents/a.md', 'modified', agent('Read', 'One.'), agent('Read, Bash', 'Two.')),
      change('.claude/agents/new.md', 'added', null, agent('Read', 'New.')),
      change('.claude/agents/broken.md', 'modified', agent('Read', 'x'), '---\ntools: [Read\n---\nx\n'),
      change('.mcp.json', 'modified', '{"mcpServers":{}}', '{ "mcpServers": {} }'),
      change(
        'registry/prompts/p.md',
        'modified',
        '---\nid: p\nversion: 1\n---\nA\n',
        '---\nid: p\nversion: 2\n---\nB\n',
      ),
      change('src/app.ts', 'modified', null, null),
    ];
    const diff = diffCommitFiles(files, config, new Map(), { classify, sourceOf: createSourceLookup() });
    const where = (path: string) =>
      [
        ...(diff.files.control.some((f) => f.path === path) ? ['control'] : []),
        ...(diff.files.data.some((f) => f.path === path) ? ['data'] : []),
      ].sort();
    expect(where('AGENTS.md')).toEqual(planes({ path: 'AGENTS.md', status: 'modified' }));
    expect(where('.claude/agents/a.md')).toEqual(['data']);
    expect(where('.claude/agents/new.md')).toEqual(['control', 'data']);
    // a source that no longer parses cannot be shown harmless
    expect(where('.claude/agents/broken.md')).toEqual(['control', 'data']);
    expect(where('.mcp.json')).toEqual(['control']);
    expect(where('registry/prompts/p.md')).toEqual(['data']);
    expect(where('src/app.ts')).toEqual([]);
    // the grant the edit added still reaches the control plane, as a binding
    expect(diff.bindings.map((b) => b.agent)).toContain('claude:agents/a');
  });
});
