// The workflow `agentgate init` writes: the repository's own .github/workflows/agentgate.yml, with the action
// step replaced by the published CLI pinned to the version that wrote it.

export const WORKFLOW_PATH = '.github/workflows/agentgate.yml';

export function workflowTemplate(version: string): string {
  return `# agentgate: one status check per plane on every pull request.
#
# Runs on pull_request_target so that pull requests from forks get a token that may set statuses and comment.
# That is safe ONLY because this job never executes anything from the pull request: it checks out the BASE,
# fetches the PR head as git objects, and reads them as data with the base's config. Never add a step that
# checks out the PR's files into the workspace and builds, installs or runs them (npm install, make, scripts,
# actions from the PR) to this workflow.
name: agentgate

on:
  pull_request_target:
    types: [opened, synchronize, reopened, ready_for_review]
  pull_request_review:
    types: [submitted, edited, dismissed]
  issue_comment:
    types: [created, edited]

permissions:
  contents: read
  statuses: write
  pull-requests: write

concurrency:
  group: agentgate-\${{ github.event.pull_request.number || github.event.issue.number }}
  cancel-in-progress: false

jobs:
  gate:
    # comments: only on pull requests, only commands (or edits, which may withdraw one), never our own report
    if: >-
      github.event_name != 'issue_comment' ||
      (github.event.issue.pull_request &&
       (github.event.action == 'edited' || contains(github.event.comment.body, '/agentgate')) &&
       !contains(github.event.comment.body, '<!-- agentgate:report -->'))
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - name: Check out the base (trusted code and config only)
        uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.base.sha || github.event.repository.default_branch }}
          fetch-depth: 0

      - name: Fetch the PR head as git objects only (never checked out, never run)
        env:
          PR: \${{ github.event.pull_request.number || github.event.issue.number }}
        run: git fetch --no-tags origin "+refs/pull/\${PR}/head:refs/remotes/pull/\${PR}/head"

      - uses: actions/setup-node@v4
        with:
          node-version: 20

      - name: agentgate
        env:
          GITHUB_TOKEN: \${{ github.token }}
          # optional: a token with read:org lets team signers count
          AGENTGATE_TOKEN: \${{ secrets.AGENTGATE_TOKEN }}
        run: npx --yes agentgate@${version} check
`;
}
