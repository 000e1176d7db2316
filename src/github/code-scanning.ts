import { gzipSync } from 'node:zlib';
import { callGitHub } from './call.js';
import type { GitHubClient } from './client.js';

export interface SarifUpload {
  commitSha: string;
  /** `refs/heads/<branch>` */
  ref: string;
  /** the SARIF log as written */
  sarif: string;
}

/** `POST /repos/{owner}/{repo}/code-scanning/sarifs`, the log gzipped and base64-encoded as GitHub asks. */
export async function uploadSarif(
  client: GitHubClient,
  repository: string,
  upload: SarifUpload,
): Promise<{ id: string | null }> {
  const [owner, repo] = repository.split('/') as [string, string];
  const sarif = gzipSync(Buffer.from(upload.sarif, 'utf8')).toString('base64');
  const { data } = await callGitHub(`upload SARIF to ${repository}`, () =>
    client.rest.codeScanning.uploadSarif({
      owner,
      repo,
      commit_sha: upload.commitSha,
      ref: upload.ref,
      sarif,
    }),
  );
  return { id: (data as { id?: string }).id ?? null };
}
