import type { DecisionReason } from './decision.js';
import type { Tool } from '../../model/types.js';
import { MAX_ARG_DEPTH, findShapeProblems } from './arg-shape.js';
import { findProtectedTargets } from './protected-targets.js';
import type { TargetFinding } from './protected-targets.js';
import { revealUnseen } from '../../text/reveal-unseen.js';

// The reasons of the argument checks: prototype keys, depth, protected targets. Messages quote what
// the model sent, so every quoted string is cut short and has its invisible characters spelled out.

export function checkShape(args: unknown): DecisionReason[] {
  return findShapeProblems(args).map((problem) =>
    problem.kind === 'forbidden-key'
      ? {
          code: 'forbidden-key' as const,
          message: `${where(problem.segments)} uses the key ${quote(problem.key)}, which can reach an object's prototype`,
          path: pointer(problem.segments),
        }
      : {
          code: 'args-too-deep' as const,
          message: `${where(problem.segments)} is nested more than ${MAX_ARG_DEPTH} levels deep`,
          path: pointer(problem.segments),
        },
  );
}

export function checkTargets(tool: Tool, args: unknown): DecisionReason[] {
  return findProtectedTargets(args, tool.policy).map((finding) => targetReason(finding));
}

function targetReason(finding: TargetFinding): DecisionReason {
  switch (finding.kind) {
    case 'hit':
      return {
        code: 'protected-target',
        message: `${finding.isKey ? `the key of ${where(finding.segments)}` : where(finding.segments)} = ${quote(finding.value)} is a protected target (${JSON.stringify(finding.pattern)})`,
        path: pointer(finding.segments),
      };
    case 'not-string':
      return {
        code: 'target-not-string',
        message: `${where(finding.segments)} is ${finding.got}; the target field must be a string or a list of strings`,
        path: pointer(finding.segments),
      };
    case 'missing':
      return {
        code: 'target-missing',
        message: `${where(finding.segments)} is missing: the policy checks its target there, so the call cannot be proved safe`,
        path: pointer(finding.segments),
      };
    case 'nul':
      return {
        code: 'target-nul',
        message: `${where(finding.segments)} holds a NUL character, which would cut the path short below the tool`,
        path: pointer(finding.segments),
      };
    case 'bad-pattern':
      return {
        code: 'target-pattern-unusable',
        message: `the protected target ${JSON.stringify(finding.pattern)} cannot be compiled; no target can be proved safe`,
      };
  }
}

/**
 * Quoted for a message: cut short (a reason repeats a value the log already holds in full) and with every
 * invisible or control character spelled as an escape, since the model chose these strings and a reviewer
 * reads the message in a terminal.
 */
export function quote(value: string): string {
  const limit = 200;
  const cut = value.length > limit ? value.slice(0, limit) : value;
  const quoted = revealUnseen(JSON.stringify(cut));
  return value.length > limit ? `${quoted}…` : quoted;
}

function where(segments: string[]): string {
  if (segments.length === 0) return 'args';
  const plain = (segment: string) => /^[\w$-]+$/.test(segment);
  return `args${segments.map((s) => (plain(s) ? `.${s}` : `[${quote(s)}]`)).join('')}`;
}

function pointer(segments: string[]): string {
  return segments.length === 0 ? '/args' : `/args/${segments.map(escapePointer).join('/')}`;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
