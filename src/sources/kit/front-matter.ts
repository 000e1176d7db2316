// Markdown with YAML front matter, read the way agent clients read it, for every agent-definition adapter.
// A file that cannot be read gives an error finding `source-parse`, never a throw: its bindings are unknown, so
// the control plane holds, but the rest of the diff goes on.
import { inputFinding } from '../../parse/findings.js';
import { splitFrontMatter } from '../../parse/prompt.js';
import type { SourceFile } from '../../model/source-file.js';
import type { FieldPath, YamlDocument } from '../../parse/yaml.js';
import { lineOfPath, parseYamlStrict } from '../../parse/yaml.js';
import type { Finding } from '../../model/types.js';

export interface FrontMatter {
  /** the front-matter mapping; `{}` when the file has none */
  data: Record<string, unknown>;
  /** the markdown after the front matter (the whole file when there is none) */
  body: string;
  /** 1-based line of a front-matter field in the file */
  lineOf(field: FieldPath): number;
}

export type FrontMatterResult = { ok: true; frontMatter: FrontMatter } | { ok: false; findings: Finding[] };

/** `subject` names what the file defines (the agent id) in findings. */
export function readFrontMatter(file: SourceFile, subject: string): FrontMatterResult {
  const split = splitFrontMatter(file.text);
  if (split === undefined) {
    return { ok: true, frontMatter: { data: {}, body: stripBom(file.text), lineOf: () => 1 } };
  }
  const fail = (line: number, message: string): FrontMatterResult => ({
    ok: false,
    findings: [parseFinding(file.path, line, message, subject)],
  });
  if (split === 'unclosed') return fail(1, "front matter opened with '---' on line 1 is never closed");
  // the strict parser: duplicate keys, tags and alias bombs are refused with a line, and its tree locates fields
  let parsed = parseYamlStrict(split.yaml, 1);
  const [issue] = parsed.issues;
  if (issue) {
    // the clients read `description: Use it when: …` (a colon inside a plain value) as text: so do we
    const lenient = parseYamlStrict(quotePlainValues(split.yaml), 1);
    if (lenient.issues.length > 0) return fail(issue.line, `front matter does not parse: ${issue.message}`);
    parsed = lenient;
  }
  const [doc] = parsed.documents;
  const value = doc?.value ?? {};
  if (!isRecord(value)) return fail(2, 'front matter must be a mapping of keys to values');
  return {
    ok: true,
    frontMatter: { data: value, body: split.body, lineOf: (field) => lineIn(doc, field) },
  };
}

export function parseFinding(
  path: string,
  line: number,
  message: string,
  subject: string,
  field?: FieldPath,
): Finding {
  // `subject` is the agent the file defines: a waiver must say `kind: agent` to reach it
  return {
    ...inputFinding({ code: 'source-parse', path, line, message, tool: subject, ...(field && { field }) }),
    subject: 'agent',
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own keys only: a `__proto__` key written in a file is data, never a prototype. */
export function ownEntries(record: Record<string, unknown>): [string, unknown][] {
  return Object.keys(record).map((key) => [key, Object.getOwnPropertyDescriptor(record, key)?.value]);
}

function lineIn(doc: YamlDocument | undefined, field: FieldPath): number {
  return doc ? lineOfPath(doc, field) : 2;
}

const TOP_LEVEL_PLAIN = /^([A-Za-z0-9_][A-Za-z0-9_.-]*):[ \t]+([^\s"'[{|>&*!#%@`-].*?)[ \t]*$/u;

/**
 * Agent clients retry front matter that YAML refuses with top-level plain values quoted (Claude Code's own plugin
 * subagents carry descriptions such as `Examples: After …`). One line stays one line, so lines stay right.
 */
export function quotePlainValues(yaml: string): string {
  return yaml
    .split('\n')
    .map((line) => {
      const carriage = line.endsWith('\r') ? '\r' : '';
      const match = TOP_LEVEL_PLAIN.exec(carriage ? line.slice(0, -1) : line);
      return match ? `${match[1]}: ${JSON.stringify(match[2])}${carriage}` : line;
    })
    .join('\n');
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
