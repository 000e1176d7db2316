// Issue 9 classes 1, 3 and 9 through `check` against the fake GitHub: none of these may leave
// agentgate/control-plane at success.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeGitHub } from '../helpers/fake-github.js';
import type { TempRepo } from '../helpers/temp-repo.js';
import { ADMIN_TOOL, AUTHOR, PR_NUMBER, closeGitHubFixture, openGitHubFixture } from './harness.js';
import type { GitHubFixture } from './harness.js';
import { prompt, pullRequestEvent, runCheck } from './harness.js';

let fixture: GitHubFixture;
let fake: FakeGitHub;
let repo: TempRepo;
let base: string;

beforeEach(async () => {
  fixture = await openGitHubFixture();
  ({ fake, repo, base } = fixture);
});
afterEach(() => closeGitHubFixture(fixture));

async function openPull(
  files: Record<string, string>,
  baseFiles: Record<string, string> = {},
): Promise<Record<string, { state: string } | undefined>> {
  if (Object.keys(baseFiles).length > 0) {
    for (const [path, text] of Object.entries(baseFiles)) repo.write(path, text);
    base = await repo.commit('base, with more');
  }
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  const head = await repo.commit('the pull request');
  fake.addPull({ number: PR_NUMBER, author: AUTHOR, baseSha: base, headSha: head });
  await runCheck(fake, repo, pullRequestEvent({ base, head }));
  return fake.latestStatuses(head);
}

describe('check holds what it cannot classify or read', () => {
  for (const name of ['admin\n.yaml', 'admin\u2028.yaml', 'admin\u202e.yaml']) {
    const shown = name.replace(
      /[^\x20-\x7e]/g,
      (ch) => `<U+${ch.charCodeAt(0).toString(16).padStart(4, '0')}>`,
    );
    it(`a manifest named ${shown} fails both planes`, async () => {
      const statuses = await openPull({ [`registry/tools/${name}`]: ADMIN_TOOL });
      expect(statuses['agentgate/control-plane']?.state).toBe('failure');
      expect(statuses['agentgate/data-plane']?.state).toBe('failure');
    });
  }

  it('a prompt whose front matter does not parse holds the control plane', async () => {
    const statuses = await openPull({
      'registry/prompts/support/system.md': '---\nid: support/system\ntools: [read_ticket, admin\n---\nhi\n',
    });
    expect(statuses['agentgate/control-plane']?.state).not.toBe('success');
  });

  it('a second prompt with the same id that sorts first cannot bind a tool unseen', async () => {
    const statuses = await openPull(
      { 'registry/prompts/aaa.md': prompt(1, ['admin_billing_update'], 'Also me.') },
      { 'registry/tools/admin.yaml': ADMIN_TOOL },
    );
    expect(statuses['agentgate/control-plane']?.state).toBe('failure');
    expect(statuses['agentgate/data-plane']?.state).toBe('failure');
  });
});
