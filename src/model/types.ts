import type { FindingCode } from './finding-code.js';
import type { EvalDelta } from './eval.js';

// Shared data shapes of the pure core. Everything here is plain data: loaders produce it, the core
// transforms it, renderers print it.

export const RADII = ['none', 'read', 'write', 'irreversible', 'privileged'] as const;
export type Radius = (typeof RADII)[number];

export function isRadius(value: string): value is Radius {
  return (RADII as readonly string[]).includes(value);
}

export type Plane = 'data' | 'control' | 'none';
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  code: FindingCode;
  path: string;
  line: number;
  message: string;
  /** the tool (or prompt id) the finding is about, when there is one: waivers match on it */
  tool?: string;
  /** what `tool` names when it is no tool: a server or an agent of the same name is another subject */
  subject?: 'server' | 'agent';
  /** the dotted field the finding is about, when there is one */
  field?: string;
  /**
   * In a diff: whether the base lacks this finding (matched by code, file and subject, never by line). Only new
   * findings decide a gate; a finding without the flag counts as new (fail closed).
   */
  new?: boolean;
}

/** Where a parsed value came from; never part of a digest, so moving a file changes nothing. */
export interface SourceRef {
  path: string;
  line: number;
}

export interface Credential {
  name: string;
  scopes: string[];
}

export interface RateLimit {
  calls: number;
  per: string;
}

export interface ToolPolicy {
  protectedTargets?: string[];
  targetField?: string;
  requireChangeRequest?: boolean;
}

export interface ToolAnnotations {
  title?: string;
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * A tool as the core sees it, after parsing and normalising a `kind: Tool` manifest or one entry of a
 * `kind: McpServer` snapshot. Arrays are sorted and de-duplicated so that equal capabilities compare equal.
 */
export interface Tool {
  name: string;
  /** set for tools that come from a `kind: McpServer` manifest */
  server?: string;
  description?: string;
  owner?: string;
  effect?: Radius;
  scopes: string[];
  credentials: Credential[];
  egress: string[];
  dataAccess: 'none' | 'internal' | 'sensitive';
  untrustedInput: boolean;
  rateLimit?: RateLimit;
  approval: 'none' | 'human';
  inputSchema?: JsonObject;
  policy?: ToolPolicy;
  annotations?: ToolAnnotations;
  /** MCP server transport (command/url), for server tools: a changed binary is a changed capability */
  transport?: JsonValue;
  source: SourceRef;
}

export interface Prompt {
  id: string;
  version?: string;
  model?: string;
  /** the tools this agent is bound to; undefined when the prompt binds none */
  tools?: string[];
  outputSchema?: JsonObject;
  /** the prompt text (markdown body or `template`) */
  text: string;
  /** other front-matter keys, kept for the behavioural diff */
  meta: JsonObject;
  source: SourceRef;
}

// ---------------------------------------------------------------- servers, sources, permission rules

/**
 * How an agent reaches an MCP server, as its client config (or a `kind: McpServer` manifest) writes it.
 * `type` is inferred when absent: `command` means stdio, `url` means remote.
 */
export interface ServerTransport {
  type: 'stdio' | 'http' | 'sse' | 'unknown';
  command?: string;
  args?: string[];
  cwd?: string;
  url?: string;
  /** env values and header values: compared and digested, never printed (they may be secrets) */
  env?: Record<string, string>;
  headers?: Record<string, string>;
  /** transport keys agentgate does not model (`envFile`, `timeout`…): any change to them widens */
  other?: JsonObject;
}

/**
 * An MCP server the agent may reach: a capability of its own, with or without a tool snapshot.
 * Credentials are the NAMES of env and header keys (never their values); egress is the url host, or `*` for a
 * stdio server nobody pinned.
 */
export interface Server {
  name: string;
  /** which source declared it: 'manifest' for `kind: McpServer`, else the source adapter's id */
  origin: string;
  transport: ServerTransport;
  credentials: Credential[];
  egress: string[];
  /** tool names of a pinned `tools/list` snapshot; undefined when nobody pinned them */
  tools?: string[];
  /** client-side allow list of tool names (narrows the server); undefined = no list */
  includeTools?: string[];
  /** client-side deny list of tool names (narrows the server) */
  excludeTools?: string[];
  owner?: string;
  /** Gemini's `trust: true`: the client skips every confirmation for this server's tools (widens authority) */
  trust?: boolean;
  /** `enabled: false` (Codex, OpenCode) or `disabled: true`: declared but switched off; undefined = on */
  enabled?: boolean;
  /** what the server is for, as its manifest says */
  description?: string;
  source: SourceRef;
}

export type PermissionEffect = 'allow' | 'ask' | 'deny';

/**
 * One permission rule of a client's settings (`Bash(npm run test:*)`, `WebFetch(domain:x)`, `mcp__srv__tool`),
 * or one gated setting (`defaultMode`, `enableAllProjectMcpServers`, `hooks`), as written.
 */
export interface PermissionRule {
  /** the file (or agent) the rule belongs to */
  scope: string;
  effect: PermissionEffect;
  /** the rule as written */
  rule: string;
  /** the tool the rule names (`Bash`, `mcp__srv__tool`); the setting key for gated settings */
  tool: string;
  source: SourceRef;
  /**
   * A key the adapter does not model (the residual): nobody can tell whether it grants or restrains, so both
   * its appearing and its going widen, at the `write` radius at least.
   */
  residual?: true;
  /**
   * An ordered setting (`sandbox_mode`, `defaultMode`, `permissions.contents`): compared by rank within its
   * `setting`, never as text. `unset` is the rank the client uses when the setting is absent, when known. A
   * setting ending in `.*` (`permissions.*` of `read-all`) sets every member of its group.
   */
  rank?: { setting: string; rank: number; unset?: number };
}

/**
 * A repository file (or folder, every file under it) that a control entry runs or loads: a hook's script, a local
 * server's program, a skill's `scripts/`, a plugin component path. Editing it is a control-plane change at the
 * radius of the entry that runs it, even when no config changed.
 */
export interface ExecutedFile {
  /** repository-relative path; a folder ends with `/` */
  path: string;
  radius: Radius;
  /** the entry that runs it, as a reviewer reads it (`hooks.PreToolUse[Bash]` of a file) */
  by: string;
  source: SourceRef;
}

export interface Registry {
  tools: Tool[];
  prompts: Prompt[];
  findings: Finding[];
  /** MCP servers, from manifests and client configs; absent = none */
  servers?: Server[];
  /** permission rules of client settings; absent = none */
  permissions?: PermissionRule[];
  /**
   * Agents defined in client files (`.claude/agents/x.md`, `*.agent.md`, gh-aw workflows), ids `<client>:<name>`.
   * Kept apart from `prompts`: their text has no version to bump; their bindings are diffed like prompts'.
   */
  agents?: Prompt[];
  /** repository files the sources run or load (hook scripts, skill scripts, plugin components); absent = none */
  executables?: ExecutedFile[];
}

// ---------------------------------------------------------------- config

export interface SignoffCounts {
  none: number;
  read: number;
  write: number;
  irreversible: number;
  privileged: number;
  narrowing: number;
}

/** What a waiver names: a tool (or prompt id), a server, or an agent; a name alone could be any of them. */
export type WaiverKind = 'tool' | 'server' | 'agent';

export interface Waiver {
  /** `tool` when absent */
  kind?: WaiverKind;
  tool: string;
  code: string;
  owner: string;
  reason: string;
  expires: string;
}

export interface EvalConfig {
  results?: string;
  baseline?: string;
  maxPassRateDrop?: number;
  minPassRate?: number;
}

export interface Config {
  version: 1;
  /** a floor under this config (read from the base): it can only tighten */
  extends?: { path: string; repository?: string; ref?: string };
  planes: {
    data: {
      paths: string[];
      reviewers: string[];
      versionBump: 'required' | 'warn' | 'off';
      eval?: EvalConfig;
    };
    control: {
      paths: string[];
      reviewers: string[];
      signers: string[];
      signoffs: SignoffCounts;
      maxRadius: Radius;
      internalHosts: string[];
    };
  };
  radius: { actions: Record<string, Radius> };
  waivers: Waiver[];
  /**
   * `sources:`, keyed by source kind (`mcp-config`, `claude-code`…) or adapter id (`mcp-json`…):
   * `enabled: false` turns it off, `paths` adds globs it reads, `inert` adds top-level keys that only describe
   * (data plane; a key the client reads as authority stays authority). Absent = every default source on.
   */
  sources?: Record<string, { enabled: boolean; paths: string[]; inert?: string[] }>;
  /** what a runtime trusts in a released bundle; absent = nothing pinned */
  release?: ReleasePins;
}

/** The signers of released bundles a runtime accepts: Ed25519 keys, or a workflow's artifact attestation. */
export interface ReleasePins {
  publicKeys: string[];
  signer?: { repository: string; workflow: string; ref: string };
}

// ---------------------------------------------------------------- diff

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  path: string;
  status: FileStatus;
  oldPath?: string;
}

export type ChangeKind = 'widened' | 'narrowed' | 'changed';

export interface FieldChange {
  field: string;
  kind: ChangeKind;
  added?: string[];
  removed?: string[];
  before?: JsonValue;
  after?: JsonValue;
  /** human-readable details, e.g. schema paths that now accept more */
  details?: string[];
}

export type ToolChangeKind = 'added' | 'removed' | 'modified' | 'renamed';

export interface ToolChange {
  name: string;
  change: ToolChangeKind;
  oldName?: string;
  radiusBefore: Radius | null;
  radiusAfter: Radius | null;
  escalation: boolean;
  /** every field change is narrowed (or the tool is removed) */
  narrowing: boolean;
  changes: FieldChange[];
  path: string;
  line: number;
}

/** A server's change, compared like a tool's fields (transport, credentials, egress, tool lists). */
export interface ServerChange {
  name: string;
  change: ToolChangeKind;
  oldName?: string;
  /** the file that declares it (head side, or base side when removed) */
  source: string;
  radiusBefore: Radius | null;
  radiusAfter: Radius | null;
  escalation: boolean;
  narrowing: boolean;
  changes: FieldChange[];
  path: string;
  line: number;
}

/** A permission rule or gated setting that appeared or went: diffed as a set of (scope, effect, rule). */
export interface PermissionChange {
  scope: string;
  rule: string;
  effect: PermissionEffect;
  change: 'added' | 'removed';
  /** an added allow rule or a removed deny/ask rule widens what the tool it names may do; the reverse narrows */
  kind: 'widened' | 'narrowed';
  /** the radius of what the rule is about (ruleRadius) */
  radius: Radius;
  path: string;
  line: number;
}

export interface BindingChange {
  agent: string;
  added: string[];
  removed: string[];
}

export type FlowKind = 'untrusted-to-action' | 'lethal-trifecta';

export interface Flow {
  kind: FlowKind;
  agent: string;
  sources: string[];
  sinks: string[];
  /**
   * members reached through a server the agent's client does not declare (another client's config, a file no
   * client profile names): the path is kept, fail closed, and these are named so a reviewer can tell
   */
  unattributed?: string[];
}

export interface PromptChange {
  id: string;
  change: ToolChangeKind;
  oldId?: string;
  versionBefore: string | null;
  versionAfter: string | null;
  path: string;
}

export interface RefInfo {
  ref: string;
  sha: string | null;
}

export interface DataPlaneReport {
  changed: boolean;
  files: ChangedFile[];
  prompts: PromptChange[];
  reviewers: string[];
  /** the behavioural verdict, when `planes.data.eval` is configured and the data plane changed */
  eval?: EvalDelta;
}

export interface ControlPlaneReport {
  changed: boolean;
  files: ChangedFile[];
  tools: ToolChange[];
  bindings: BindingChange[];
  flows: { added: Flow[]; removed: Flow[] };
  maxRadius: Radius | null;
  escalation: boolean;
  narrowingOnly: boolean;
  requiredSignoffs: number;
  digest: string;
  reviewers: string[];
  /** MCP servers added, removed, modified or renamed; always set by the diff */
  servers?: ServerChange[];
  /** changed control-plane files no parser modelled (scripts, templates, policies): each needs sign-off */
  unmodelled?: string[];
  /** permission rules and gated settings of client files that appeared or went; always set by the diff */
  permissions?: PermissionChange[];
}

export interface AppliedWaiver extends Waiver {
  path: string;
}

export interface DiffReport {
  schemaVersion: 1;
  base: RefInfo;
  head: RefInfo;
  planes: { data: DataPlaneReport; control: ControlPlaneReport };
  /** changed files that fall in no plane: listed so nothing changes unseen */
  ungoverned?: ChangedFile[];
  findings: Finding[];
  waivers: { applied: AppliedWaiver[]; expired: Waiver[] };
  /** the floors under the base config and the rules they set (absent: no floor) */
  floor?: FloorReport;
}

// ---------------------------------------------------------------- floors

/** One rule a floor set: the value the repository wrote, the floor's, and the one that judges. */
export interface FloorRule {
  /** dotted config key, e.g. `planes.control.signoffs.privileged` */
  key: string;
  floor: JsonValue;
  repository: JsonValue;
  effective: JsonValue;
  /** the floor changed what the repository's own config said */
  tightened: boolean;
  /** the floor that set it */
  from: string;
}

export interface FloorReport {
  floors: string[];
  rules: FloorRule[];
}
