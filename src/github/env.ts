import { DEFAULT_API_URL } from './client.js';

/** What a GitHub Actions job tells a step through its environment. */
export interface GitHubEnv {
  eventName: string | undefined;
  eventPath: string | undefined;
  repository: string | undefined;
  apiUrl: string;
  /** AGENTGATE_TOKEN first: it may carry read:org for team signers, which Actions' token cannot */
  token: string | undefined;
  tokenSource: 'AGENTGATE_TOKEN' | 'GITHUB_TOKEN' | null;
  /**
   * Inside Actions with an installation token (`ghs_`, what `github.token` is): a token GitHub never answers
   * GET /user for. Outside Actions nothing is assumed.
   */
  actionsToken: boolean;
  summaryPath: string | undefined;
  /** the workflow run, when known: where the job summary is */
  runUrl: string | null;
}

const nonEmpty = (value: string | undefined): string | undefined =>
  value && value.trim() !== '' ? value : undefined;

export function readGitHubEnv(env: NodeJS.ProcessEnv): GitHubEnv {
  const agentgateToken = nonEmpty(env.AGENTGATE_TOKEN);
  const githubToken = nonEmpty(env.GITHUB_TOKEN);
  const repository = nonEmpty(env.GITHUB_REPOSITORY);
  const runId = nonEmpty(env.GITHUB_RUN_ID);
  const server = (nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com').replace(/\/+$/, '');
  return {
    eventName: nonEmpty(env.GITHUB_EVENT_NAME),
    eventPath: nonEmpty(env.GITHUB_EVENT_PATH),
    repository,
    apiUrl: nonEmpty(env.GITHUB_API_URL) ?? DEFAULT_API_URL,
    token: agentgateToken ?? githubToken,
    tokenSource: agentgateToken ? 'AGENTGATE_TOKEN' : githubToken ? 'GITHUB_TOKEN' : null,
    actionsToken: env.GITHUB_ACTIONS === 'true' && (agentgateToken ?? githubToken ?? '').startsWith('ghs_'),
    summaryPath: nonEmpty(env.GITHUB_STEP_SUMMARY),
    runUrl:
      repository && runId && /^\d+$/.test(runId) ? `${server}/${repository}/actions/runs/${runId}` : null,
  };
}
