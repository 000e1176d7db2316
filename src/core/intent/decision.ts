import type { Radius } from '../../model/types.js';

// The decision's shapes, apart from evaluate-intent so that the checks it calls can name them without a cycle.

/** What the model proposes. Validated, never trusted: `evaluateIntent` takes `unknown`. */
export interface Intent {
  tool: string;
  args: Record<string, unknown>;
  reason?: string;
  changeRequest?: string;
}

export type DecisionKind = 'allow' | 'deny' | 'needs-approval';

export type ReasonCode =
  | 'invalid-intent'
  | 'intent-too-large'
  | 'unknown-tool'
  | 'tool-not-bound'
  | 'forbidden-key'
  | 'args-too-deep'
  | 'invalid-input-schema'
  | 'invalid-args'
  | 'protected-target'
  | 'target-not-string'
  | 'target-missing'
  | 'target-nul'
  | 'target-pattern-unusable'
  | 'change-request-missing'
  | 'change-request-malformed'
  | 'approval-required';

export interface DecisionReason {
  code: ReasonCode;
  message: string;
  /** where in the intent the reason points: a JSON pointer such as `/args/db_instance_id` */
  path?: string;
}

export interface Decision {
  decision: DecisionKind;
  tool: string;
  reasons: DecisionReason[];
  /** the tool's blast radius, when the tool exists */
  radius?: Radius;
}
