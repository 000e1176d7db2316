import type { FieldPath } from '../../parse/yaml.js';
import type { Server } from '../../model/types.js';
import type { FindingSink } from './findings.js';
import { SOURCE_CODES, shown } from './findings.js';
import { hashed, plainOf } from './residual.js';
import { looksLikeSecret } from './secrets.js';
import type { SourceNode } from './tree.js';
import { describeNode, effectiveEntries, isObject, member } from './tree.js';

export function credentialsOf(names: readonly string[]): Server['credentials'] {
  return [...new Set(names)].sort().map((name) => ({ name, scopes: [] }));
}

export function addCredentials(server: Server, names: readonly string[]): void {
  server.credentials = credentialsOf([...server.credentials.map((c) => c.name), ...names]);
}

/**
 * The key names of an env or headers map are credentials; a literal secret value is a finding (never printed).
 * `values` holds each value by its hash: compared and digested (`GITHUB_READ_ONLY 1 -> 0` moves both), never shown.
 */
export function readSecretMap(
  node: SourceNode,
  key: string,
  field: FieldPath,
  sink: FindingSink,
  values: Record<string, string> = {},
): string[] {
  const entry = member(node, key);
  if (!entry) return [];
  if (!isObject(entry.value)) {
    sink.add(
      'error',
      SOURCE_CODES.shape,
      entry.line,
      [...field, key],
      `${key} must be an object of names to values, found ${describeNode(entry.value)}`,
    );
    return [];
  }
  const names: string[] = [];
  for (const item of effectiveEntries(entry.value)) {
    names.push(item.key);
    const value = item.value.kind === 'scalar' ? item.value.value : undefined;
    values[item.key] = hashed(item.value.kind === 'scalar' ? item.value.value : plainOf(item.value));
    if (typeof value === 'string' && looksLikeSecret(item.key, value)) {
      sink.add(
        'warning',
        SOURCE_CODES.secret,
        item.line,
        [...field, key, item.key],
        `${key} ${shown(item.key)} holds a literal credential in a committed file; reference it (\${VAR}, \${input:…}, \${env:…}) instead`,
      );
    }
  }
  return names;
}
