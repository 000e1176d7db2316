/** A commit as `git log` tells it: read by src/git, used by the history views and the audit. */
export interface CommitMeta {
  sha: string;
  parents: string[];
  author: string;
  email: string;
  /** author date, strict ISO 8601 */
  date: string;
  subject: string;
}
