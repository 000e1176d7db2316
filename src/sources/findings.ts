import { inputFinding } from '../core/parse/findings.js';
import type { SourceFile } from '../core/parse/source-file.js';
import type { FieldPath } from '../core/parse/yaml.js';
import type { Finding, Severity } from '../core/types.js';

/** Collects an adapter's findings, each naming file, line and field; messages never carry configured values. */
export class FindingSink {
  readonly findings: Finding[] = [];

  constructor(readonly file: SourceFile) {}

  add(severity: Severity, code: string, line: number, field: FieldPath, message: string): void {
    this.findings.push(inputFinding({ severity, code, path: this.file.path, line, field, message }));
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
