// Errors carry their exit code and a stable code; the CLI's top level is the only place that prints them.

export class AgentgateError extends Error {
  /**
   * What kind of error this is, for a program that reads it: stable across releases (messages are not). Every
   * subclass declares its own; test/errors.test.ts holds them unique and unchanged.
   */
  static readonly code: string = 'AGENTGATE_ERROR';
  readonly exitCode: number;
  readonly code: string;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
    this.code = (new.target as typeof AgentgateError).code;
  }
}

/** Bad usage or unreadable input: a bad ref, a bad config, a manifest that does not parse. Exit 2. */
export class UsageError extends AgentgateError {
  static override readonly code: string = 'AGENTGATE_USAGE';
  constructor(message: string) {
    super(message, 2);
  }
}

/** A gate or --fail-on condition failed. Exit 1. */
export class GateFailure extends AgentgateError {
  static override readonly code: string = 'AGENTGATE_GATE_FAILED';
  constructor(message: string) {
    super(message, 1);
  }
}
