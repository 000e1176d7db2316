import picomatch from 'picomatch';
import { matchOwners, ownersOf, parseOwner } from '../codeowners.js';
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
 * Who reviews a plane: its configured reviewers, else the CODEOWNERS owners of the plane's configured paths.
 * Data-plane files are few and their owners know them, so the data plane also asks the owners of its changed
 * files; the control plane never does: a PR chooses which files it touches, so their owners would be chosen by
 * the PR (touching `agentgate.yaml` let two ordinary developers sign a privileged tool).
 */
export function resolvePlaneReviewers(input: PlaneReviewersInput, plane: 'data' | 'control'): string[] {
  const configured = input.config.planes[plane].reviewers;
  if (configured.length > 0) return [...configured];
  if (plane === 'control')
    return input.codeowners ? ownersOfPlanePaths(input.codeowners, input.config.planes.control.paths) : [];
  const reported = input.report.planes.data.reviewers;
  if (reported.length > 0) return [...reported];
  if (!input.codeowners) return [];
  const rules = input.codeowners;
  const files: ChangedFile[] = input.report.planes.data.files;
  const owners = new Set(files.flatMap((file) => ownersOf(rules, file.path)));
  return owners.size > 0 ? [...owners].sort() : ownersOfPlanePaths(rules, input.config.planes.data.paths);
}

/**
 * The owners CODEOWNERS gives to the plane's globs themselves: for each glob, the owners of a representative
 * path under its literal base (`registry/tools/**` -> `registry/tools/_`), or of the path itself when it is no
 * glob. Which files a PR touches never enters.
 */
export function ownersOfPlanePaths(rules: readonly CodeownersRule[], globs: readonly string[]): string[] {
  const owners = new Set<string>();
  for (const glob of globs) for (const owner of ownersOfGlob(rules, glob)) owners.add(owner);
  return [...owners].sort();
}

function ownersOfGlob(rules: readonly CodeownersRule[], glob: string): string[] {
  const scan = picomatch.scan(glob);
  const base = (scan.isGlob ? scan.base : glob).replace(/\/+$/, '');
  if (base === '') return ownersOf(rules, '_');
  if (scan.isGlob) return ownersOf(rules, `${base}/_`);
  // a literal path is a file or a folder: the more specific (later) of the rules for it and for its contents
  const own = matchOwners(rules, base);
  const under = matchOwners(rules, `${base}/_`);
  if (own === null) return under?.owners ?? [];
  return under !== null && under.rule.line > own.rule.line ? under.owners : own.owners;
}

/** The control plane's signers: `planes.control.signers`, defaulting to its reviewers (never a PR's file owners). */
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
