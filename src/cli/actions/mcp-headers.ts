import { UsageError } from '../../errors.js';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;
const FROM_ENV = /^env:([A-Za-z_][A-Za-z0-9_]*)$/;

export interface HeaderValues {
  headers: Record<string, string>;
  /** the variables the values came from: the manifest's credentials */
  variables: string[];
}

/**
 * `--header NAME=env:VAR`, repeatable: the value is read from VAR. A literal value is refused, because argv is
 * visible to every user of the machine (`ps`); the refusal names the header, never the value.
 */
export function readHeaderOptions(
  values: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): HeaderValues {
  const headers: Record<string, string> = {};
  const variables: string[] = [];
  const seen = new Set<string>();
  for (const option of values) {
    const eq = option.indexOf('=');
    const name = eq < 0 ? option : option.slice(0, eq);
    if (!HEADER_NAME.test(name))
      throw new UsageError('--header: expected NAME=env:VAR with NAME a header name (letters, digits, -)');
    const source = FROM_ENV.exec(eq < 0 ? '' : option.slice(eq + 1));
    if (!source)
      throw new UsageError(
        `--header ${name}: give the value as env:VAR (it is read from the environment variable VAR); a value on the command line shows in process listings`,
      );
    const variable = source[1] ?? '';
    const value = env[variable];
    if (value === undefined)
      throw new UsageError(`--header ${name}: the environment variable ${variable} is not set`);
    if (/[\r\n\0]/.test(value))
      throw new UsageError(`--header ${name}: the value of ${variable} holds a line break or NUL byte`);
    if (seen.has(name.toLowerCase())) throw new UsageError(`--header ${name}: given twice`);
    seen.add(name.toLowerCase());
    headers[name] = value;
    variables.push(variable);
  }
  return { headers, variables };
}
