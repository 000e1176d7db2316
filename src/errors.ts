// Errors carry their exit code; the CLI's top level is the only place that prints them.

export class AgentgateError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad usage or unreadable input: a bad ref, a bad config, a manifest that does not parse. Exit 2. */
export class UsageError extends AgentgateError {
  constructor(message: string) {
    super(message, 2);
  }
}

/** A gate or --fail-on condition failed. Exit 1. */
export class GateFailure extends AgentgateError {
  constructor(message: string) {
    super(message, 1);
  }
}
