import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScopeView } from '../../src/core/history/scope.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSourceLookup } from '../../src/sources/lookup.js';
import { collectSources } from '../../src/sources/source-set.js';
import {
  CORPUS,
  UNREADABLE,
  agentCorpusInstalled,
  corpusAtSourcePaths,
  corpusRounds,
  layOut,
} from '../helpers/agent-corpus.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const scope = (...args: string[]) => runCli(['scope', ...args], { cwd: repo.dir });
const scopeJson = (...args: string[]): ScopeView => {
  const result = scope(...args, '--format', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ScopeView;
};

beforeEach(async () => {
  repo = await createTempRepo();
});
afterEach(() => repo.cleanup());

/** Corpus folders of agent-definition files: each file is an agent on the surface. */
const AGENT_FORMATS = new Set([
  ...['claude-agents', 'claude-commands', 'claude-skills', 'copilot-agents', 'copilot-chatmodes'],
  ...['copilot-prompts', 'gh-aw-workflows'],
]);
/** A real settings file that is not JSON: an error by design, laid out by the validate tests instead. */
const readable = (file: { fixture: string }) => !UNREADABLE.has(file.fixture);

describe('agentgate scope over the real corpus, laid out at run time', () => {
  it.each(
    corpusRounds([...corpusAtSourcePaths().filter(readable), ...agentCorpusInstalled()]).map(
      (round, i) => [i, round] as const,
    ),
  )('round %i: every server and agent of the files is listed', (_i, round) => {
    layOut(repo.dir, round);
    const view = scopeJson();
    expect(view.findings).toEqual([]);
    const agentFiles = new Set(view.agents.map((agent) => agent.path));
    const serverFiles = new Set(view.servers.map((server) => server.path));
    for (const file of round) {
      const format = file.fixture.split('/')[0]!;
      if (AGENT_FORMATS.has(format))
        expect(agentFiles.has(file.path) || format === 'gh-aw-workflows', file.path).toBe(true);
    }
    // every server the adapters read from these files is on the surface, with its file
    const read = collectSources(
      round.map((file) => ({
        path: file.path,
        oid: 'x',
        text: readFileSync(join(CORPUS, file.fixture), 'utf8'),
      })),
      createSourceLookup(),
    );
    expect(view.servers.map((server) => `${server.path} ${server.name}`).sort()).toEqual(
      read.servers.map((server) => `${server.source.path} ${server.name}`).sort(),
    );
    for (const server of read.servers) expect(serverFiles.has(server.source.path)).toBe(true);
  });
});
