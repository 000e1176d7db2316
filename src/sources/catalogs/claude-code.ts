// Claude Code's built-in tools: the names its `tools`, `allowed-tools` and permission rules match. Values come
// from Claude Code's tools reference and its permission documentation (which tools ask before running), plus
// the retired names real subagent files still carry.
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

const TOOLS_REFERENCE = 'Claude Code tools reference';
const RETIRED = 'Claude Code, retired name still found in real agent files';

const ENTRIES: CatalogEntry[] = [
  ...entries(
    ['Read', 'Grep'],
    READS_FILES,
    `${TOOLS_REFERENCE}: reads file contents, not gated in the work tree`,
  ),
  ...entries(['Glob'], LISTS_FILES, `${TOOLS_REFERENCE}: finds files by pattern`),
  ...entries(['LSP'], LISTS_FILES, `${TOOLS_REFERENCE}: code intelligence from language servers`),
  ...entries(['LS'], { ...LISTS_FILES, legacy: true }, `${RETIRED}: lists a directory`),
  ...entries(['NotebookRead'], { ...READS_FILES, legacy: true }, `${RETIRED}: reads a Jupyter notebook`),
  ...entries(['Write', 'Edit', 'NotebookEdit'], WRITES_FILES, `${TOOLS_REFERENCE}: edits files, asks first`),
  ...entries(['MultiEdit'], { ...WRITES_FILES, legacy: true }, `${RETIRED}: several edits to one file`),
  ...entries(['Bash'], RUNS_COMMANDS, `${TOOLS_REFERENCE}: runs shell commands as the user, asks first`),
  ...entries(
    ['BashOutput', 'TaskOutput'],
    { radius: 'read', untrustedInput: true, egress: [], dataAccess: 'sensitive' },
    `${TOOLS_REFERENCE}: reads the output of a background shell or task`,
  ),
  ...entries(
    ['KillShell', 'KillBash', 'TaskStop'],
    { ...NO_EFFECT, radius: 'write' },
    `${TOOLS_REFERENCE} (KillBash and KillShell are earlier names): stops a background shell or task`,
  ),
  ...entries(['WebFetch'], READS_WEB, `${TOOLS_REFERENCE}: fetches a URL, asks first`),
  ...entries(['WebSearch'], READS_WEB, `${TOOLS_REFERENCE}: searches the web, asks first`),
  ...entries(
    ['Task', 'Agent'],
    { radius: 'privileged', untrustedInput: true, egress: [], dataAccess: 'sensitive' },
    `${TOOLS_REFERENCE} (Agent, formerly Task): starts a subagent with tools of its own`,
  ),
  ...entries(
    ['Skill', 'SlashCommand'],
    { radius: 'privileged', untrustedInput: false, egress: [], dataAccess: 'internal' },
    `${TOOLS_REFERENCE}: runs a skill or command, which may pre-approve tools of its own`,
  ),
  ...entries(
    ['ListMcpResourcesTool', 'ReadMcpResourceTool'],
    { radius: 'read', untrustedInput: true, egress: [], dataAccess: 'internal' },
    `${TOOLS_REFERENCE}: reads resources of configured MCP servers`,
  ),
  ...entries(
    [
      'TodoWrite',
      'AskUserQuestion',
      'ToolSearch',
      'TaskCreate',
      'TaskGet',
      'TaskList',
      'TaskUpdate',
      'EnterPlanMode',
    ],
    NO_EFFECT,
    `${TOOLS_REFERENCE}: session bookkeeping or a question to the user`,
  ),
  ...entries(['TodoRead'], { ...NO_EFFECT, legacy: true }, `${RETIRED}: reads the session's todo list`),
  ...entries(
    ['ExitPlanMode'],
    { ...NO_EFFECT, radius: 'write' },
    `${TOOLS_REFERENCE}: leaves plan mode so edits may follow, asks first`,
  ),
  ...entries(['exit_plan_mode'], { ...NO_EFFECT, radius: 'write', legacy: true }, `${RETIRED}: ExitPlanMode`),
  ...entries(
    ['CronCreate', 'CronDelete'],
    { ...NO_EFFECT, radius: 'write' },
    `${TOOLS_REFERENCE}: schedules or removes a recurring prompt in the session`,
  ),
  ...entries(['CronList'], { ...NO_EFFECT, radius: 'read' }, `${TOOLS_REFERENCE}: lists scheduled prompts`),
  ...entries(
    ['EnterWorktree', 'ExitWorktree'],
    { ...WRITES_FILES },
    `${TOOLS_REFERENCE}: creates or leaves a git worktree`,
  ),
];

export const CLAUDE_CODE_CATALOG: ToolCatalog = { client: 'claude-code', entries: ENTRIES };
