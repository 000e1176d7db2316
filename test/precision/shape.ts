// What one synthetic repository of the precision benchmark is: its files on the default branch and the ordinary
// pull requests made against it, each with the sign-offs and dangerous-path entries a reviewer should be asked for.
export type Files = Record<string, string>;

export interface Expected {
  /** `requiredSignoffs` of the control plane */
  signoffs: number;
  /** entries in `flows.added` (one per agent and kind) */
  paths: number;
}

export interface PullRequest {
  /** what the PR does, as its author would title it */
  title: string;
  /** path -> new text; null deletes the file */
  files: Record<string, string | null>;
  /** what a reviewer should be asked for */
  expected: Expected;
  /**
   * A false alarm the product still raises on this PR, named with its cause: the benchmark accepts its count
   * until the cause is fixed, and then holds the PR to `expected` alone (the count above it is never the truth).
   */
  knownFalseAlarm?: { counts: Expected; cause: string };
}

export interface Shape {
  name: string;
  files: Files;
  prs: PullRequest[];
}

/** A Markdown file with YAML front matter, as every client writes its agents, commands and skills. */
export function withFrontMatter(front: string, body: string): string {
  return `---\n${front.trim()}\n---\n\n${body.trim()}\n`;
}

/** Pretty JSON, as people commit it. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
