// GitHub Agentic Workflows' built-in tools: the keys of a workflow's `tools:` map. Values come from gh-aw's tools
// reference: the agent runs inside the Actions job, writes to GitHub go through `safe-outputs`, and the network
// is limited by `network:` (which the workflow's permission rules record, not this catalog).
import type { CatalogEntry, ToolCatalog } from './types.js';
import { entries, NO_EFFECT, READS_WEB, RUNS_COMMANDS, WRITES_FILES } from './types.js';

const REFERENCE = 'gh-aw tools reference';

const ENTRIES: CatalogEntry[] = [
  ...entries(['bash'], RUNS_COMMANDS, `${REFERENCE}: shell commands in the runner (allow list or all)`),
  ...entries(['edit'], WRITES_FILES, `${REFERENCE}: edits files in the checked-out repository`),
  ...entries(['web-fetch'], READS_WEB, `${REFERENCE}: fetches web pages`),
  ...entries(['web-search'], READS_WEB, `${REFERENCE}: searches the web`),
  ...entries(
    ['github'],
    { radius: 'read', untrustedInput: true, egress: ['api.github.com'], dataAccess: 'sensitive' },
    `${REFERENCE}: GitHub MCP server, read-only toolsets; issue and PR text is anyone's`,
  ),
  ...entries(
    ['playwright'],
    { radius: 'irreversible', untrustedInput: true, egress: ['*'], dataAccess: 'none' },
    `${REFERENCE}: a headless browser that can submit forms`,
  ),
  ...entries(
    ['cache-memory', 'repo-memory'],
    { ...WRITES_FILES, untrustedInput: true },
    `${REFERENCE}: memory kept between runs (earlier runs may have written anything)`,
  ),
  ...entries(['agentic-workflows'], { ...NO_EFFECT, radius: 'read' }, `${REFERENCE}: inspects workflow runs`),
  ...entries(
    ['cli-proxy'],
    { ...RUNS_COMMANDS },
    'gh-aw, observed in real workflows: proxies CLI calls from the agent container',
  ),
];

export const GH_AW_CATALOG: ToolCatalog = { client: 'gh-aw', entries: ENTRIES };
