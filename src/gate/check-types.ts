// What `check` takes and gives: shared by the PR path (check.ts) and the merge-queue path (merge-group.ts).
import type { CommentMode } from '../core/gate/comment-mode.js';
import type { StatusState } from '../core/gate/types.js';
import type { CheckFigures, ReportFiles } from './check-outputs.js';
import type { ReportMode } from './publish.js';

export interface CheckOptions {
  dryRun: boolean;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** overrides GITHUB_EVENT_NAME / GITHUB_EVENT_PATH (local runs) */
  eventName?: string;
  eventPath?: string;
  print: (line: string) => void;
  warn: (line: string) => void;
  /** statuses (default), check runs, or both */
  report?: ReportMode;
  /** when to write the PR comment; default on-change */
  comment?: CommentMode;
  /** a GitHub App's slug: with an App token (GET /user refused) the comment's owner is `<slug>[bot]` */
  appSlug?: string;
  /** write the full JSON report here */
  reportJson?: string;
  /** write the findings as SARIF here (for upload-sarif) */
  sarif?: string;
  /** `--floor FILE`: a floor applied on top of the base config's `extends` (the tightest wins) */
  floor?: string;
}

export interface CheckResult {
  dataState: StatusState | null;
  controlState: StatusState | null;
  digest: string | null;
  /** 0 passed or waiting, 1 a gate failed */
  exitCode: number;
  figures: CheckFigures | null;
  commentUrl: string | null;
  files: ReportFiles;
}
