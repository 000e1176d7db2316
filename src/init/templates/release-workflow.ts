// The release workflow `agentgate init` writes: on every push to the default branch, a data-plane release
// at once and a control-plane release only when every capability change in it was signed off. Both run the Action
// pinned by full sha; the bundles are attached to a GitHub release per plane (gh, preinstalled on GitHub's runners).
import type { ActionUse } from '../action-ref.js';
import { ATTEST_ACTION, ATTEST_RELEASE, CHECKOUT_ACTION, CHECKOUT_RELEASE } from './pins.js';

export const RELEASE_WORKFLOW_PATH = '.github/workflows/agentgate-release.yml';

function releaseJob(plane: 'data' | 'control', agentgate: ActionUse): string {
  const signed = plane === 'control';
  return `  ${plane}:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    steps:
      - name: Check out the default branch with its history and tags
        uses: ${CHECKOUT_ACTION} # ${CHECKOUT_RELEASE}
        with:
          fetch-depth: 0
          fetch-tags: true

      - name: agentgate release --plane ${plane}${signed ? ' --require-signed' : ''}
        id: release
        uses: ${agentgate.uses} # ${agentgate.comment}
        env:
          # an Ed25519 private key (PEM) kept as a secret: the bundle is signed into <bundle>.sig, which runtimes
          # pinning its public key in release.publicKeys verify; unset, the bundle is not signed
          AGENTGATE_SIGNING_KEY: \${{ secrets.AGENTGATE_SIGNING_KEY }}
        with:
          command: release
          plane: ${plane}
          out: agentgate-releases${
            signed
              ? `
          require-signed: 'true'
          # sign-offs are read from the merged pull requests: read:org lets team signers count
          token: \${{ secrets.AGENTGATE_TOKEN || github.token }}`
              : ''
          }

      # runtimes pinning this workflow in release.signer verify it offline (<bundle>.sigstore.json)
      - name: Attest the bundle (GitHub artifact attestation, Sigstore)
        if: steps.release.outputs.released == 'true'
        id: attest
        uses: ${ATTEST_ACTION} # ${ATTEST_RELEASE}
        with:
          subject-path: \${{ steps.release.outputs.release-file }}

      - name: Push the tag and attach the bundle and its proofs to a GitHub release
        if: steps.release.outputs.released == 'true'
        env:
          GH_TOKEN: \${{ github.token }}
          TAG: \${{ steps.release.outputs.release-tag }}
          FILE: \${{ steps.release.outputs.release-file }}
          SIGNATURE: \${{ steps.release.outputs.release-signature }}
          ATTESTATION: \${{ steps.attest.outputs.bundle-path }}
        run: |
          cp "$ATTESTATION" "$FILE.sigstore.json"
          git push origin "refs/tags/$TAG"
          gh release create "$TAG" "$FILE" "$FILE.sigstore.json" $SIGNATURE --title "$TAG" --notes-from-tag --verify-tag
`;
}

/** A branch name as a workflow filter matching that branch only: GitHub reads `*?+![]` as pattern syntax. */
export function exactBranchFilter(branch: string): string {
  return branch.replace(/[*?+![\]\\]/g, (c) => `\\${c}`);
}

/** `defaultBranch`: the repository's default branch, as `init` learnt it (origin/HEAD, else the current branch). */
export function releaseWorkflowTemplate(agentgate: ActionUse, defaultBranch = 'main'): string {
  return `# agentgate: two release pipelines. Each push to the default branch releases the data plane (prompts) at once,
# and the control plane (tools, servers, bindings, permission rules) only when every capability change since its
# last release was signed off on its digest: a revocation ships at once, an unsigned escalation waits.
# Runtimes enforce the control bundle (agentgate intent check / guard --bundle). See docs/releases.md.
name: agentgate release

on:
  push:
    branches: [${JSON.stringify(exactBranchFilter(defaultBranch))}]

permissions:
  contents: write
  id-token: write # the attestation's Sigstore certificate for this run
  attestations: write

concurrency:
  group: agentgate-release-\${{ github.ref }}
  cancel-in-progress: false

jobs:
${releaseJob('data', agentgate)}
${releaseJob('control', agentgate)}`;
}
