// One repository's authority at a commit, as `agentgate inventory` writes it (stable: add fields, never rename).
import type { Finding, FlowKind, PermissionEffect, Radius } from '../model/types.js';

export interface InventoryCapability {
  name: string;
  file: string;
  radius: Radius;
}

export interface InventoryAgent {
  id: string;
  file: string;
  radius: Radius;
  bindings: string[];
}

export interface InventoryRule {
  scope: string;
  effect: PermissionEffect;
  rule: string;
  radius: Radius;
  file: string;
}

export interface InventoryPath {
  agent: string;
  kind: FlowKind;
  sources: string[];
  sinks: string[];
}

export interface Inventory {
  repository: string;
  commit: string;
  /** the capability digest of the whole surface: an empty tree diffed to this commit */
  digest: string;
  /** the highest radius of any capability; `none` when there is none */
  maxRadius: Radius;
  /** every capability (tools, servers, agent bindings, rules) by radius */
  counts: Record<Radius, number>;
  tools: InventoryCapability[];
  servers: InventoryCapability[];
  agents: InventoryAgent[];
  rules: InventoryRule[];
  paths: InventoryPath[];
  findings: Finding[];
  /** what an org report asks first: agents that reach a shell or a web fetcher, servers with no tool snapshot */
  signals: { shells: string[]; webFetchers: string[]; unpinnedServers: string[] };
}
