import type { FindingCode } from '../model/finding-code.js';
import type { Finding, Severity } from '../model/types.js';
import type { FieldPath } from './yaml.js';

/** `credentials.0.name`: the dotted form findings carry. */
export function dottedField(path: FieldPath): string {
  return path.map(String).join('.');
}

/** `credentials[0].name`: the form messages show. */
export function displayField(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

export interface FindingInput {
  severity?: Severity;
  code: FindingCode;
  path: string;
  line: number;
  message: string;
  tool?: string;
  field?: FieldPath;
}

/**
 * A finding about input that could not be read as intended. Its message names file, line and field on its own,
 * because callers surface it as a single line (`diff` turns it into a usage error).
 */
export function inputFinding(input: FindingInput): Finding {
  const where = input.field && input.field.length > 0 ? `field '${displayField(input.field)}': ` : '';
  const finding: Finding = {
    severity: input.severity ?? 'error',
    code: input.code,
    path: input.path,
    line: input.line,
    message: `${input.path}:${input.line}: ${where}${input.message}`,
  };
  if (input.tool !== undefined) finding.tool = input.tool;
  if (input.field && input.field.length > 0) finding.field = dottedField(input.field);
  return finding;
}

/** The message without a leading `path:line: ` that repeats the finding's own location. */
export function messageWithoutLocation(finding: Finding): string {
  const prefix = `${finding.path}:${finding.line}: `;
  return finding.message.startsWith(prefix) ? finding.message.slice(prefix.length) : finding.message;
}
