import picomatch from 'picomatch';
import { matchOwners, ownersOf, parseOwner } from '../../parse/codeowners.js';
import type { CodeownersRule } from '../../parse/codeowners.js';
import type { ChangedFile, Config } from '../../model/types.js';
import type { PullRequestRef, ReviewerRequestPlan, ReviewRecord } from './types.js';

/**
 * Who reviews and who signs, as the gate at the base names them (config, then CODEOWNERS): resolved once per run
 * and passed along, so that the report lists, the check requests and the sign-off count use one answer.
 */
export interface GatePeople {
  /** control reviewers: configured, else the owners of the control plane's paths (never of a PR's files) */
  control: string[];
  /** data reviewers when configured; empty: the owners of the changed data files, then `dataPathOwners` */
  data: string[];
  /** the owners of the data plane's paths: asked when no changed data file has an owner */
  dataPathOwners: string[];
  /** configured signers, else the control reviewers */
  signers: string[];
}

/**
 * Data-plane files are few and their owners know them, so the data plane also asks the owners of its changed
 * files; the control plane never does: a PR chooses which files it touches, so their owners would be chosen by
 * the PR (touching `agentgate.yaml` let two ordinary developers sign a privileged tool).
 */
export function resolveGatePeople(config: Config, codeowners: readonly CodeownersRule[] | null): GatePeople {
  const configured = config.planes.control.reviewers;
  const control =
    configured.length > 0
      ? [...configured]
      : codeowners
        ? ownersOfPlanePaths(codeowners, config.planes.control.paths)
        : [];
  const signers = config.planes.control.signers;
  return {
    control,
    data: [...config.planes.data.reviewers],
    dataPathOwners: codeowners ? ownersOfPlanePaths(codeowners, config.planes.data.paths) : [],
    signers: signers.length > 0 ? [...signers] : control,
  };
}

/** The data plane's reviewers for its changed files: configured, else the files' owners, else its paths' owners. */
export function resolveDataReviewers(
  people: GatePeople,
  files: readonly ChangedFile[],
  ownersOfPath: ((path: string) => string[]) | undefined,
): string[] {
  if (people.data.length > 0) return [...people.data];
  const owners = new Set(ownersOfPath ? files.flatMap((file) => ownersOfPath(file.path)) : []);
  return owners.size > 0 ? [...owners].sort() : [...people.dataPathOwners];
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
