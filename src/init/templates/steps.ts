// Step blocks more than one workflow template writes, so a pinned action or a safety comment changes in one place.
// Each returns YAML lines indented as a job's `steps:` entries (six spaces), ending in a newline.
import { APP_TOKEN_ACTION, APP_TOKEN_RELEASE, CHECKOUT_ACTION, CHECKOUT_RELEASE } from './pins.js';

/** Checks out the base commit: the only code and config a gate job may trust. */
export function baseCheckoutStep(refExpression: string): string {
  return `      - name: Check out the base (trusted code and config only)
        uses: ${CHECKOUT_ACTION} # ${CHECKOUT_RELEASE}
        with:
          ref: \${{ ${refExpression} }}
          fetch-depth: 0
`;
}

/** Fetches the pull request's head (or the merge group's) as git objects: never checked out, never run. */
export function fetchHeadStep(prExpression: string): string {
  return `      - name: Fetch the head as git objects only (never checked out, never run)
        env:
          PR: \${{ ${prExpression} }}
          GROUP_REF: \${{ github.event.merge_group.head_ref }}
        run: |
          if [ -n "$GROUP_REF" ]; then
            git fetch --no-tags origin "+\${GROUP_REF}:refs/remotes/merge-group/head"
          else
            git fetch --no-tags origin "+refs/pull/\${PR}/head:refs/remotes/pull/\${PR}/head"
          fi
`;
}

interface AppTokenStep {
  readonly name: string;
  /** a step `if:` condition, when the token is optional */
  readonly condition?: string;
  /** a token for the whole owner's installation, not only this repository */
  readonly ownerWide?: boolean;
}

/** A GitHub App installation token from the repository variable and secret the docs name. */
export function appTokenStep(step: AppTokenStep): string {
  return `      - name: ${step.name}
        id: app-token
${step.condition ? `        if: ${step.condition}\n` : ''}        uses: ${APP_TOKEN_ACTION} # ${APP_TOKEN_RELEASE}
        with:
          client-id: \${{ vars.AGENTGATE_APP_CLIENT_ID }}
          private-key: \${{ secrets.AGENTGATE_APP_PRIVATE_KEY }}
${step.ownerWide ? '          owner: ${{ github.repository_owner }}\n' : ''}`;
}
