// Who owns one probed path under CODEOWNERS, and which rule decides: shared by the plane and source checks.

export interface ProbeOwners {
  path: string;
  owners: string[];
  /** the CODEOWNERS rule that decides, or null when none matches */
  rule: { line: number; pattern: string } | null;
}
