/**
 * Eval results that cannot be read as any known format. The message is one line naming the file and the
 * field; the CLI turns it into exit code 2.
 */
export class EvalResultsError extends Error {
  readonly path: string;
  readonly field: string | undefined;

  constructor(path: string, field: string | undefined, problem: string) {
    super(field === undefined ? `${path}: ${problem}` : `${path}: ${field}: ${problem}`);
    this.name = 'EvalResultsError';
    this.path = path;
    this.field = field;
  }
}
