import { describe, expect, it } from 'vitest';
import { isRadius } from '../../src/model/types.js';
import {
  CLAUDE_CODE_CATALOG,
  GH_AW_CATALOG,
  TOOL_CATALOGS,
  VSCODE_CATALOG,
  catalogForAgent,
} from '../../src/sources/catalogs/index.js';

const entry = (catalog: typeof CLAUDE_CODE_CATALOG, name: string) =>
  catalog.entries.find((candidate) => candidate.name === name)!;

describe('built-in tool catalogs', () => {
  it.each(TOOL_CATALOGS.map((catalog) => [catalog.client, catalog] as const))(
    '%s: one entry per name, each complete',
    (_client, catalog) => {
      const names = catalog.entries.map((candidate) => candidate.name);
      expect(new Set(names).size).toBe(names.length);
      for (const candidate of catalog.entries) {
        expect(isRadius(candidate.radius)).toBe(true);
        expect(candidate.doc.length).toBeGreaterThan(10);
        expect(['none', 'internal', 'sensitive']).toContain(candidate.dataAccess);
      }
    },
  );

  it('Claude Code: the documented tools and the retired names real files carry', () => {
    const names = CLAUDE_CODE_CATALOG.entries.map((candidate) => candidate.name);
    expect(names).toEqual(
      expect.arrayContaining([
        ...[
          'Read',
          'Write',
          'Edit',
          'MultiEdit',
          'Glob',
          'Grep',
          'LS',
          'Bash',
          'BashOutput',
          'KillShell',
          'KillBash',
        ],
        ...[
          'WebFetch',
          'WebSearch',
          'Task',
          'Agent',
          'TodoWrite',
          'NotebookEdit',
          'NotebookRead',
          'ExitPlanMode',
        ],
        ...['SlashCommand', 'Skill', 'AskUserQuestion'],
      ]),
    );
  });

  it('VS Code / Copilot: tool sets, flat ids and namespaced forms', () => {
    const names = VSCODE_CATALOG.entries.map((candidate) => candidate.name);
    expect(names).toEqual(
      expect.arrayContaining([
        ...['edit', 'editFiles', 'search', 'codebase', 'usages', 'runCommands', 'runInTerminal', 'runTasks'],
        ...[
          'terminalLastCommand',
          'fetch',
          'githubRepo',
          'problems',
          'changes',
          'testFailure',
          'openSimpleBrowser',
        ],
        ...[
          'vscodeAPI',
          'extensions',
          'new',
          'todos',
          'runTests',
          'think',
          'execute',
          'read',
          'agent',
          'web',
          'github',
        ],
      ]),
    );
  });

  it('a shell is privileged with egress anywhere; a web fetcher brings untrusted content from anywhere', () => {
    for (const [catalog, shell, fetcher] of [
      [CLAUDE_CODE_CATALOG, 'Bash', 'WebFetch'],
      [VSCODE_CATALOG, 'runInTerminal', 'fetch'],
      [VSCODE_CATALOG, 'execute', 'web'],
      [GH_AW_CATALOG, 'bash', 'web-fetch'],
    ] as const) {
      expect(entry(catalog, shell)).toMatchObject({ radius: 'privileged', egress: ['*'] });
      expect(entry(catalog, fetcher)).toMatchObject({ untrustedInput: true, egress: ['*'] });
    }
  });

  it('file readers read sensitive data and reach nowhere', () => {
    expect(entry(CLAUDE_CODE_CATALOG, 'Read')).toMatchObject({
      radius: 'read',
      dataAccess: 'sensitive',
      egress: [],
      untrustedInput: false,
    });
  });

  it('the catalog of an agent follows its id', () => {
    expect(catalogForAgent('claude:agents/a')).toBe(CLAUDE_CODE_CATALOG);
    expect(catalogForAgent('copilot:agents/a')).toBe(VSCODE_CATALOG);
    expect(catalogForAgent('gh-aw:workflows/a')).toBe(GH_AW_CATALOG);
    expect(catalogForAgent('support/system')).toBeUndefined();
  });
});
