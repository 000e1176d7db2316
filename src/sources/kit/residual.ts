// Nothing unread. An adapter names the keys it models; every other key of the object it reads (the top level of a
// file, one server entry, one agent's front matter, one plugin) is the residual. Each residual key becomes one
// `key=value` rule marked `residual`, which the diff compares like every rule (any change widens, at the `write`
// radius at least) and the digest covers, plus an `unknown-authority-key` finding. A value under a secret-looking
// name, or one that looks like a secret itself, is never printed: it is shown and digested by its hash.
//
// How an adapter calls it:
//   plain values (front matter, readJsonFile):
//     const { rules, findings } = residualRules({ path, scope, value, modelled: ['tools', 'name'], lineOf });
//   a settings file read with readSettingsJson, straight into the adapter's model:
//     addResidual(model, { path, scope, value: settings.value, modelled: ['hooks'], lineOf: settingsLines(settings) });
//   format-neutral trees (tree.ts, with a FindingSink):
//     residualOfNode(sink, scope, entryNode, ['command', 'args'], ['mcpServers', 'github']);
import { createHash } from 'node:crypto';
import { inputFinding } from '../../parse/findings.js';
import type { FieldPath } from '../../parse/yaml.js';
import { canonicalJson } from '../../model/canonical-json.js';
import type { Finding, JsonValue, PermissionRule } from '../../model/types.js';
import type { FindingSink } from './findings.js';
import { isRecord, ownEntries } from './front-matter.js';
import { isSecretName, looksLikeSecret } from './secrets.js';
import type { SourceNode } from './tree.js';
import { effectiveEntries } from './tree.js';

/** `$schema` only tells an editor which schema to check the file against: no client reads it. */
const NOT_READ_BY_CLIENTS = ['$schema'];

/** Findings and rules use this code for a key agentgate does not model. */
export const RESIDUAL_CODE = 'unknown-authority-key';

export interface ResidualInput {
  /** the file, where findings and rules point */
  path: string;
  /** whose rules these are: the file path for a client config, the agent id for front matter */
  scope: string;
  /** the object read; anything but an object has no keys, so no residual */
  value: unknown;
  /** the keys the adapter models at this level; every other own key is residual */
  modelled: Iterable<string>;
  /** where `value` sits in the file (`['mcpServers', 'github']`): the rule key's prefix */
  at?: FieldPath;
  /** the line of a field path in the file */
  lineOf(field: FieldPath): number;
  /**
   * what `scope` names when it is no tool: `agent` for an agent's own keys, so a waiver for a tool of the same
   * name never silences them
   */
  subject?: 'agent' | 'server';
}

export interface Residual {
  rules: PermissionRule[];
  findings: Finding[];
}

/** The residual of one object: one rule and one finding per key the adapter does not model. */
export function residualRules(input: ResidualInput): Residual {
  const out: Residual = { rules: [], findings: [] };
  if (!isRecord(input.value)) return out;
  const modelled = new Set([...input.modelled, ...NOT_READ_BY_CLIENTS]);
  const at = input.at ?? [];
  for (const [key, value] of ownEntries(input.value)) {
    if (modelled.has(key)) continue;
    const field = [...at, key];
    const line = input.lineOf(field);
    out.rules.push(residualRule(input.scope, field, value, { path: input.path, line }));
    const finding = inputFinding({
      severity: 'info',
      code: RESIDUAL_CODE,
      path: input.path,
      line,
      tool: input.scope,
      field,
      message:
        'a key agentgate does not model: compared as a control-plane setting, any change needs sign-off (unknown is not harmless)',
    });
    if (input.subject !== undefined) finding.subject = input.subject;
    out.findings.push(finding);
  }
  return out;
}

/** The residual of one object, added to an adapter's rules and findings. */
export function addResidual(
  model: { permissions: PermissionRule[]; findings: Finding[] },
  input: ResidualInput,
): void {
  const found = residualRules(input);
  model.permissions.push(...found.rules);
  model.findings.push(...found.findings);
}

/** The residual of a tree node, collected into the adapter's sink (rules and findings). */
export function residualOfNode(
  sink: FindingSink,
  scope: string,
  node: SourceNode,
  modelled: Iterable<string>,
  at: FieldPath,
  subject?: 'agent' | 'server',
): void {
  if (node.kind !== 'object') return;
  const lines = new Map<string, number>(effectiveEntries(node).map((entry) => [entry.key, entry.line]));
  const found = residualRules({
    path: sink.file.path,
    scope,
    value: plainOf(node),
    modelled,
    at,
    lineOf: (field) => lines.get(String(field[field.length - 1])) ?? node.line,
    ...(subject !== undefined && { subject }),
  });
  sink.rules.push(...found.rules);
  sink.findings.push(...found.findings);
}

/** One residual key as a rule: `a.b.key=<value, secrets hashed>`, never narrowing. */
export function residualRule(
  scope: string,
  field: FieldPath,
  value: unknown,
  source: PermissionRule['source'],
): PermissionRule {
  const key = field.map(String).join('.');
  const leaf = String(field[field.length - 1] ?? key);
  const shown = redacted(leaf, value);
  const text = typeof shown === 'string' ? shown : canonicalJson(shown);
  return { scope, effect: 'allow', rule: `${key}=${text}`, tool: leaf, source, residual: true };
}

/**
 * A value as a rule shows it: whatever sits under a secret-looking name, and any string that looks like a
 * secret, becomes `sha256:<16 hex>` of its canonical JSON: different values still differ, none is printed.
 */
export function redacted(key: string, value: unknown): JsonValue {
  if (isSecretName(key) && value !== null && value !== '' && typeof value !== 'boolean') return hashed(value);
  if (typeof value === 'string') return looksLikeSecret(key, value) ? hashed(value) : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value === null || value === undefined || typeof value === 'boolean') return value ?? null;
  if (Array.isArray(value)) return value.map((item) => redacted(key, item));
  if (isRecord(value))
    return Object.fromEntries(ownEntries(value).map(([inner, item]) => [inner, redacted(inner, item)]));
  return String(value);
}

/** The hash a value is shown and digested by. */
export function hashed(value: unknown): string {
  const digest = createHash('sha256').update(canonicalJson(value)).digest('hex');
  return `sha256:${digest.slice(0, 16)}`;
}

/** A tree node as plain JSON, each object's last duplicate key kept (as clients read it), unsafe keys dropped. */
export function plainOf(node: SourceNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(plainOf);
  const out: Record<string, unknown> = {};
  for (const entry of effectiveEntries(node)) {
    Object.defineProperty(out, entry.key, {
      value: plainOf(entry.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
