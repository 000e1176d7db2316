// A real git repository in a temp directory, for tests. Deterministic: fixed identities and dates, no user or
// system git config, no signing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TempRepo {
  dir: string;
  write(path: string, content: string | Buffer): void;
  remove(path: string): void;
  move(from: string, to: string): void;
  symlink(target: string, path: string): void;
  /** stages everything (`git add -A`) and commits; resolves to the new commit's sha */
  commit(message: string): Promise<string>;
  /** runs git in the repository and returns its trimmed stdout */
  git(...args: string[]): string;
  branch(name: string): void;
  checkout(name: string): void;
  cleanup(): void;
}

const BASE_TIME = Date.UTC(2024, 0, 1) / 1000;

/** git's environment for tests: nothing from the machine's config, no repository inherited from a hook. */
export function testGitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_CEILING_DIRECTORIES',
  ])
    delete env[key];
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Test Author',
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_COMMITTER_NAME: 'Test Committer',
    GIT_COMMITTER_EMAIL: 'committer@example.com',
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/** Runs git in dir with the test environment; returns trimmed stdout. */
export function runTestGit(dir: string, args: string[], extraEnv: Record<string, string> = {}): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], {
    cwd: dir,
    env: testGitEnv(extraEnv),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  }).replace(/\n$/, '');
}

export async function createTempRepo(options: { initialBranch?: string } = {}): Promise<TempRepo> {
  const dir = mkdtempSync(join(tmpdir(), 'agentgate-test-'));
  let commits = 0;
  const git = (...args: string[]): string => runTestGit(dir, args);
  git('init', '-q', `--initial-branch=${options.initialBranch ?? 'main'}`);
  git('config', 'core.autocrlf', 'false');
  const at = (path: string): string => join(dir, path);
  return {
    dir,
    write(path, content) {
      mkdirSync(dirname(at(path)), { recursive: true });
      writeFileSync(at(path), content);
    },
    remove(path) {
      rmSync(at(path), { recursive: true, force: true });
    },
    move(from, to) {
      mkdirSync(dirname(at(to)), { recursive: true });
      renameSync(at(from), at(to));
    },
    symlink(target, path) {
      mkdirSync(dirname(at(path)), { recursive: true });
      symlinkSync(target, at(path));
    },
    async commit(message) {
      // one second apart, so that history order never depends on ties
      const date = `@${BASE_TIME + commits++} +0000`;
      git('add', '-A');
      runTestGit(dir, ['commit', '-q', '--allow-empty', '-m', message], {
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      });
      return git('rev-parse', 'HEAD');
    },
    git,
    branch(name) {
      git('branch', name);
    },
    checkout(name) {
      git('checkout', '-q', name);
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
