import type { SourceFile } from '../../model/source-file.js';
import type { ExecutedFile, Finding, PermissionRule, Prompt, Server, Tool } from '../../model/types.js';

/**
 * What one source file contributes to the shared model. Agents are `Prompt`s: their text is data plane, their
 * `tools` bindings are control plane. A binding of `*` means the agent inherits every tool.
 */
export interface SourceModel {
  servers: Server[];
  tools: Tool[];
  agents: Prompt[];
  permissions: PermissionRule[];
  findings: Finding[];
  /** repository files the file's entries run or load (hook scripts, skill scripts); absent = none */
  executables?: ExecutedFile[];
}

/**
 * One source format: a small, pure adapter from a file as its client writes it onto the shared model.
 * Adding a format is one adapter file plus one line in `adapters.ts`.
 */
export interface SourceAdapter {
  /** stable id, used in reports (`origin` of servers) and in `sources:` config keys */
  id: string;
  /** source kind for `sources:` config: 'mcp-config' | 'mcp-registry' | 'claude-code' | 'copilot' | 'gh-aw' */
  kind: string;
  /** globs (matched over every character of a path) where the client reads this format, without any config */
  defaultPaths: string[];
  parse(file: SourceFile, options?: ParseOptions): SourceModel;
}

/** What the base config adds to how a source is read: more keys that only describe (`sources: { <kind>: { inert } }`). */
export interface ParseOptions {
  inert?: readonly string[];
}
