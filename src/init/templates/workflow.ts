// The workflow `agentgate init` writes. The repository's own .github/workflows/agentgate.yml is this template with
// the action at `./` (a test keeps the two equal). Every `uses:` is a full commit sha: a tag can be moved.
import type { ActionUse } from '../action-ref.js';
import { appTokenStep, baseCheckoutStep, fetchHeadStep } from './steps.js';

export const WORKFLOW_PATH = '.github/workflows/agentgate.yml';

export function workflowTemplate(agentgate: ActionUse): string {
  return `# agentgate: one status check per plane on every pull request and merge-queue group.
#
# Runs on pull_request_target so that pull requests from forks get a token that may set statuses and comment.
# That is safe ONLY because this job never executes anything from the pull request: it checks out the BASE,
# fetches the head as git objects, and reads them as data with the base's config. Never add a step that checks
# out the PR's files into the workspace and builds, installs or runs them (package installs, make, scripts,
# actions from the PR) to this workflow. Every action is pinned to a full commit sha, because a tag can be moved.
#
# Any workflow with statuses: write can post agentgate/control-plane, including one a pull request adds. Post
# the statuses from a GitHub App instead (repository variable AGENTGATE_APP_CLIENT_ID, secret
# AGENTGATE_APP_PRIVATE_KEY) and require both checks from that app in branch protection. See docs/github.md.
name: agentgate

on:
  pull_request_target:
    types: [opened, synchronize, reopened, ready_for_review]
  pull_request_review:
    types: [submitted, edited, dismissed]
  issue_comment:
    types: [created, edited]
  merge_group:
    types: [checks_requested]

permissions:
  contents: read
  statuses: write
  pull-requests: write

concurrency:
  group: agentgate-\${{ github.event.pull_request.number || github.event.issue.number || github.event.merge_group.head_sha }}
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
${baseCheckoutStep(
  'github.event.pull_request.base.sha || github.event.merge_group.base_sha || github.event.repository.default_branch',
)}
${fetchHeadStep('github.event.pull_request.number || github.event.issue.number')}
${appTokenStep({
  name: 'A GitHub App token, when one is configured (then require both checks from that app)',
  condition: "vars.AGENTGATE_APP_CLIENT_ID != ''",
})}
      - name: agentgate
        uses: ${agentgate.uses} # ${agentgate.comment}
        with:
          # an App token, else AGENTGATE_TOKEN (read:org lets team signers count), else the job's own token
          token: \${{ steps.app-token.outputs.token || secrets.AGENTGATE_TOKEN || github.token }}
`;
}
