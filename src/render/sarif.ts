// Findings -> SARIF 2.1.0, for GitHub code scanning annotations on the pull request.
import { findingKey } from '../core/plane/new-findings.js';
import { messageWithoutLocation } from '../parse/findings.js';
import type { Finding, Severity } from '../model/types.js';
import { renderSarifLog } from './sarif-log.js';
import type { SarifItem, SarifLevel } from './sarif-log.js';
import { FINDING_RULES, findingSeverity } from './sarif-rules.js';

const LEVELS: Readonly<Record<Severity, SarifLevel>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export interface SarifOptions {
  version?: string;
  /** code scanning's category; `agentgate/validate/` for `validate` */
  automationId?: string;
}

/** The whole registry's findings (`validate --format sarif`). */
export function renderSarif(findings: readonly Finding[], options: SarifOptions = {}): string {
  return renderSarifLog(findings.map(findingItem), {
    automationId: options.automationId ?? 'agentgate/validate/',
    ...(options.version !== undefined && { version: options.version }),
  });
}

export function findingItem(finding: Finding): SarifItem {
  const level = LEVELS[finding.severity];
  const text = FINDING_RULES[finding.code] ?? {
    short: finding.code,
    why: `agentgate reports ${finding.code}.`,
    fix: 'See the message.',
  };
  return {
    rule: { id: finding.code, ...text, severity: findingSeverity(finding.code, level) },
    level,
    message: messageWithoutLocation(finding),
    path: finding.path,
    line: finding.line,
    // the same identity that tells a new finding from a pre-existing one: code, file, subject
    identity: [findingKey(finding)],
  };
}
