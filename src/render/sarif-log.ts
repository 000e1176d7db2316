// The SARIF 2.1.0 log itself: rules, results, fingerprints and the automation category code scanning tracks.
import { createHash } from 'node:crypto';
import type { RuleText } from './sarif-rules.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifRule extends RuleText {
  id: string;
  /** SARIF's security-severity, 0.0-10.0 (a string, as GitHub reads it) */
  severity: number;
}

export interface SarifItem {
  rule: SarifRule;
  level: SarifLevel;
  message: string;
  path: string;
  line: number;
  /** what identifies the alert across commits: never a line number */
  identity: readonly string[];
}

export interface SarifLogOptions {
  /** code scanning's category: alerts of one category replace each other's, never another's */
  automationId: string;
  version?: string;
}

export function renderSarifLog(items: readonly SarifItem[], options: SarifLogOptions): string {
  const rules = new Map<string, SarifRule>();
  for (const item of items) {
    const known = rules.get(item.rule.id);
    // one rule per id; its severity is the highest of its results'
    if (!known || known.severity < item.rule.severity) rules.set(item.rule.id, item.rule);
  }
  const ids = [...rules.keys()].sort();
  const ruleIndex = new Map(ids.map((id, index) => [id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agentgate',
            ...(options.version !== undefined && { version: options.version }),
            rules: ids.map((id) => describeRule(rules.get(id) as SarifRule)),
          },
        },
        automationDetails: { id: options.automationId },
        columnKind: 'unicodeCodePoints',
        results: items.map((item) => ({
          ruleId: item.rule.id,
          ruleIndex: ruleIndex.get(item.rule.id),
          level: item.level,
          message: { text: item.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(item.path) },
                region: { startLine: Math.max(1, Math.trunc(item.line) || 1) },
              },
            },
          ],
          partialFingerprints: { 'agentgateFingerprint/v1': fingerprint(item.rule.id, item.identity) },
          properties: { 'security-severity': item.rule.severity.toFixed(1) },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: SarifRule) {
  const full = `${rule.short}. ${rule.why}`;
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.short },
    fullDescription: { text: full },
    help: {
      text: `${rule.why}\n\nHow to fix: ${rule.fix}`,
      markdown: `**${rule.short}**\n\n${rule.why}\n\n**How to fix:** ${rule.fix}`,
    },
    properties: { tags: ['security', 'agentgate'], 'security-severity': rule.severity.toFixed(1) },
  };
}

/** `escalation/privileged` -> `EscalationPrivileged`: SARIF names are identifiers, ids may hold any character. */
function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Stable across commits: the rule and the subject, never the line (code scanning adds its own line hash). */
function fingerprint(ruleId: string, identity: readonly string[]): string {
  return createHash('sha256')
    .update([ruleId, ...identity].join('\0'))
    .digest('hex');
}

/** A repository-relative path as a relative URI: each segment percent-encoded, separators kept. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
