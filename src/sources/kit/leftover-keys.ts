// Nothing unread: every key an adapter does not model becomes `key=value` rules (compared, digested, held at the
// `write` sign-off count at least) with an `unknown-authority-key` finding. A list of plain values is one rule per
// member, so adding one member is one rule new and the rest stay; anything else is one rule of canonical JSON.
import { createHash } from 'node:crypto';
import type { Finding, PermissionEffect, PermissionRule, SourceRef } from '../../model/types.js';
import { RESIDUAL_CODE as UNKNOWN_KEY_CODE, redacted } from './residual.js';
import { isRecord, ownEntries } from './front-matter.js';
import { settingRule } from './permission-rule.js';
import type { SourceModel } from './types.js';

/** Long text (instructions, prompts) is compared by hash in a rule: the rule moves, the report stays short. */
const LONG_TEXT = 160;

export function shownValue(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= LONG_TEXT) return value;
  const hash = createHash('sha256').update(value).digest('hex').slice(0, 16);
  return `(text of ${value.length} characters, sha256:${hash})`;
}

/** Rules for one setting: a list of plain values member by member, anything else as one value. */
export function valueRules(
  scope: string,
  effect: PermissionEffect,
  key: string,
  value: unknown,
  source: SourceRef,
): PermissionRule[] {
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((item) => !isRecord(item) && !Array.isArray(item))
  )
    return value.map((item) => settingRule(scope, effect, key, shownValue(item), source));
  return [settingRule(scope, effect, key, shownValue(value), source)];
}

export interface Leftovers {
  scope: string;
  path: string;
  /** the key prefix of the object read (`plugins.x.`); '' at the top level */
  prefix: string;
  /** keys the adapter models (or knows to be inert): not kept here */
  known: ReadonlySet<string>;
  /** where a key of the object sits */
  at: (key: string) => SourceRef;
}

/** The keys of `record` that `known` does not name, as rules plus one finding each. */
export function leftoverKeys(record: Record<string, unknown>, where: Leftovers, model: SourceModel): void {
  for (const [key, value] of ownEntries(record)) {
    if (where.known.has(key)) continue;
    const source = where.at(key);
    // a secret-looking key or value is shown and digested by hash, never printed
    const shown = redacted(key, value);
    model.permissions.push(...valueRules(where.scope, 'allow', `${where.prefix}${key}`, shown, source));
    model.findings.push(unknownKeyFinding(where.path, source.line, `${where.prefix}${key}`, where.scope));
  }
}

export function unknownKeyFinding(path: string, line: number, field: string, scope: string): Finding {
  return {
    severity: 'info',
    code: UNKNOWN_KEY_CODE,
    path,
    line,
    tool: scope,
    field,
    message: `${path}:${line}: field '${field}': a key agentgate does not model: kept as a control-plane setting (unknown is not harmless)`,
  };
}

export function emptyModel(): SourceModel {
  return { servers: [], tools: [], agents: [], permissions: [], findings: [], executables: [] };
}
