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
 * What a source file is to the gate. `authority` (the default): a server config, settings, hooks, a plugin, an
 * agent whose file is all grants: control plane as a whole. `agent`: an agent definition, whose text is data plane
 * and whose grants reach the control plane through the diff; one that appears or goes is a new principal, held
 * for the control plane's owners. `text`: text the model reads and nothing else, data plane even when it appears.
 */
export type AdapterRole = 'authority' | 'agent' | 'text';

/**
 * One source format: a small, pure adapter from a file as its client writes it onto the shared model. The record
 * is the whole truth about the format (where it sits, what it is to the gate): nothing keyed by its id elsewhere.
 * Adding a format is one adapter file plus one line in `formats/index.ts`.
 */
export interface SourceAdapter {
  /** stable id, used in reports (`origin` of servers) and in `sources:` config keys */
  id: string;
  /** source kind for `sources:` config: 'mcp-config' | 'mcp-registry' | 'claude-code' | 'copilot' | 'gh-aw' */
  kind: string;
  /**
   * Paths the client also reads, claimed by the gate with no config: nested projects of a monorepo
   * (`app/.claude/settings.json` governs whoever opens `app/`), plugins (`plugins/<name>/agents/x.md`) and
   * suffixes no other file uses (`*.prompt.md`). Claiming more only adds a gate; absent = none.
   */
  alsoReads?: readonly string[];
  /** what the file is to the gate; absent = `authority` */
  role?: AdapterRole;
  /** globs (matched over every character of a path) where the client reads this format, without any config */
  defaultPaths: string[];
  parse(file: SourceFile, options?: ParseOptions): SourceModel;
}

/** What the base config adds to how a source is read: more keys that only describe (`sources: { <kind>: { inert } }`). */
export interface ParseOptions {
  inert?: readonly string[];
}
