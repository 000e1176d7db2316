// Kiro's built-in agent tools, as an agent's `tools` names them (current names and the short aliases Kiro also
// accepts). `@builtin` binds every entry; `@server` and `@server/tool` are MCP servers, not built-ins.
import type { CatalogEntry, ToolCatalog } from './types.js';
import {
  entries,
  LISTS_FILES,
  NO_EFFECT,
  READS_FILES,
  READS_WEB,
  RUNS_COMMANDS,
  WRITES_FILES,
} from './types.js';

const REFERENCE = 'Kiro custom agents: built-in tool';

const ENTRIES: CatalogEntry[] = [
  ...entries(['fs_read', 'read'], READS_FILES, `${REFERENCE}: reads files`),
  ...entries(['glob', 'grep', 'code'], READS_FILES, `${REFERENCE}: searches files and code`),
  ...entries(['fs_write', 'write'], WRITES_FILES, `${REFERENCE}: writes files`),
  ...entries(['execute_bash', 'execute_cmd', 'shell'], RUNS_COMMANDS, `${REFERENCE}: runs shell commands`),
  ...entries(
    ['use_aws', 'aws'],
    { radius: 'privileged', untrustedInput: true, egress: ['*.amazonaws.com'], dataAccess: 'sensitive' },
    `${REFERENCE}: calls AWS APIs with the user's credentials`,
  ),
  ...entries(['web_fetch', 'web_search'], READS_WEB, `${REFERENCE}: fetches or searches the web`),
  ...entries(
    ['knowledge', 'introspect'],
    LISTS_FILES,
    `${REFERENCE}: indexed knowledge and self-description`,
  ),
  ...entries(
    ['thinking', 'todo_list', 'report_issue'],
    NO_EFFECT,
    `${REFERENCE}: no effect outside the chat`,
  ),
];

export const KIRO_CATALOG: ToolCatalog = { client: 'kiro', entries: ENTRIES };
