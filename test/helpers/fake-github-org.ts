// The org-level endpoints of the fake GitHub: repository contents (floors), the App installation's repositories,
// and code-scanning SARIF uploads.
import { gunzipSync } from 'node:zlib';
import type { FakeRoute } from './fake-github.js';

export interface FakeOrgState {
  /** `owner/name:path@ref` -> file text */
  contents: Map<string, string>;
  /** the installation's repositories (full names, `owner/name`) and their default branches */
  installation: { fullName: string; defaultBranch: string }[];
  /** decoded code-scanning uploads */
  sarifs: { repository: string; commitSha: string; ref: string; sarif: unknown }[];
  /** rate-limit headers every answer carries */
  rateLimit: { limit: number; remaining: number; reset: number };
}

export function createOrgState(): FakeOrgState {
  return {
    contents: new Map(),
    installation: [],
    sarifs: [],
    rateLimit: { limit: 5000, remaining: 4999, reset: Math.floor(Date.now() / 1000) + 3600 },
  };
}

const headersOf = (org: FakeOrgState): Record<string, string> => ({
  'x-ratelimit-limit': String(org.rateLimit.limit),
  'x-ratelimit-remaining': String(org.rateLimit.remaining),
  'x-ratelimit-reset': String(org.rateLimit.reset),
});

export function orgRoutes(org: FakeOrgState, fakeUrl: () => string): FakeRoute[] {
  return [
    {
      method: 'GET',
      template: '/repos/{owner}/{repo}/contents/{path}',
      handle: ([owner, repo, path], _body, query) => {
        const ref = query.get('ref') ?? '';
        const text = org.contents.get(`${owner}/${repo}:${path}@${ref}`);
        if (text === undefined) return [404, { message: 'Not Found' }];
        const content = Buffer.from(text, 'utf8').toString('base64');
        return [
          200,
          {
            type: 'file',
            encoding: 'base64',
            size: Buffer.byteLength(text),
            name: String(path).split('/').pop(),
            path,
            content,
            sha: '0'.repeat(40),
            url: `${fakeUrl()}/repos/${owner}/${repo}/contents/${path}`,
          },
          headersOf(org),
        ];
      },
    },
    {
      method: 'GET',
      template: '/installation/repositories',
      handle: (_params, _body, query) => {
        const perPage = Number(query.get('per_page') ?? 30);
        const page = Number(query.get('page') ?? 1);
        const slice = org.installation.slice((page - 1) * perPage, page * perPage);
        const last = Math.ceil(org.installation.length / perPage);
        const headers: Record<string, string> = headersOf(org);
        if (page < last)
          headers.link = `<${fakeUrl()}/installation/repositories?per_page=${perPage}&page=${page + 1}>; rel="next"`;
        return [
          200,
          {
            total_count: org.installation.length,
            repositories: slice.map((r) => ({
              full_name: r.fullName,
              name: r.fullName.split('/')[1],
              owner: { login: r.fullName.split('/')[0] },
              default_branch: r.defaultBranch,
              archived: false,
            })),
          },
          headers,
        ];
      },
    },
    {
      method: 'POST',
      template: '/repos/{owner}/{repo}/code-scanning/sarifs',
      handle: ([owner, repo], body) => {
        const b = body as { commit_sha: string; ref: string; sarif: string };
        const sarif = JSON.parse(gunzipSync(Buffer.from(b.sarif, 'base64')).toString('utf8')) as unknown;
        org.sarifs.push({ repository: `${owner}/${repo}`, commitSha: b.commit_sha, ref: b.ref, sarif });
        return [202, { id: `sarif-${org.sarifs.length}`, url: `${fakeUrl()}/x` }, headersOf(org)];
      },
    },
  ];
}
