import { inputFinding } from '../../parse/findings.js';
import type { SourceFile } from '../../model/source-file.js';
import type { FieldPath } from '../../parse/yaml.js';
import type { FindingCode } from '../../model/finding-code.js';
import type { Finding, PermissionRule, Severity } from '../../model/types.js';
import { replaceUnseen } from '../../text/unseen.js';

/**
 * Collects an adapter's findings, each naming file, line and field; messages never carry configured values. It
 * also collects the residual rules (residual.ts) of the keys an entry reader does not model, so every reader that
 * already holds a sink can report what it left unread.
 */
export class FindingSink {
  readonly findings: Finding[] = [];
  readonly rules: PermissionRule[] = [];

  constructor(readonly file: SourceFile) {}

  add(severity: Severity, code: FindingCode, line: number, field: FieldPath, message: string): void {
    const printable = field.map((segment) =>
      typeof segment === 'string' ? escapeUnprintable(segment) : segment,
    );
    this.findings.push(
      inputFinding({ severity, code, path: this.file.path, line, field: printable, message }),
    );
  }
}

/** Finding codes of the source layer. */
export const SOURCE_CODES = {
  parse: 'source-parse',
  shape: 'source-shape',
  duplicateKey: 'source-duplicate-key',
  unsafeKey: 'source-unsafe-key',
  limit: 'source-limit',
  notLaunchable: 'server-not-launchable',
  ambiguousTransport: 'server-transport-ambiguous',
  unknownInput: 'source-unknown-input',
  secret: 'secret-in-config',
  unpinned: 'server-package-unpinned',
} as const;

/** A name or value from the file as a message shows it: quoted, escaped, and short (file text is hostile). */
function escapeUnprintable(value: string): string {
  return replaceUnseen(value, (codePoint) =>
    codePoint > 0xffff ? `\\u{${codePoint.toString(16)}}` : `\\u${codePoint.toString(16).padStart(4, '0')}`,
  );
}

export function shown(value: string): string {
  const escaped = escapeUnprintable(value);
  return `'${escaped.length > 80 ? `${escaped.slice(0, 80)}…` : escaped}'`;
}
