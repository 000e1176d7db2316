import { createInterface } from 'node:readline/promises';
import { Chalk } from 'chalk';
import { formatSignoffCommand } from '../../core/gate/signoff-command.js';
import { currentBranch } from '../../git/refs.js';
import { GitHubApi } from '../../github/api.js';
import { createGitHubClient } from '../../github/client.js';
import { readGitHubEnv } from '../../github/env.js';
import { renderTextReport } from '../../render/text.js';
import { UsageError } from '../../errors.js';
import { readPullDiff } from '../../gate/pull-diff.js';
import { resolveRepo } from '../../gate/repo-ref.js';

export interface SignoffOptions {
  pr?: number;
  yes: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  print: (text: string) => void;
}

/**
 * `agentgate signoff`: shows the capability diff of the PR's head, asks, then posts
 * `/agentgate signoff sha256:…` so that the sign-off names exactly what was reviewed.
 */
export async function runSignoff(options: SignoffOptions): Promise<void> {
  const env = readGitHubEnv(options.env);
  if (!env.token)
    throw new UsageError(
      'no token: set AGENTGATE_TOKEN or GITHUB_TOKEN (a token that may comment on pull requests)',
    );
  const repo = await resolveRepo(options.cwd, env.repository);
  const api = new GitHubApi(createGitHubClient({ token: env.token, baseUrl: env.apiUrl }), repo);
  const number = options.pr ?? (await pullRequestOfBranch(api, options.cwd));
  const [pr, self, pushers] = await Promise.all([
    api.pullRequest(number),
    api.identity(),
    api.pullPushers(number),
  ]);
  if (self.toLowerCase() === pr.author.toLowerCase()) {
    throw new UsageError(
      `you (${self}) opened pull request #${number}: the author's own sign-off never counts`,
    );
  }
  if (pushers.logins.some((login) => login.toLowerCase() === self.toLowerCase())) {
    throw new UsageError(
      `you (${self}) authored or committed a commit of pull request #${number}: your sign-off would not count`,
    );
  }

  const read = await readPullDiff(options.cwd, pr.baseSha, pr.headSha);
  if (read.kind === 'not-in-clone')
    throw new UsageError(
      `pull request #${number}'s commits are not in this clone: run git fetch origin ${pr.baseRef} pull/${number}/head (${read.error.message})`,
    );
  const { report } = read.diff;
  const control = report.planes.control;
  const colour = options.env.NO_COLOR ? 0 : new Chalk().level;
  options.print(renderTextReport(report, new Chalk({ level: colour })));
  if (!control.changed) {
    options.print(`pull request #${number} changes no capability: there is nothing to sign.`);
    return;
  }
  options.print(
    `You are signing off capability digest ${control.digest}\nof ${repo.owner}/${repo.repo}#${number} at ${pr.headSha.slice(0, 12)}, as ${self}.`,
  );
  if (!options.yes) await confirm(options.stdin);
  const comment = await api.createComment(number, formatSignoffCommand(control.digest));
  options.print(`signed: ${comment.htmlUrl}`);
}

async function pullRequestOfBranch(api: GitHubApi, cwd: string): Promise<number> {
  const branch = await currentBranch(cwd);
  if (!branch) throw new UsageError('HEAD is detached: pass --pr N');
  const number = await api.openPullRequestFor(branch);
  if (number === null) throw new UsageError(`no open pull request for branch ${branch}: pass --pr N`);
  return number;
}

async function confirm(stdin: NodeJS.ReadStream): Promise<void> {
  if (!stdin.isTTY)
    throw new UsageError('stdin is not a terminal: pass --yes to sign without the confirmation prompt');
  const rl = createInterface({ input: stdin, output: process.stderr });
  try {
    const answer = await rl.question('Sign off? [y/N] ');
    if (!/^y(es)?$/i.test(answer.trim())) throw new UsageError('not signed');
  } finally {
    rl.close();
  }
}
