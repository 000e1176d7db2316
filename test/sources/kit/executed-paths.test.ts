import { describe, expect, it } from 'vitest';
import {
  commandWords,
  executedPaths,
  normalize,
  projectOf,
} from '../../../src/sources/kit/executed-paths.js';

describe('executed paths of a command line', () => {
  const bases = { relative: [''], variables: { CLAUDE_PLUGIN_ROOT: 'plugins/x' } };

  it('resolves plugin-root variables, relative scripts and interpreter arguments', () => {
    expect(executedPaths(commandWords('"${CLAUDE_PLUGIN_ROOT}/hooks/check.sh" --fast'), bases)).toEqual([
      'plugins/x/hooks/check.sh',
    ]);
    expect(executedPaths(commandWords('node ./mcp/index.js && python tools/lint.py'), bases)).toEqual([
      'mcp/index.js',
      'tools/lint.py',
    ]);
    expect(executedPaths(commandWords('bash --rcfile=./rc.sh'), bases)).toEqual(['rc.sh']);
  });

  it('names nothing for programs on PATH, urls, absolute paths, unknown variables or climbs out', () => {
    for (const line of [
      'git status',
      'curl https://x.example/a.sh',
      '/usr/bin/env',
      '$HOME/x.sh',
      '../../x.sh',
    ])
      expect(executedPaths(commandWords(line), bases), line).toEqual([]);
  });

  it('gives one candidate per base a client may resolve from', () => {
    expect(executedPaths(['hooks/a.sh'], { relative: ['', '.cursor'] })).toEqual([
      '.cursor/hooks/a.sh',
      'hooks/a.sh',
    ]);
  });

  it('normalizes and finds the project of a client file', () => {
    expect(normalize('a/./b/../c')).toBe('a/c');
    expect(normalize('../x')).toBeUndefined();
    expect(projectOf('app/.kiro/settings/mcp.json')).toBe('app');
    expect(projectOf('.cursor/hooks.json')).toBe('');
  });
});
