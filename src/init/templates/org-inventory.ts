// The controller workflow `init --org` writes: lists the GitHub App installation's repositories, fans out over an
// Actions matrix of at most MAX_JOBS jobs (each a batch of repositories), runs `agentgate inventory` and uploads to
// each repository's code scanning, then merges every result into the org report and the hash-chained ledger.
// API quota, not CPU, is the limit: every step paces itself by the rate-limit headers, and a re-run skips each
// repository whose stored inventory is already at its current head (it resumes where it stopped).
import {
  CHECKOUT_ACTION,
  CHECKOUT_RELEASE,
  DOWNLOAD_ARTIFACT_ACTION,
  DOWNLOAD_ARTIFACT_RELEASE,
  UPLOAD_ARTIFACT_ACTION,
  UPLOAD_ARTIFACT_RELEASE,
} from './pins.js';
import { appTokenStep } from './steps.js';

export const ORG_INVENTORY_PATH = '.github/workflows/agentgate-inventory.yml';
/** GitHub Actions' limit of jobs one matrix may generate. */
export const MAX_MATRIX_JOBS = 256;

export interface OrgInventoryOptions {
  maxJobs: number;
  /** agentgate's repository and the full commit sha its CLI is built from */
  agentgate: { repository: string; sha: string; comment: string };
}

/** Waits while the rate limit is nearly spent: a shell function every step that calls the API sources. */
const PACE = `pace() {
            # x-ratelimit-remaining / x-ratelimit-reset from GET /rate_limit (which costs no quota)
            local headers remaining reset now
            headers=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $GH_TOKEN" "$GITHUB_API_URL/rate_limit")
            remaining=$(printf '%s' "$headers" | tr -d '\\r' | awk -F': ' 'tolower($1)=="x-ratelimit-remaining"{print $2}')
            reset=$(printf '%s' "$headers" | tr -d '\\r' | awk -F': ' 'tolower($1)=="x-ratelimit-reset"{print $2}')
            now=$(date +%s)
            if [ -n "$remaining" ] && [ "$remaining" -lt "\${RESERVE:-200}" ] && [ -n "$reset" ] && [ "$reset" -gt "$now" ]; then
              echo "rate limit: $remaining left, waiting $((reset - now + 5))s for the reset"
              sleep $((reset - now + 5))
            fi
          }`;

export function orgInventoryTemplate(options: OrgInventoryOptions): string {
  const { maxJobs, agentgate } = options;
  const installationToken = appTokenStep({
    name: 'A GitHub App token for the installation',
    ownerWide: true,
  });
  const agentgateCli = `      - name: agentgate CLI (built from ${agentgate.repository} at a pinned commit; no package name is resolved)
        uses: ${CHECKOUT_ACTION} # ${CHECKOUT_RELEASE}
        with:
          repository: ${agentgate.repository}
          ref: ${agentgate.sha} # ${agentgate.comment}
          path: .agentgate-cli
          persist-credentials: false
      - name: Build the CLI
        working-directory: .agentgate-cli
        run: npm ci --no-audit --no-fund && npm run build`;
  return `# agentgate inventory: every repository's agent authority, into code scanning and one tamper-evident ledger.
# Runs on GitHub Actions only. Needs a GitHub App installed on the repositories to inventory, with these
# permissions: Contents read, Metadata read, Code scanning alerts read and write. Its client id goes in the
# variable AGENTGATE_APP_CLIENT_ID, its private key in the secret AGENTGATE_APP_PRIVATE_KEY. The ledger is
# committed to this repository with the job's own token (contents: write on this repository only).
name: agentgate inventory

on:
  schedule:
    - cron: '17 3 * * *'
  workflow_dispatch:

permissions:
  contents: write

concurrency:
  group: agentgate-inventory
  cancel-in-progress: false

env:
  MAX_JOBS: '${maxJobs}'
  RESERVE: '200'

jobs:
  plan:
    runs-on: ubuntu-latest
    timeout-minutes: 30
    outputs:
      batches: \${{ steps.list.outputs.batches }}
    steps:
${installationToken}      - name: List the installation's repositories (GET /installation/repositories) and cut them into batches
        id: list
        env:
          GH_TOKEN: \${{ steps.app-token.outputs.token }}
        run: |
          set -euo pipefail
          ${PACE}
          : > repos.txt
          page=1
          while :; do
            pace
            body=$(curl -sSf -H "Authorization: Bearer $GH_TOKEN" -H "Accept: application/vnd.github+json" \\
              "$GITHUB_API_URL/installation/repositories?per_page=100&page=$page")
            printf '%s' "$body" | jq -r '.repositories[] | select(.archived | not) | .full_name' >> repos.txt
            [ "$(printf '%s' "$body" | jq '.repositories | length')" -lt 100 ] && break
            page=$((page + 1))
          done
          count=$(wc -l < repos.txt)
          # at most MAX_JOBS batches (Actions allows 256 jobs per matrix), each a slice of the repositories
          size=$(( (count + MAX_JOBS - 1) / MAX_JOBS )); [ "$size" -lt 1 ] && size=1
          batches=$(jq -R -s -c --argjson size "$size" 'split("\\n") | map(select(length > 0)) | [range(0; length; $size) as $i | .[$i:$i + $size]]' repos.txt)
          echo "$count repositories in $(printf '%s' "$batches" | jq length) batches of up to $size"
          echo "batches=$batches" >> "$GITHUB_OUTPUT"

  inventory:
    needs: plan
    if: needs.plan.outputs.batches != '[]'
    runs-on: ubuntu-latest
    timeout-minutes: 120
    strategy:
      fail-fast: false
      max-parallel: 20
      matrix:
        batch: \${{ fromJSON(needs.plan.outputs.batches) }}
    steps:
      - name: Check out this repository (the stored inventories tell what is already done)
        uses: ${CHECKOUT_ACTION} # ${CHECKOUT_RELEASE}
        with:
          persist-credentials: false
${agentgateCli}
${installationToken}      - name: Inventory each repository of the batch and upload it to its code scanning
        env:
          GH_TOKEN: \${{ steps.app-token.outputs.token }}
          AGENTGATE_TOKEN: \${{ steps.app-token.outputs.token }}
          BATCH: \${{ toJSON(matrix.batch) }}
        run: |
          set -uo pipefail
          ${PACE}
          AG="node $GITHUB_WORKSPACE/.agentgate-cli/dist/bin/agentgate.js"
          mkdir -p out work
          failed=0
          for repo in $(printf '%s' "$BATCH" | jq -r '.[]'); do
            name=\${repo//\\//__}
            url="https://x-access-token:\${GH_TOKEN}@\${GITHUB_SERVER_URL#https://}/\${repo}.git"
            head=$(git ls-remote "$url" HEAD | cut -f1)
            stored="inventory/$name.json"
            # resume: a repository whose stored inventory is at its current head is done
            if [ -n "$head" ] && [ -f "$stored" ] && [ "$(jq -r .commit "$stored")" = "$head" ]; then
              cp "$stored" "out/$name.json"; continue
            fi
            pace
            if git clone --quiet --filter=blob:none --no-checkout --depth 1 "$url" "work/$name" \\
              && (cd "work/$name" && $AG inventory --repository "$repo" --out "$GITHUB_WORKSPACE/out/$name.json" --upload); then
              echo "inventoried $repo"
            else
              echo "::warning::agentgate inventory failed for $repo (re-run failed jobs to resume)"; failed=1
            fi
            rm -rf "work/$name"
          done
          exit $failed
      - name: Keep the batch's inventories for the merge
        if: always()
        uses: ${UPLOAD_ARTIFACT_ACTION} # ${UPLOAD_ARTIFACT_RELEASE}
        with:
          name: inventory-\${{ strategy.job-index }}
          path: out/
          if-no-files-found: ignore
          retention-days: 7

  merge:
    needs: inventory
    if: always() && needs.inventory.result != 'skipped'
    runs-on: ubuntu-latest
    timeout-minutes: 30
    steps:
      - name: Check out this repository (the ledger and the stored inventories)
        uses: ${CHECKOUT_ACTION} # ${CHECKOUT_RELEASE}
${agentgateCli}
      - name: Collect every batch's inventories
        uses: ${DOWNLOAD_ARTIFACT_ACTION} # ${DOWNLOAD_ARTIFACT_RELEASE}
        with:
          pattern: inventory-*
          merge-multiple: true
          path: new/
      - name: Merge into the org report and the ledger
        env:
          LOG_KEY: \${{ secrets.AGENTGATE_LOG_KEY }}
        run: |
          set -euo pipefail
          # a keyed ledger (HMAC-SHA256) when the secret is set
          if [ -n "$LOG_KEY" ]; then export AGENTGATE_LOG_KEY="$LOG_KEY"; fi
          mkdir -p inventory new
          cp new/*.json inventory/ 2>/dev/null || true
          AG="node $GITHUB_WORKSPACE/.agentgate-cli/dist/bin/agentgate.js"
          [ -f ledger.jsonl ] && $AG intent verify-log ledger.jsonl
          $AG inventory merge inventory --ledger ledger.jsonl --out report.md
          cat report.md >> "$GITHUB_STEP_SUMMARY"
      - name: Commit the ledger and the inventories
        run: |
          git config user.name "agentgate-inventory"
          git config user.email "agentgate-inventory@users.noreply.github.com"
          git add ledger.jsonl inventory
          git diff --cached --quiet || git commit -q -m "agentgate inventory: run \${{ github.run_id }}"
          git push
`;
}
