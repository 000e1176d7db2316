// Agent-definition sources (SPEC 2.4). The lead joins this list with SOURCE_ADAPTERS of adapters.ts.
import { claudeAgentsAdapter } from './claude-agents.js';
import { claudeCommandsAdapter } from './claude-commands.js';
import { claudeSettingsAdapter } from './claude-settings.js';
import { claudeSkillsAdapter } from './claude-skills.js';
import { copilotAgentsAdapter } from './copilot-agents.js';
import { copilotChatmodesAdapter } from './copilot-chatmodes.js';
import { copilotPromptsAdapter } from './copilot-prompts.js';
import { ghAwWorkflowsAdapter } from './gh-aw-workflows.js';
import type { SourceAdapter } from './types.js';

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
