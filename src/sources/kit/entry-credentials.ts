import { createHash } from 'node:crypto';
import { canonicalJson } from '../../model/canonical-json.js';
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
 * The key names of an env or headers map that are credentials (`isCredential`: a secret-looking variable, a
 * header whose name says so); every literal secret value is a finding (never printed), whatever its name.
 * `values` holds each value by its hash: compared and digested (`GITHUB_READ_ONLY 1 -> 0` moves both), never shown.
 */
export function readSecretMap(
  node: SourceNode,
  key: string,
  field: FieldPath,
  sink: FindingSink,
  values: Record<string, string> = {},
  isCredential: (name: string) => boolean = () => true,
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
    if (isCredential(item.key)) names.push(item.key);
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

/**
 * The values of an env or headers map, kept so they are compared and digested, as a hash (a committed value may
 * be a secret: the model never holds it): a variable changed from `info` to a code loader, or a header pointed
 * elsewhere, is a change even when no name is new.
 */
export function readValueMap(node: SourceNode, key: string): Record<string, string> | undefined {
  const entry = member(node, key);
  if (!entry || !isObject(entry.value)) return undefined;
  const values: Record<string, string> = {};
  for (const item of effectiveEntries(entry.value)) {
    const value = item.value.kind === 'scalar' ? item.value.value : undefined;
    Object.defineProperty(values, item.key, {
      value: valueHash(
        item.key,
        typeof value === 'string' ? value : canonicalJson(value ?? describeNode(item.value)),
      ),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return Object.keys(values).length > 0 ? values : undefined;
}

function valueHash(name: string, value: string): string {
  return `sha256:${createHash('sha256').update(`${name}\0${value}`).digest('hex').slice(0, 32)}`;
}
