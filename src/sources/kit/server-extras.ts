// Per-server keys the server reader does not model but a client documents as authority (Kiro's `autoApprove`,
// Roo's `alwaysAllow`, `disabled`, `disabledTools`): one rule each, `mcpServers.<name>.<key>=<value>` (tool
// `mcpServers`), so pre-approving a tool or switching a server on is a rule change.
import { isRecord, ownEntries } from './front-matter.js';
import { valueRules } from './permission-rule.js';
import type { SettingsFile } from './settings-json.js';
import type { SourceModel } from './types.js';

/** Keys every server reader models already. */
const READ = new Set(['command', 'args', 'env', 'url', 'headers', 'type', 'cwd', 'httpUrl', 'serverUrl']);

/**
 * The per-server keys these clients document (Kiro: `autoApprove`, `disabled`, `disabledTools`; Roo:
 * `alwaysAllow`, `disabled`, `disabledTools`, `timeout`, `watchPaths`). The entry reader counts them as modelled;
 * any other key of an entry is its residual.
 */
export const SERVER_EXTRA_KEYS = [
  'autoApprove',
  'alwaysAllow',
  'disabled',
  'disabledTools',
  'timeout',
  'watchPaths',
];
const EXTRA = new Set(SERVER_EXTRA_KEYS);

export function serverExtraRules(
  scope: string,
  settings: SettingsFile,
  key: string,
  model: SourceModel,
): void {
  const servers = settings.value[key];
  if (!isRecord(servers)) return;
  for (const [name, entry] of ownEntries(servers)) {
    if (!isRecord(entry)) continue;
    for (const [field, value] of ownEntries(entry)) {
      if (READ.has(field) || !EXTRA.has(field)) continue;
      const effect = field === 'disabled' && value === true ? 'deny' : 'allow';
      model.permissions.push(
        ...valueRules(scope, effect, `${key}.${name}.${field}`, value, settings.at(key, name, field)),
      );
    }
  }
}
