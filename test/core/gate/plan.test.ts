import { describe, expect, it } from 'vitest';
import { parseCodeowners } from '../../../src/parse/codeowners.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { decideGate, findReportComment } from '../../../src/core/gate/plan.js';
import type { DecideInput } from '../../../src/core/gate/plan.js';
import {
  planReviewerRequests,
  resolveDataReviewers,
  resolveGatePeople,
} from '../../../src/core/gate/reviewers.js';
import { ownersOf } from '../../../src/parse/codeowners.js';
import { TEAM_UNVERIFIABLE } from '../../../src/core/gate/signoffs.js';
import { clipDescription, planStatuses } from '../../../src/core/gate/statuses.js';
import type { PullRequestRef, SignoffEvaluation } from '../../../src/core/gate/types.js';
import { REPORT_MARKER } from '../../../src/core/gate/types.js';
import type { Config } from '../../../src/model/types.js';
import { DIGEST, incidentReport, makeReport, promptOnlyReport } from '../../helpers/make-report.js';

const config = (): Config => structuredClone(DEFAULT_CONFIG) as Config;
const signoffs = (overrides: Partial<SignoffEvaluation> = {}): SignoffEvaluation => ({
  required: 2,
  headDigest: DIGEST,
  counted: [],
  rejected: [],
  notes: [],
  satisfied: false,
  ...overrides,
});
const pr = (overrides: Partial<PullRequestRef> = {}): PullRequestRef => ({
  number: 7,
  author: 'mallory',
  baseSha: 'a'.repeat(40),
  headSha: 'b'.repeat(40),
  baseRef: 'main',
  headRef: 'feature',
  draft: false,
  open: true,
  requestedReviewers: [],
  requestedTeams: [],
  ...overrides,
});

describe('planStatuses (SPEC 7)', () => {
  it('the incident PR: data success, control pending on two sign-offs with the short digest', () => {
    const s = planStatuses({
      report: incidentReport(),
      config: config(),
      signoffs: signoffs(),
      evalResults: 'not-configured',
    });
    expect(s.data.state).toBe('success');
    expect(s.control).toEqual({
      context: 'agentgate/control-plane',
      state: 'pending',
      description: 'needs 2 sign-off(s) for privileged change (digest dddddddd)',
    });
  });

  it('no changes: both succeed with the SPEC wording', () => {
    const s = planStatuses({
      report: makeReport(),
      config: config(),
      signoffs: signoffs({ required: 0, satisfied: true }),
      evalResults: 'not-configured',
    });
    expect(s.data).toMatchObject({ state: 'success', description: 'no data-plane changes' });
    expect(s.control).toMatchObject({ state: 'success', description: 'no control-plane changes' });
  });

  it('a data-plane error finding fails the data plane only', () => {
    const report = promptOnlyReport({
      findings: [
        {
          severity: 'error',
          code: 'version-not-bumped',
          path: 'registry/prompts/support/system.md',
          line: 2,
          message: 'm',
        },
      ],
    });
    const s = planStatuses({
      report,
      config: config(),
      signoffs: signoffs({ required: 0, satisfied: true }),
      evalResults: 'not-configured',
    });
    expect(s.data).toMatchObject({
      state: 'failure',
      description: 'version-not-bumped: registry/prompts/support/system.md:2',
    });
    expect(s.control.state).toBe('success');
  });

  it('an agent file of a client that does not parse holds both gates; a broken .mcp.json holds control only', () => {
    const finding = (path: string) => ({
      severity: 'error' as const,
      code: 'source-parse' as const,
      path,
      line: 2,
      message: 'm',
    });
    const agent = planStatuses({
      report: incidentReport({ findings: [finding('.claude/agents/x.md')] }),
      config: config(),
      signoffs: signoffs({ required: 0, satisfied: true }),
      evalResults: 'not-configured',
    });
    expect(agent.data.state).toBe('failure');
    expect(agent.control.state).toBe('failure');
    const mcp = planStatuses({
      report: incidentReport({ findings: [finding('.mcp.json')] }),
      config: config(),
      signoffs: signoffs({ required: 0, satisfied: true }),
      evalResults: 'not-configured',
    });
    expect(mcp.data.state).toBe('success');
    expect(mcp.control.state).toBe('failure');
  });

  it('a binding finding in a prompt file holds up the control plane', () => {
    const report = incidentReport({
      findings: [
        {
          severity: 'error',
          code: 'unknown-tool-binding',
          path: 'registry/prompts/support/system.md',
          line: 3,
          message: 'm',
        },
      ],
    });
    const s = planStatuses({ report, config: config(), signoffs: signoffs(), evalResults: 'not-configured' });
    expect(s.control.state).toBe('failure');
    expect(s.data.state).toBe('success');
  });

  it('radius over maxRadius fails the control plane even with sign-offs', () => {
    const report = incidentReport({
      findings: [
        {
          severity: 'error',
          code: 'radius-over-max',
          path: 'registry/tools/admin.yaml',
          line: 1,
          message: 'm',
        },
      ],
    });
    const s = planStatuses({
      report,
      config: config(),
      signoffs: signoffs({ satisfied: true }),
      evalResults: 'not-configured',
    });
    expect(s.control.state).toBe('failure');
  });

  it('missing eval results keep the data plane pending', () => {
    const c = config();
    c.planes.data.eval = { results: 'eval/results.json' };
    const s = planStatuses({
      report: promptOnlyReport(),
      config: c,
      signoffs: signoffs({ required: 0, satisfied: true }),
      evalResults: 'missing',
    });
    expect(s.data).toMatchObject({
      state: 'pending',
      description: 'waiting for eval results (eval/results.json)',
    });
  });

  it('an eval verdict decides the data plane once the results exist', () => {
    const judge = (state: 'success' | 'failure' | 'pending') =>
      planStatuses({
        report: promptOnlyReport(),
        config: config(),
        signoffs: signoffs({ required: 0, satisfied: true }),
        evalResults: { state, description: 'pass rate 50%' },
      }).data;
    expect(judge('failure')).toMatchObject({ state: 'failure', description: 'evals: pass rate 50%' });
    expect(judge('pending')).toMatchObject({ state: 'pending' });
    expect(judge('success').description).toContain('evals: pass rate 50%');
  });

  it('revocation only passes at once', () => {
    const report = makeReport({ control: { changed: true, narrowingOnly: true, digest: DIGEST } });
    const s = planStatuses({
      report,
      config: config(),
      signoffs: signoffs({ required: 0, satisfied: true }),
      evalResults: 'not-configured',
    });
    expect(s.control).toMatchObject({
      state: 'success',
      description: 'revocation only: no sign-off required (digest dddddddd)',
    });
  });

  it('says when team membership could not be read, within 140 characters', () => {
    const s = planStatuses({
      report: incidentReport(),
      config: config(),
      signoffs: signoffs({ notes: [TEAM_UNVERIFIABLE] }),
      evalResults: 'not-configured',
    });
    expect(s.control.description).toContain('team membership unverifiable');
    expect(s.control.description.length).toBeLessThanOrEqual(140);
  });

  it('clips any description to 140 characters', () => {
    expect(Array.from(clipDescription('x'.repeat(300)))).toHaveLength(140);
  });
});

describe('reviewers', () => {
  const codeowners = parseCodeowners(
    '* @acme/everyone\n/registry/tools/ @acme/security\n/registry/prompts/ @acme/prompt-eng @mallory',
    'CODEOWNERS',
  ).rules;

  it('come from CODEOWNERS at the base when the config names none', () => {
    const report = incidentReport({ data: { reviewers: [] }, control: { reviewers: [] } });
    const people = resolveGatePeople(config(), codeowners);
    expect(people.control).toEqual(['@acme/security']);
    expect(
      resolveDataReviewers(people, report.planes.data.files, (path) => ownersOf(codeowners, path)),
    ).toEqual(['@acme/prompt-eng', '@mallory']);
  });

  it('control reviewers are the owners of the control paths, never the owners of the files a PR touched', () => {
    const owners = parseCodeowners(
      '* @acme/everyone\n/registry/tools/ @acme/security\nagentgate.yaml @dev1 @dev2\n/registry/tools/x.yaml @dev3',
      'CODEOWNERS',
    ).rules;
    const report = incidentReport({
      control: {
        reviewers: ['@dev1', '@dev2', '@dev3'],
        files: [
          { path: 'agentgate.yaml', status: 'modified' },
          { path: 'registry/tools/x.yaml', status: 'added' },
        ],
      },
    });
    // the report's hand-written reviewers play no part: who reviews is resolved from the gate alone
    expect(report.planes.control.reviewers).toEqual(['@dev1', '@dev2', '@dev3']);
    const people = resolveGatePeople(config(), owners);
    expect(people.control).toEqual(['@acme/security']);
    expect(people.signers).toEqual(['@acme/security']);
    expect(resolveGatePeople(config(), null).signers).toEqual([]);
  });

  it('owners of every configured control glob, literal paths included', () => {
    const owners = parseCodeowners(
      '* @acme/everyone\n/registry/tools/ @acme/security\n/mcp.json @acme/platform\n/policies/ @acme/policy',
      'CODEOWNERS',
    ).rules;
    const cfg = config();
    cfg.planes.control.paths = ['registry/tools/**/*.yaml', 'mcp.json', 'policies'];
    expect(resolveGatePeople(cfg, owners).signers).toEqual([
      '@acme/platform',
      '@acme/policy',
      '@acme/security',
    ]);
    cfg.planes.control.paths = ['**/*.tool.yaml'];
    expect(resolveGatePeople(cfg, owners).signers).toEqual(['@acme/everyone']);
  });

  it('a binding-only control change asks the owners of the control paths', () => {
    // the control plane's reviewers never depend on what changed, a binding-only change included
    expect(resolveGatePeople(config(), codeowners).control).toEqual(['@acme/security']);
  });

  it('never requests the author, skips who is already asked or has reviewed, and splits users from teams', () => {
    const plan = planReviewerRequests({
      planes: {
        control: ['@acme/security', '@alice', '@bob'],
        data: ['@acme/prompt-eng', '@mallory', '@carol', 'ops@acme.com', '@other/team'],
      },
      pr: pr({ requestedReviewers: ['bob'], requestedTeams: [] }),
      repoOwner: 'acme',
      reviews: [{ id: 1, user: 'carol', state: 'COMMENTED', commitId: null, submittedAt: null }],
    });
    expect(plan.request).toEqual({ reviewers: ['alice'], teamReviewers: ['security', 'prompt-eng'] });
    expect(plan.notes).toHaveLength(2);
  });

  it('requests nobody on a draft', () => {
    const plan = planReviewerRequests({
      planes: { control: ['@alice'], data: null },
      pr: pr({ draft: true }),
      repoOwner: 'acme',
      reviews: [],
    });
    expect(plan.request).toBeNull();
  });
});

describe('decideGate', () => {
  const base = (overrides: Partial<DecideInput> = {}): DecideInput => ({
    eventName: 'pull_request',
    repo: { owner: 'acme', repo: 'agents' },
    pr: pr(),
    report: incidentReport(),
    config: config(),
    reviews: [],
    comments: [],
    self: 'github-actions[bot]',
    signoffs: signoffs(),
    evalResults: 'not-configured',
    ...overrides,
  });

  it('requests both planes’ reviewers in one call on pull_request events only', () => {
    expect(decideGate(base()).reviewers).toEqual({
      reviewers: [],
      teamReviewers: ['security', 'prompt-eng'],
    });
    expect(decideGate(base({ eventName: 'pull_request_review' })).reviewers).toBeNull();
  });

  it('requests only the changed plane', () => {
    expect(decideGate(base({ report: promptOnlyReport() })).reviewers).toEqual({
      reviewers: [],
      teamReviewers: ['prompt-eng'],
    });
  });

  it('updates only its own marked comment, never a forged one', () => {
    const comments = [
      { id: 1, user: 'mallory', body: `${REPORT_MARKER}\nforged`, createdAt: 't', updatedAt: 't' },
      { id: 2, user: 'github-actions[bot]', body: 'unrelated', createdAt: 't', updatedAt: 't' },
      { id: 3, user: 'github-actions[bot]', body: `${REPORT_MARKER}\nours`, createdAt: 't', updatedAt: 't' },
    ];
    expect(decideGate(base({ comments })).existingCommentId).toBe(3);
    expect(findReportComment(comments.slice(0, 2), 'github-actions[bot]')).toBeNull();
  });
});
