// The required workflow `init --org` writes for an org ruleset ("require workflows to pass"): it runs in every
// repository's pull requests from the central repository, so a repository owner's PR cannot edit the gate (or the
// floor) that judges it.
import type { ActionUse } from '../action-ref.js';
import { ORG_FLOOR_PATH } from './org-floor.js';
import { CHECKOUT_ACTION, CHECKOUT_RELEASE } from './pins.js';
import { appTokenStep, baseCheckoutStep, fetchHeadStep } from './steps.js';

export const ORG_REQUIRED_PATH = '.github/workflows/agentgate-required.yml';

export function orgRequiredTemplate(agentgate: ActionUse): string {
  return `# agentgate, required by an org ruleset ("require workflows to pass") for every repository it targets.
# Roll it out in Evaluate mode first: the ruleset reports what it would block without blocking anything.
# It never runs the pull request's code: it checks out the base, fetches the head as git objects, and judges them
# with the base's config on top of the central floor (${ORG_FLOOR_PATH} of this repository).
name: agentgate (required)

on:
  pull_request:
    types: [opened, synchronize, reopened, ready_for_review]
  merge_group:
    types: [checks_requested]

permissions:
  contents: read
  statuses: write
  pull-requests: write

jobs:
  agentgate:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
${baseCheckoutStep('github.event.pull_request.base.sha || github.event.merge_group.base_sha')}
${fetchHeadStep('github.event.pull_request.number')}
${appTokenStep({
  name: 'A GitHub App token (contents read on the central repository, statuses and pull requests write)',
  ownerWide: true,
})}
      - name: Check out the org floor (the central repository, never the pull request)
        uses: ${CHECKOUT_ACTION} # ${CHECKOUT_RELEASE}
        with:
          repository: \${{ vars.AGENTGATE_CENTRAL_REPOSITORY || format('{0}/.agentgate', github.repository_owner) }}
          token: \${{ steps.app-token.outputs.token }}
          path: .agentgate-central
          sparse-checkout: ${ORG_FLOOR_PATH}
          persist-credentials: false

      - name: agentgate
        uses: ${agentgate.uses} # ${agentgate.comment}
        with:
          token: \${{ steps.app-token.outputs.token }}
          floor: .agentgate-central/${ORG_FLOOR_PATH}
          app-slug: \${{ vars.AGENTGATE_APP_SLUG }}
`;
}
