import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDiffReport } from '../../src/core/diff/build-diff.js';
import { ownersOf, parseCodeowners } from '../../src/parse/codeowners.js';
import { decideGate } from '../../src/core/gate/plan.js';
import { resolveGatePeople } from '../../src/core/gate/reviewers.js';
import type { PullRequestRef, ReviewerRequestPlan } from '../../src/core/gate/types.js';
import { DEFAULT_CONFIG } from '../../src/core/plane/config.js';
import { parseSnapshot } from '../../src/core/plane/parse-snapshot.js';
import type { Config, DiffReport } from '../../src/model/types.js';
import { gatherGateInputs } from '../../src/gate/check-inputs.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// Issue 10: reviewers and signers are resolved once per `check` run. What the report lists is what the check
// requests, and who may sign is the control plane's listed reviewers unless signers are configured.

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN_TOOL = readFileSync(join(ROOT, 'scripts/demo/admin-billing-update.yaml'), 'utf8');
const READ_TOOL = 'apiVersion: agentgate/v1\nkind: Tool\nname: read_things\neffect: read\n';
const prompt = (version: number) => `---\nid: support/system\nversion: ${version}\n---\nHelp.\n`;

/** What asking the report's listed reviewers means on GitHub: users by login, same-org teams by slug. */
function requestOf(report: DiffReport, author: string): ReviewerRequestPlan | null {
  const listed = [
    ...(report.planes.control.changed ? report.planes.control.reviewers : []),
    ...(report.planes.data.changed ? report.planes.data.reviewers : []),
  ];
  const users = new Map<string, string>();
  const teams = new Map<string, string>();
  for (const entry of listed) {
    const [org, slug] = entry.replace(/^@/, '').split('/');
    if (slug !== undefined && org === 'acme') teams.set(slug.toLowerCase(), slug);
    else if (slug === undefined && org!.toLowerCase() !== author) users.set(org!.toLowerCase(), org!);
  }
  if (users.size + teams.size === 0) return null;
  return { reviewers: [...users.values()], teamReviewers: [...teams.values()] };
}

const pr = (baseSha: string, headSha: string): PullRequestRef => ({
  number: 7,
  author: 'dev',
  baseSha,
  headSha,
  baseRef: 'main',
  headRef: 'feature',
  draft: false,
  open: true,
  requestedReviewers: [],
  requestedTeams: [],
});

describe('one check run resolves reviewers and signers once', () => {
  let repo: TempRepo;
  beforeEach(async () => {
    repo = await createTempRepo();
  });
  afterEach(() => repo.cleanup());

  it('requests exactly the reviewers the report lists, the data fallback included; signers are the control reviewers', async () => {
    // the changed prompt sits under an ownerless rule: the data plane falls back to the owners of its paths,
    // which the report used to leave out while the request asked them
    repo.write(
      '.github/CODEOWNERS',
      '/registry/tools/ @acme/tool-owners @alice\n/registry/prompts/ @acme/prompt-eng\n/registry/prompts/support/\n',
    );
    repo.write('registry/tools/read.yaml', READ_TOOL);
    repo.write('registry/prompts/support/system.md', prompt(1));
    const baseSha = await repo.commit('base');
    repo.write('registry/tools/admin.yaml', ADMIN_TOOL);
    repo.write('registry/prompts/support/system.md', prompt(2));
    const headSha = await repo.commit('admin tool and a prompt edit');

    const ref = pr(baseSha, headSha);
    const inputs = await gatherGateInputs(repo.dir, ref, null);
    const decision = decideGate({
      ...inputs,
      eventName: 'pull_request',
      repo: { owner: 'acme', repo: 'agents' },
      pr: ref,
    });
    const { planes } = inputs.report;
    expect(planes.control.reviewers).toEqual(['@acme/tool-owners', '@alice']);
    expect(planes.data.reviewers).toEqual(['@acme/prompt-eng']);
    expect(decision.reviewers).toEqual(requestOf(inputs.report, 'dev'));
    expect(decision.reviewers).toEqual({
      reviewers: ['alice'],
      teamReviewers: ['tool-owners', 'prompt-eng'],
    });
    expect(inputs.signers).toEqual(planes.control.reviewers);
  });
});

describe('property: the request, the report and the signers agree for any gate', () => {
  const OWNERS = ['@acme/security', '@acme/prompt-eng', '@alice', '@bob', '@dev'];
  const ownersArb = fc.subarray(OWNERS, { maxLength: 2 });
  const gateArb = fc.record({
    controlReviewers: ownersArb,
    dataReviewers: ownersArb,
    signers: ownersArb,
    toolOwners: ownersArb,
    promptOwners: ownersArb,
    supportOwners: fc.option(ownersArb, { nil: undefined }),
    catchAll: ownersArb,
    changeTool: fc.boolean(),
    changePrompt: fc.boolean(),
  });

  it('the check requests what the report lists; signers default to the listed control reviewers', () => {
    fc.assert(
      fc.property(gateArb, (gate) => {
        const config = structuredClone(DEFAULT_CONFIG) as Config;
        config.planes.control.reviewers = gate.controlReviewers;
        config.planes.data.reviewers = gate.dataReviewers;
        config.planes.control.signers = gate.signers;
        const lines = [
          `* ${gate.catchAll.join(' ')}`,
          `/registry/tools/ ${gate.toolOwners.join(' ')}`,
          `/registry/prompts/ ${gate.promptOwners.join(' ')}`,
          ...(gate.supportOwners ? [`/registry/prompts/support/ ${gate.supportOwners.join(' ')}`] : []),
        ];
        const rules = parseCodeowners(lines.join('\n'), 'CODEOWNERS').rules;
        const base = {
          'registry/tools/read.yaml': READ_TOOL,
          'registry/prompts/support/system.md': prompt(1),
        };
        const head = {
          ...base,
          ...(gate.changeTool && { 'registry/tools/admin.yaml': ADMIN_TOOL }),
          ...(gate.changePrompt && { 'registry/prompts/support/system.md': prompt(2) }),
        };
        const snapshot = (files: Record<string, string>) =>
          parseSnapshot(
            Object.entries(files).map(([path, text]) => ({ path, text, oid: text })),
            [],
            config,
          );
        const people = resolveGatePeople(config, rules);
        const report = buildDiffReport({
          base: { ref: { ref: 'base', sha: null }, snapshot: snapshot(base) },
          head: { ref: { ref: 'head', sha: null }, snapshot: snapshot(head) },
          changedFiles: [
            ...(gate.changeTool ? [{ path: 'registry/tools/admin.yaml', status: 'added' as const }] : []),
            ...(gate.changePrompt
              ? [{ path: 'registry/prompts/support/system.md', status: 'modified' as const }]
              : []),
          ],
          config,
          today: '2026-11-27',
          ownersOf: (path) => ownersOf(rules, path),
          people,
        });
        const decision = decideGate({
          eventName: 'pull_request',
          repo: { owner: 'acme', repo: 'agents' },
          pr: pr('a'.repeat(40), 'b'.repeat(40)),
          report,
          config,
          reviews: [],
          comments: [],
          self: 'github-actions[bot]',
          signoffs: {
            required: 0,
            headDigest: 'sha256:x',
            counted: [],
            rejected: [],
            notes: [],
            satisfied: true,
          },
          evalResults: 'not-configured',
        });
        const sorted = (plan: ReviewerRequestPlan | null) =>
          plan && { reviewers: [...plan.reviewers].sort(), teamReviewers: [...plan.teamReviewers].sort() };
        expect(sorted(decision.reviewers)).toEqual(sorted(requestOf(report, 'dev')));
        if (report.planes.control.changed && gate.signers.length === 0)
          expect(people.signers).toEqual(report.planes.control.reviewers);
        // the control plane's reviewers are the gate's, never the owners of the files the change touched
        if (report.planes.control.changed)
          expect(report.planes.control.reviewers).toEqual(
            gate.controlReviewers.length > 0 ? gate.controlReviewers : [...gate.toolOwners].sort(),
          );
      }),
      { numRuns: 150 },
    );
  });
});
