// The one registration point of source formats: one line per adapter, client configs and agent-definition files.
// Which adapter reads a path is the lookup's answer (../lookup.ts), the one the product runs; where two
// adapters claim one path (`plugins/x/agents/AGENTS.md`), the first listed here reads it.
import { claudeAgentsAdapter } from './claude-agents.js';
import { claudeCommandsAdapter } from './claude-commands.js';
import { claudeSettingsAdapter } from './claude-settings.js';
import { claudeSkillsAdapter } from './claude-skills.js';
import { copilotAgentsAdapter } from './copilot-agents.js';
import { copilotChatmodesAdapter } from './copilot-chatmodes.js';
import { copilotPromptsAdapter } from './copilot-prompts.js';
import { ghAwWorkflowsAdapter } from './gh-aw-workflows.js';
import { claudeDesktopConfigAdapter } from './claude-desktop-config.js';
import { claudeMcpJsonAdapter } from './claude-mcp-json.js';
import { codexConfigTomlAdapter } from './codex-config-toml.js';
import { continueMcpYamlAdapter } from './continue-mcp-yaml.js';
import { copilotMcpJsonAdapter } from './copilot-mcp-json.js';
import { cursorMcpJsonAdapter } from './cursor-mcp-json.js';
import { geminiSettingsAdapter } from './gemini-settings.js';
import { mcpServerJsonAdapter } from './mcp-server-json.js';
import { opencodeJsonAdapter } from './opencode-json.js';
import type { SourceAdapter } from '../kit/types.js';
import { vscodeMcpJsonAdapter } from './vscode-mcp-json.js';
import { claudeMarketplaceAdapter } from './claude-marketplace.js';
import { claudePluginAdapter } from './claude-plugin.js';
import { claudePluginHooksAdapter } from './claude-plugin-hooks.js';
import { codexAgentsAdapter } from './codex-agents.js';
import { codexPluginAdapter } from './codex-plugin.js';
import { copilotHooksAdapter } from './copilot-hooks.js';
import { cursorCliAdapter } from './cursor-cli.js';
import { cursorHooksAdapter } from './cursor-hooks.js';
import { instructionsAdapter } from './instructions.js';
import { kiroAgentsAdapter } from './kiro-agents.js';
import { kiroHooksAdapter } from './kiro-hooks.js';
import { kiroMcpJsonAdapter } from './kiro-mcp-json.js';
import { rooMcpJsonAdapter } from './roo-mcp-json.js';
import { rooModesAdapter } from './roo-modes.js';
import { vscodeSettingsAdapter } from './vscode-settings.js';
import { windsurfHooksAdapter } from './windsurf-hooks.js';

export const SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  claudeMcpJsonAdapter,
  copilotMcpJsonAdapter,
  cursorMcpJsonAdapter,
  claudeDesktopConfigAdapter,
  vscodeMcpJsonAdapter,
  geminiSettingsAdapter,
  codexConfigTomlAdapter,
  opencodeJsonAdapter,
  mcpServerJsonAdapter,
  continueMcpYamlAdapter,
  kiroMcpJsonAdapter,
  rooMcpJsonAdapter,
];

/** Files that define agents: their text is data plane, their bindings and keys control plane. */
export const AGENT_SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  claudeAgentsAdapter,
  claudeCommandsAdapter,
  claudeSkillsAdapter,
  claudeSettingsAdapter,
  copilotAgentsAdapter,
  copilotChatmodesAdapter,
  copilotPromptsAdapter,
  ghAwWorkflowsAdapter,
];

/**
 * Hooks, plugins and marketplaces, client settings beyond servers, more clients' agents and modes, and the
 * instruction files (data plane: text the model reads, no grant).
 */
export const CLIENT_SOURCE_ADAPTERS: readonly SourceAdapter[] = [
  claudePluginHooksAdapter,
  cursorHooksAdapter,
  copilotHooksAdapter,
  windsurfHooksAdapter,
  kiroHooksAdapter,
  claudePluginAdapter,
  claudeMarketplaceAdapter,
  codexPluginAdapter,
  vscodeSettingsAdapter,
  cursorCliAdapter,
  codexAgentsAdapter,
  kiroAgentsAdapter,
  rooModesAdapter,
  instructionsAdapter,
];
