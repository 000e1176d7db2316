// VS Code / GitHub Copilot built-in tools and tool sets: the names `tools:` of custom agents, chat modes and
// prompt files use. Values come from VS Code's tools and context reference (tool sets `read`, `search`, `edit`,
// `execute`, `web`, `agent`, `vscode` and their `set/tool` members), the flat ids chat modes used before the tool
// sets existed, and the aliases of GitHub Copilot's custom-agent configuration reference (`shell`, `github/*`,
// `playwright/*`, and the Claude Code names it accepts).
import type { CatalogEntry, CatalogValues, ToolCatalog } from './types.js';
import {
  entries,
  LISTS_FILES,
  NO_EFFECT,
  READS_FILES,
  READS_WEB,
  RUNS_COMMANDS,
  WRITES_FILES,
} from './types.js';

const REFERENCE = 'VS Code tools reference';
const FLAT = 'VS Code, flat tool id of chat modes before tool sets (still read)';
const COPILOT = 'GitHub Copilot custom agents: tool alias';
const PRIVILEGED_LOCAL: CatalogValues = {
  radius: 'privileged',
  untrustedInput: false,
  egress: [],
  dataAccess: 'internal',
};
/** a browser or a GitHub MCP server with write tools: MCP's defaults for a server nobody pinned */
const REMOTE_SERVER: CatalogValues = {
  radius: 'irreversible',
  untrustedInput: true,
  egress: ['*'],
  dataAccess: 'sensitive',
  toolSet: true,
};

const ENTRIES: CatalogEntry[] = [
  // tool sets: `set/anything` resolves to the set, whose values bound every member
  ...entries(['read'], { ...READS_FILES, toolSet: true }, `${REFERENCE}: reads files and command output`),
  ...entries(['search'], { ...READS_FILES, toolSet: true }, `${REFERENCE}: searches the workspace`),
  ...entries(['edit'], { ...WRITES_FILES, toolSet: true }, `${REFERENCE}: edits files and notebooks`),
  ...entries(
    ['execute', 'runCommands', 'runTasks', 'runNotebooks'],
    { ...RUNS_COMMANDS, toolSet: true },
    `${REFERENCE}: runs commands, tasks and notebook cells (runCommands, runTasks: earlier set names)`,
  ),
  ...entries(
    ['web', 'browser'],
    { ...READS_WEB, toolSet: true },
    `${REFERENCE}: web pages and browser tools`,
  ),
  ...entries(
    ['agent'],
    { radius: 'privileged', untrustedInput: true, egress: [], dataAccess: 'sensitive', toolSet: true },
    `${REFERENCE}: delegates to subagents with tools of their own`,
  ),
  ...entries(
    ['vscode'],
    { ...PRIVILEGED_LOCAL, toolSet: true },
    `${REFERENCE}: runs editor commands and installs extensions`,
  ),
  ...entries(['todo'], { ...NO_EFFECT, toolSet: true }, `${COPILOT} for the todo list`),
  ...entries(['github', 'playwright'], REMOTE_SERVER, `${COPILOT}: built-in MCP server, bound as name/*`),
  // single tools, flat ids
  ...entries(
    ['codebase', 'usages', 'textSearch', 'fileSearch', 'readFile', 'searchResults', 'findTestFiles'],
    READS_FILES,
    `${FLAT}: reads or searches workspace files`,
  ),
  ...entries(
    ['listDirectory', 'problems', 'changes', 'testFailure', 'terminalLastCommand', 'terminalSelection'],
    LISTS_FILES,
    `${FLAT}: reads workspace state`,
  ),
  ...entries(['getTerminalOutput', 'getTaskOutput'], LISTS_FILES, `${FLAT}: reads command output`),
  ...entries(
    [
      'editFiles',
      'createFile',
      'createDirectory',
      'editNotebook',
      'new',
      'newWorkspace',
      'newJupyterNotebook',
    ],
    WRITES_FILES,
    `${FLAT}: creates or edits workspace files`,
  ),
  ...entries(
    ['runInTerminal', 'createAndRunTask', 'runTask', 'runTests', 'runNotebookCell', 'runVscodeCommand'],
    RUNS_COMMANDS,
    `${FLAT}: runs a command, task or test (arbitrary code)`,
  ),
  ...entries(
    ['extensions', 'installExtension'],
    PRIVILEGED_LOCAL,
    `${FLAT}: searches and installs extensions`,
  ),
  ...entries(['fetch', 'openSimpleBrowser'], READS_WEB, `${FLAT}: fetches a web page`),
  ...entries(
    ['githubRepo', 'githubTextSearch'],
    { ...READS_WEB, egress: ['api.github.com', 'github.com'] },
    `${REFERENCE}: searches a GitHub repository (anyone's code)`,
  ),
  ...entries(
    ['vscodeAPI', 'VSCodeAPI', 'getProjectSetupInfo', 'think', 'todos', 'askQuestions'],
    NO_EFFECT,
    `${REFERENCE}: documentation lookup, thinking or a question to the user`,
  ),
  ...entries(
    ['runSubagent', 'custom-agent'],
    { radius: 'privileged', untrustedInput: true, egress: [], dataAccess: 'sensitive' },
    `${REFERENCE}: runs a subagent`,
  ),
  ...entries(['shell', 'powershell', 'Bash'], RUNS_COMMANDS, `${COPILOT} for the shell`),
  ...entries(['Read', 'NotebookRead', 'Grep', 'Glob'], READS_FILES, `${COPILOT} for read and search`),
  ...entries(['Edit', 'MultiEdit', 'Write', 'NotebookEdit'], WRITES_FILES, `${COPILOT} for edit`),
  ...entries(['WebSearch', 'WebFetch'], READS_WEB, `${COPILOT} for web`),
  ...entries(
    ['Task'],
    { radius: 'privileged', untrustedInput: true, egress: [], dataAccess: 'sensitive' },
    `${COPILOT} for agent`,
  ),
  ...entries(['TodoWrite'], NO_EFFECT, `${COPILOT} for todo`),
];

export const VSCODE_CATALOG: ToolCatalog = { client: 'copilot', entries: ENTRIES };
