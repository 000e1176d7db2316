import { canonicalJson } from '../../model/canonical-json.js';

/**
 * Stable case ids for promptfoo rows: `<test> [<prompt> @ <provider>]`.
 *
 * promptfoo labels an unlabelled prompt with its own text (`file.txt: <text>` for a file prompt), so a label
 * changes exactly when the prompt under review changes and would make every case look new. Such labels are
 * replaced by the file path, or by the prompt's position ("prompt 2") for inline prompts; an explicit
 * `label:` is kept as written.
 */

export interface PromptEntry {
  label?: string;
  /** the prompt template, before variables are filled in */
  raw?: string;
  provider?: string;
}

export interface RowIdentity {
  description?: string;
  vars?: unknown;
  testIdx?: number;
  promptLabel?: string;
  promptIdx?: number;
  provider?: string;
}

export function buildPromptKeys(prompts: readonly PromptEntry[]): Map<string, string> {
  const distinct: PromptEntry[] = [];
  const seen = new Set<string>();
  for (const prompt of prompts) {
    if (prompt.label === undefined || seen.has(prompt.label)) continue;
    seen.add(prompt.label);
    distinct.push(prompt);
  }
  const keys = distinct.map((prompt, index) => derivePromptKey(prompt.label ?? '', prompt.raw, index));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const byLabel = new Map<string, string>();
  distinct.forEach((prompt, index) => {
    const key = keys[index]!;
    byLabel.set(prompt.label ?? '', (counts.get(key) ?? 0) > 1 ? `${key} #${index + 1}` : key);
  });
  return byLabel;
}

function derivePromptKey(label: string, raw: string | undefined, index: number): string {
  if (raw !== undefined && raw !== '') {
    if (label === raw) return `prompt ${index + 1}`;
    const suffix = `: ${raw}`;
    if (label.endsWith(suffix) && label.length > suffix.length) return label.slice(0, -suffix.length);
  }
  return label;
}

/**
 * Test part of the id: the description when it names one test, the description plus its vars when several
 * tests share a description, the vars alone without a description.
 */
export function buildCaseIds(rows: readonly RowIdentity[], promptKeys: Map<string, string>): string[] {
  const varsByDescription = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.description === undefined) continue;
    let set = varsByDescription.get(row.description);
    if (set === undefined) varsByDescription.set(row.description, (set = new Set()));
    set.add(canonicalJson(row.vars ?? {}));
  }
  return rows.map((row) => {
    const vars = canonicalJson(row.vars ?? {});
    let test: string;
    if (row.description !== undefined) {
      const ambiguous = (varsByDescription.get(row.description)?.size ?? 0) > 1;
      test = ambiguous ? `${row.description} ${vars}` : row.description;
    } else if (vars !== '{}') test = vars;
    else test = `test ${(row.testIdx ?? 0) + 1}`;
    const prompt =
      (row.promptLabel !== undefined ? (promptKeys.get(row.promptLabel) ?? row.promptLabel) : undefined) ??
      `prompt ${(row.promptIdx ?? 0) + 1}`;
    return `${test} [${prompt} @ ${row.provider ?? 'provider'}]`;
  });
}
