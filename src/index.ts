// The library entry (`import { evaluateIntent } from 'agentgate'`). Named exports only; more are added as the
// rest of the public surface settles.

export { loadRegistry } from './load/load-registry.js';
export type { LoadRegistryOptions } from './load/load-registry.js';

export { evaluateIntent, DEFAULT_CHANGE_REQUEST_PATTERN } from './core/evaluate-intent.js';
export type {
  Decision,
  DecisionKind,
  DecisionReason,
  EvaluateOptions,
  Intent,
  ReasonCode,
} from './core/evaluate-intent.js';

export {
  appendDecision,
  readDecisionLog,
  verifyDecisionLog,
  hashEntry,
  GENESIS_HASH,
} from './runtime/decision-log.js';
export type { LogEntry, LogRead, LogVerification } from './runtime/decision-log.js';

export { RADII } from './core/types.js';
export type {
  Credential,
  Finding,
  JsonObject,
  JsonValue,
  Plane,
  Prompt,
  Radius,
  RateLimit,
  Registry,
  Severity,
  SourceRef,
  Tool,
  ToolAnnotations,
  ToolPolicy,
} from './core/types.js';
