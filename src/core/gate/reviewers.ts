import { literalPrefixes } from '../classify-paths.js';
import { ownersOf, parseOwner } from '../codeowners.js';
import type { CodeownersRule } from '../codeowners.js';
import type { ChangedFile, Config, DiffReport } from '../types.js';
import type { PullRequestRef, ReviewerRequestPlan, ReviewRecord } from './types.js';

export interface PlaneReviewersInput {
  report: DiffReport;
  config: Config;
  /** CODEOWNERS rules at the base commit, or null when there is none */
  codeowners: readonly CodeownersRule[] | null;
}

/**
 * Who reviews a plane: its configured reviewers, else the report's (already resolved by the diff), else the
 * CODEOWNERS owners of the plane's changed files. A control change that only touches bindings has no control
 * file to look up, so the owners of the control paths themselves are asked.
 */
export function resolvePlaneReviewers(input: PlaneReviewersInput, plane: 'data' | 'control'): string[] {
  const configured = input.config.planes[plane].reviewers;
  if (configured.length > 0) return [...configured];
  const reported = input.report.planes[plane].reviewers;
  if (reported.length > 0) return [...reported];
  if (!input.codeowners) return [];
  const rules = input.codeowners;
  const files: ChangedFile[] = input.report.planes[plane].files;
  const owners = new Set(files.flatMap((file) => ownersOf(rules, file.path)));
  if (owners.size === 0) {
    for (const prefix of literalPrefixes(input.config.planes[plane].paths)) {
      for (const owner of ownersOf(rules, `${prefix.replace(/\/$/, '')}/_`)) owners.add(owner);
    }
  }
  return [...owners].sort();
}

/** The control plane's signers: `planes.control.signers`, defaulting to its reviewers. */
export function resolveSigners(input: PlaneReviewersInput): string[] {
  const signers = input.config.planes.control.signers;
  return signers.length > 0 ? [...signers] : resolvePlaneReviewers(input, 'control');
}

export interface ReviewerPlanInput {
  planes: { data: string[] | null; control: string[] | null };
  pr: PullRequestRef;
  repoOwner: string;
  reviews: readonly ReviewRecord[];
}

export interface ReviewerPlanResult {
  request: ReviewerRequestPlan | null;
  notes: string[];
}

/**
 * One reviewer request for every changed plane (null = unchanged). Never the author; users who already
 * reviewed or are already requested, and teams already requested, are not asked again; emails and teams of
 * another organisation cannot be requested through the API and are reported instead.
 */
export function planReviewerRequests(input: ReviewerPlanInput): ReviewerPlanResult {
  const notes: string[] = [];
  const lower = (s: string) => s.toLowerCase();
  const skipUsers = new Set([
    lower(input.pr.author),
    ...input.pr.requestedReviewers.map(lower),
    ...input.reviews.flatMap((r) => (r.user ? [lower(r.user)] : [])),
  ]);
  const skipTeams = new Set(input.pr.requestedTeams.map(lower));
  const reviewers = new Map<string, string>();
  const teams = new Map<string, string>();
  for (const entry of [...(input.planes.control ?? []), ...(input.planes.data ?? [])]) {
    const owner = parseOwner(entry.startsWith('@') || entry.includes('@') ? entry : `@${entry}`);
    if (owner === null || owner.kind === 'email') {
      notes.push(`reviewer ${entry} cannot be requested through the API (not a user or @org/team)`);
    } else if (owner.kind === 'user') {
      if (!skipUsers.has(lower(owner.login))) reviewers.set(lower(owner.login), owner.login);
    } else if (lower(owner.org) !== lower(input.repoOwner)) {
      notes.push(`team ${owner.raw} belongs to another organisation than ${input.repoOwner}: not requested`);
    } else if (!skipTeams.has(lower(owner.slug))) {
      teams.set(lower(owner.slug), owner.slug);
    }
  }
  if (input.pr.draft) {
    if (reviewers.size + teams.size > 0)
      notes.push('draft pull request: reviewers are requested when it is marked ready for review');
    return { request: null, notes };
  }
  if (reviewers.size === 0 && teams.size === 0) return { request: null, notes };
  return { request: { reviewers: [...reviewers.values()], teamReviewers: [...teams.values()] }, notes };
}
