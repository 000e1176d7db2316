import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/types.js';
import { agentCorpusInstalled, corpusRounds, layOut } from '../helpers/agent-corpus.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-validate-sources-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function json(args: string[] = []): { code: number; findings: Finding[] } {
  const result = runCli(['validate', '--format', 'json', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: Finding[] }).findings };
}

describe('validate on real Claude Code and Copilot repositories (the corpus, laid out at run time)', () => {
  const rounds = corpusRounds(agentCorpusInstalled());

  it.each(rounds.map((round, index) => [index, round] as const))(
    'round %i: no errors and no built-in reported unknown',
    (_index, round) => {
      layOut(dir, round);
      const { code, findings } = json();
      expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
      const unknown = findings.filter((f) => f.code === 'unknown-tool-binding');
      // a real file may bind an MCP server its user configures outside the repository: that warning names it
      for (const finding of unknown) expect(finding.message).toMatch(/MCP server|which no built-in/);
      expect(code).toBe(0);
    },
  );
});
