// The radius of a shell command a permission rule allows, by its leading words. Data only: the longest listed
// prefix of the command's words wins; a command no entry names is privileged (a shell can do anything).
// Sources: POSIX and GNU coreutils manuals, git, npm, cargo and gh manuals (what each subcommand does).
import type { Radius } from '../../../model/types.js';

export const SHELL_COMMANDS: Readonly<Record<string, Radius>> = {
  // reads files or state, changes nothing
  ...of('read', ['ls', 'cat', 'head', 'tail', 'less', 'more', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'wc']),
  ...of('read', ['pwd', 'which', 'whereis', 'file', 'stat', 'tree', 'du', 'df', 'diff', 'cmp', 'sort']),
  ...of('read', ['uniq', 'cut', 'tr', 'nl', 'jq', 'yq', 'basename', 'dirname', 'realpath', 'readlink']),
  ...of('read', ['echo', 'printf', 'true', 'false', 'test', 'date', 'uname', 'whoami', 'id', 'hostname']),
  ...of('read', ['sha256sum', 'shasum', 'md5sum', 'cksum', 'column', 'fold', 'fmt', 'rev', 'tac', 'od']),
  ...of('read', ['git status', 'git log', 'git diff', 'git show', 'git blame', 'git rev-parse']),
  ...of('read', ['git ls-files', 'git ls-tree', 'git describe', 'git shortlog', 'git grep', 'git cat-file']),
  ...of('read', ['npm ls', 'npm list', 'npm outdated', 'node --version', 'npm --version', 'cargo tree']),
  ...of('read', ['gh pr view', 'gh pr list', 'gh pr diff', 'gh pr checks', 'gh issue view', 'gh issue list']),
  ...of('read', ['gh run view', 'gh run list', 'go vet', 'go list', 'go version', 'python --version']),
  // builds and tests: they execute the repository's own code, or edit the work tree (reversible)
  ...of('write', ['npm run', 'npm test', 'npm run test', 'npm run build', 'npm run lint', 'yarn test']),
  ...of('write', ['yarn run', 'yarn build', 'yarn lint', 'pnpm test', 'pnpm run', 'pnpm build', 'bun test']),
  ...of('write', ['bun run', 'make', 'cmake', 'ninja', 'pytest', 'python -m pytest', 'tox', 'nox', 'jest']),
  ...of('write', ['vitest', 'mocha', 'tsc', 'eslint', 'prettier', 'ruff', 'black', 'mypy', 'flake8']),
  ...of('write', ['cargo test', 'cargo build', 'cargo check', 'cargo clippy', 'cargo fmt', 'cargo run']),
  ...of('write', ['go test', 'go build', 'go fmt', 'go run', 'gradle', './gradlew', 'mvn', 'dotnet test']),
  ...of('write', ['dotnet build', 'mkdir', 'touch', 'cp', 'mv', 'ln', 'sed', 'awk', 'tee', 'patch']),
  ...of('write', ['git add', 'git commit', 'git checkout', 'git switch', 'git stash', 'git restore']),
  ...of('write', ['git merge', 'git rebase', 'git cherry-pick', 'git fetch', 'git pull', 'git branch']),
  ...of('write', ['git tag', 'git mv', 'git worktree', 'git apply']),
  // deletes, publishes or pushes: nothing a revert brings back
  ...of('irreversible', ['rm', 'rmdir', 'shred', 'unlink', 'truncate', 'git push', 'git reset', 'git clean']),
  ...of('irreversible', ['git rm', 'git branch -D', 'npm publish', 'npm unpublish', 'npm deprecate']),
  ...of('irreversible', ['yarn publish', 'pnpm publish', 'cargo publish', 'twine upload', 'docker push']),
  ...of('irreversible', ['gh pr create', 'gh pr merge', 'gh pr close', 'gh pr comment', 'gh issue create']),
  ...of('irreversible', ['gh issue close', 'gh issue comment', 'gh release create', 'gh release delete']),
  ...of('irreversible', ['gh repo delete', 'kill', 'pkill', 'killall']),
  // reaches the network, runs arbitrary code, or changes who may do what
  ...of('privileged', ['curl', 'wget', 'ssh', 'scp', 'sftp', 'rsync', 'nc', 'ncat', 'telnet', 'ftp']),
  ...of('privileged', ['gh api', 'gh auth', 'gh secret', 'gh workflow run', 'sudo', 'su', 'doas']),
  ...of('privileged', ['chmod', 'chown', 'chgrp', 'bash', 'sh', 'zsh', 'fish', 'dash', 'eval', 'exec']),
  ...of('privileged', ['source', 'xargs', 'env', 'printenv', 'node', 'python', 'python3', 'ruby', 'perl']),
  ...of('privileged', ['deno', 'npx', 'bunx', 'pnpx', 'uvx', 'pipx', 'npm install', 'npm i', 'npm ci']),
  ...of('privileged', ['npm exec', 'yarn add', 'pnpm add', 'pip install', 'pip3 install', 'uv pip']),
  ...of('privileged', ['cargo install', 'go install', 'go get', 'docker', 'podman', 'kubectl', 'helm']),
  ...of('privileged', ['terraform', 'aws', 'gcloud', 'az', 'crontab', 'systemctl', 'launchctl']),
};

/** `find` reads, unless an action runs a command (`-exec`) or deletes (`-delete`). */
export const FIND_ACTIONS: Readonly<Record<string, Radius>> = {
  '-exec': 'privileged',
  '-execdir': 'privileged',
  '-ok': 'privileged',
  '-okdir': 'privileged',
  '-delete': 'irreversible',
  '-fprint': 'write',
  '-fprintf': 'write',
  '-fls': 'write',
};

/**
 * The tools whose permission rules name a shell command (`Bash(ls:*)`, gh-aw `bash(git status)`, Cursor CLI
 * `Shell(git status)`).
 */
export const SHELL_TOOLS: ReadonlySet<string> = new Set([
  'Bash',
  'Shell',
  'bash',
  'shell',
  'powershell',
  'run_shell_command',
  'runCommands',
  'runInTerminal',
]);

function of(radius: Radius, commands: readonly string[]): Record<string, Radius> {
  return Object.fromEntries(commands.map((command) => [command, radius]));
}
