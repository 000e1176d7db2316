import { CLAUDE_CODE_CATALOG } from './claude-code.js';
import { GH_AW_CATALOG } from './gh-aw.js';
import { KIRO_CATALOG } from './kiro.js';
import { ROO_CATALOG } from './roo.js';
import type { ToolCatalog } from './types.js';
import { VSCODE_CATALOG } from './vscode.js';

export type { CatalogEntry, ToolCatalog } from './types.js';
export { CLAUDE_CODE_CATALOG, GH_AW_CATALOG, KIRO_CATALOG, ROO_CATALOG, VSCODE_CATALOG };

export const TOOL_CATALOGS: readonly ToolCatalog[] = [
  CLAUDE_CODE_CATALOG,
  VSCODE_CATALOG,
  GH_AW_CATALOG,
  KIRO_CATALOG,
  ROO_CATALOG,
];

/** The catalog for an agent id (`claude:…`, `copilot:…`, `gh-aw:…`); undefined for registry prompts. */
export function catalogForAgent(agentId: string): ToolCatalog | undefined {
  const prefix = agentId.slice(0, agentId.indexOf(':'));
  if (prefix === 'claude') return CLAUDE_CODE_CATALOG;
  if (prefix === 'copilot') return VSCODE_CATALOG;
  if (prefix === 'gh-aw') return GH_AW_CATALOG;
  if (prefix === 'kiro') return KIRO_CATALOG;
  if (prefix === 'roo') return ROO_CATALOG;
  return undefined;
}
