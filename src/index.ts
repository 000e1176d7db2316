// The library entry (`import { evaluateIntent } from 'agentgate'`). Named exports only; more are added as the
// rest of the public surface settles.

export { loadRegistry } from './load/load-registry.js';
export type { LoadRegistryOptions } from './load/load-registry.js';
export { loadBundle } from './load/load-bundle.js';
export type { ControlBundle, DataBundle, ReleaseBundle } from './core/release/bundle.js';

export { evaluateIntent, DEFAULT_CHANGE_REQUEST_PATTERN } from './core/intent/evaluate-intent.js';
export type {
  Decision,
  DecisionKind,
  DecisionReason,
  EvaluateOptions,
  Intent,
  ReasonCode,
} from './core/intent/evaluate-intent.js';

export {
  appendDecision,
  readDecisionLog,
  verifyDecisionLog,
  hashEntry,
  GENESIS_HASH,
} from './runtime/decision-log.js';
export type { LogEntry, LogRead, LogVerification } from './runtime/decision-log.js';

export { computeDiff } from './load/compute-diff.js';
export type { ComputeDiffOptions, ComputeDiffResult } from './load/compute-diff.js';
export { buildDiffReport } from './core/diff/build-diff.js';
export { diffToolRegistry } from './core/diff/diff-tools.js';
export { classifyBlastRadius } from './core/radius/radius.js';
export { SCHEMAS } from './schemas/index.js';

export { RADII } from './model/types.js';
export type {
  ControlPlaneReport,
  Credential,
  DataPlaneReport,
  DiffReport,
  FieldChange,
  Finding,
  Flow,
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
  ToolChange,
  ToolPolicy,
} from './model/types.js';
