// The real agent-config corpus (../shared/fixtures/agent-configs/), read in place and laid out at run time at the
// paths its repositories hold them, in temp folders only: nothing is copied into the project.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSourceLookup } from '../../src/sources/lookup.js';
import { sharedFixture } from './shared-fixtures.js';

// the corpus installs at default paths, read with no config
const sourceOf = createSourceLookup();
const isSourcePath = (path: string) => sourceOf(path) !== undefined;

export const CORPUS = sharedFixture('agent-configs');

/** Real files that do not parse (a Gemini settings file opening with a `#` line): unreadable by design. */
export const UNREADABLE = new Set(['gemini-settings/5throck__safety_os__.gemini__settings.json']);

export interface CorpusFile {
  /** the fixture, relative to CORPUS */
  fixture: string;
  /** where its repository holds it */
  path: string;
}

/**
 * Where a repository that installs a library file (awesome-copilot's `chatmodes/x.chatmode.md`, a plugin's
 * `agents/x.md`) puts it for its client: the folder of its format, the file name kept.
 */
const INSTALLED: Record<string, (name: string, path: string) => string> = {
  'claude-agents': (name) => `.claude/agents/${name}`,
  'claude-commands': (name) => `.claude/commands/${name}`,
  'claude-skills': (_name, path) => `.claude/skills/${path.split('/').at(-2) ?? 'skill'}/SKILL.md`,
  'claude-settings': () => '.claude/settings.json',
  'copilot-agents': (name) => `.github/agents/${name}`,
  'copilot-chatmodes': (name) => `.github/chatmodes/${name}`,
  'copilot-prompts': (name) => `.github/prompts/${name}`,
  'gh-aw-workflows': (name) => `.github/workflows/${name}`,
};

/** Every agent-definition file of the corpus, at its real path, else where a repository installs it. */
export function agentCorpusInstalled(): CorpusFile[] {
  const out: CorpusFile[] = [];
  for (const { fixture, path } of corpusRows()) {
    const format = fixture.split('/')[0] ?? '';
    const install = INSTALLED[format];
    if (!install) continue;
    out.push({ fixture, path: isSourcePath(path) ? path : install(path.split('/').at(-1) ?? path, path) });
  }
  return out;
}

/** Every corpus file whose real path is one a client reads by default (SOURCES.md's table). */
export function corpusAtSourcePaths(): CorpusFile[] {
  return corpusRows().filter((row) => isSourcePath(row.path));
}

function corpusRows(): CorpusFile[] {
  const table = readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8');
  const out: CorpusFile[] = [];
  for (const line of table.split('\n')) {
    const cells = /^\| `([^`]+)` \| [^|]+ \| `([^`]+)` \|/.exec(line);
    if (!cells) continue;
    const [, fixture = '', path = ''] = cells;
    if (existsSync(join(CORPUS, fixture))) out.push({ fixture, path });
  }
  return out;
}

/**
 * The files in rounds: several repositories hold a file at one path (`.claude/settings.json`), and one tree can
 * hold only one of them, so each round is one tree with at most one file per path.
 */
export function corpusRounds(files: readonly CorpusFile[] = corpusAtSourcePaths()): CorpusFile[][] {
  const rounds: CorpusFile[][] = [];
  for (const file of files) {
    let round = rounds.find((candidate) => !candidate.some((other) => other.path === file.path));
    if (!round) {
      round = [];
      rounds.push(round);
    }
    round.push(file);
  }
  return rounds;
}

/** Copies one round into `dir` at the real paths. */
export function layOut(dir: string, round: readonly CorpusFile[]): void {
  for (const file of round) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    copyFileSync(join(CORPUS, file.fixture), join(dir, file.path));
  }
}
