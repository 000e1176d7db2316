import { agentAllows } from './agent-scope.js';
import type { AgentScope } from './agent-scope.js';
import { checkShape, checkTargets, quote } from './arg-reasons.js';
import { revealUnseen } from '../../text/reveal-unseen.js';
import { checkAgainstSchema } from './schema-validator.js';
import type { SchemaViolation } from './schema-validator.js';
import type { Decision, DecisionKind, DecisionReason } from './decision.js';
import { indexTools } from './tool-index.js';
import { classifyBlastRadius } from '../radius/radius.js';
import type { Radius, Registry, Tool } from '../../model/types.js';
import { intentSchema } from '../../schemas/index.js';

export type { Decision, DecisionKind, DecisionReason, Intent, ReasonCode } from './decision.js';

export interface EvaluateOptions {
  /** reserved for time-bound policies; no check reads the clock today, so decisions do not depend on it */
  now?: Date;
  /** the well-formed change-request id; default `^[A-Z][A-Z0-9]+-\d+$` (CHG-1234, OPS-7) */
  changeRequestPattern?: RegExp;
  /** action -> radius floors from config, for the reported radius */
  radiusOverrides?: Readonly<Record<string, Radius>>;
  /** `--agent ID`: only the tools this agent binds may run (resolveAgentScope) */
  agent?: AgentScope;
}

export const DEFAULT_CHANGE_REQUEST_PATTERN = /^[A-Z][A-Z0-9]+-\d+$/;

/**
 * Decides one intent against the registry. Pure and deterministic: every check runs and its reasons are
 * collected in a fixed order (intent shape, tool, agent binding, arguments, argument shape, targets, change
 * request, approval), so the same registry and intent always give the same decision, byte for byte. Any deny
 * reason makes the decision `deny`; otherwise `approval: human` makes it `needs-approval`.
 */
export function evaluateIntent(
  registry: Registry | readonly Tool[],
  intent: unknown,
  options: EvaluateOptions = {},
): Decision {
  const reasons: DecisionReason[] = [];
  const record = isRecord(intent) ? intent : undefined;
  const shape = checkAgainstSchema(intentSchema, intent);
  if (shape.kind === 'invalid')
    reasons.push(...shape.violations.map((v) => schemaReason('invalid-intent', v, '')));

  const toolName = typeof record?.tool === 'string' ? record.tool : '';
  const tool = toolName === '' ? undefined : indexTools(registry).get(toolName);
  if (toolName !== '' && !tool) {
    reasons.push({
      code: 'unknown-tool',
      message: `no tool named ${quote(toolName)} in the registry`,
      path: '/tool',
    });
  }
  if (tool && options.agent && !agentAllows(options.agent, tool.name)) {
    reasons.push({
      code: 'tool-not-bound',
      message: `agent ${quote(options.agent.id)} does not bind ${quote(tool.name)}`,
      path: '/tool',
    });
  }
  if (!tool) return decide(toolName, reasons, undefined);

  const args = record?.args === undefined ? {} : record.args;
  const shapeReasons = checkShape(args);
  // arguments nested past the limit are already refused; the schema check would recurse through all of them
  if (!shapeReasons.some((reason) => reason.code === 'args-too-deep')) reasons.push(...checkArgs(tool, args));
  reasons.push(...shapeReasons);
  // a missing target the schema already refused (a required field) is said once, by the schema
  const refused = new Set(reasons.filter((r) => r.code === 'invalid-args').map((r) => r.path));
  reasons.push(
    ...checkTargets(tool, args).filter((r) => r.code !== 'target-missing' || !refused.has(r.path)),
  );
  reasons.push(...checkChangeRequest(tool, record?.changeRequest, options.changeRequestPattern));
  if (tool.approval === 'human') {
    reasons.push({
      code: 'approval-required',
      message: `${tool.name} requires human approval before it runs`,
    });
  }
  return decide(toolName, reasons, classifyBlastRadius(tool, options.radiusOverrides).radius);
}

function decide(tool: string, reasons: DecisionReason[], radius: Radius | undefined): Decision {
  const denied = reasons.some((reason) => reason.code !== 'approval-required');
  const decision: DecisionKind = denied ? 'deny' : reasons.length > 0 ? 'needs-approval' : 'allow';
  return radius === undefined ? { decision, tool, reasons } : { decision, tool, reasons, radius };
}

function checkArgs(tool: Tool, args: unknown): DecisionReason[] {
  if (!tool.inputSchema) return [];
  const check = checkAgainstSchema(tool.inputSchema, args);
  if (check.kind === 'valid') return [];
  if (check.kind === 'unusable-schema') {
    // fail closed: arguments that cannot be checked are not let through
    return [
      {
        code: 'invalid-input-schema',
        message: `the inputSchema of ${tool.name} cannot be compiled: ${check.message}`,
        path: '/args',
      },
    ];
  }
  return check.violations.map((violation) => schemaReason('invalid-args', violation, '/args'));
}

function checkChangeRequest(
  tool: Tool,
  changeRequest: unknown,
  pattern: RegExp | undefined,
): DecisionReason[] {
  if (tool.policy?.requireChangeRequest !== true) return [];
  if (changeRequest === undefined || changeRequest === null || changeRequest === '') {
    return [
      {
        code: 'change-request-missing',
        message: `${tool.name} requires a change request: set "changeRequest" (for example "CHG-1234")`,
        path: '/changeRequest',
      },
    ];
  }
  const wellFormed = pattern ?? DEFAULT_CHANGE_REQUEST_PATTERN;
  // a fresh RegExp: a caller's /g or /y pattern keeps lastIndex between calls and would break determinism
  if (
    typeof changeRequest === 'string' &&
    new RegExp(wellFormed.source, wellFormed.flags.replace(/[gy]/g, '')).test(changeRequest)
  ) {
    return [];
  }
  return [
    {
      code: 'change-request-malformed',
      message: `change request ${typeof changeRequest === 'string' ? quote(changeRequest) : `of type ${typeof changeRequest}`} does not match ${String(wellFormed)}`,
      path: '/changeRequest',
    },
  ];
}

function schemaReason(
  code: 'invalid-intent' | 'invalid-args',
  violation: SchemaViolation,
  prefix: string,
): DecisionReason {
  const path = prefix + violation.instancePath;
  const where = path === '' ? 'intent' : path.slice(1).replace(/\//g, '.');
  const message = revealUnseen(`${where} ${violation.message} (schema ${violation.schemaPath})`);
  return path === '' ? { code, message } : { code, message, path };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
