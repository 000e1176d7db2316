import { describe, expect, it } from 'vitest';
import { readGitHubEnv } from '../../src/github/env.js';

describe('readGitHubEnv: the job token', () => {
  it("recognises the job's installation token only inside Actions", () => {
    expect(readGitHubEnv({ GITHUB_ACTIONS: 'true', GITHUB_TOKEN: 'ghs_x' }).actionsToken).toBe(true);
    expect(readGitHubEnv({ GITHUB_ACTIONS: 'true', AGENTGATE_TOKEN: 'ghs_x' }).actionsToken).toBe(true);
    expect(readGitHubEnv({ GITHUB_TOKEN: 'ghs_x' }).actionsToken).toBe(false);
    expect(readGitHubEnv({ GITHUB_ACTIONS: 'false', GITHUB_TOKEN: 'ghs_x' }).actionsToken).toBe(false);
  });

  it('never takes a personal or user token for it, whichever variable carries it', () => {
    for (const token of ['ghp_x', 'github_pat_x', 'gho_x', 'ghu_x', ''])
      expect(readGitHubEnv({ GITHUB_ACTIONS: 'true', GITHUB_TOKEN: token }).actionsToken).toBe(false);
    // AGENTGATE_TOKEN wins over GITHUB_TOKEN, so a PAT there is asked who it is
    expect(
      readGitHubEnv({ GITHUB_ACTIONS: 'true', AGENTGATE_TOKEN: 'ghp_x', GITHUB_TOKEN: 'ghs_y' }).actionsToken,
    ).toBe(false);
  });
});
