import { SCHEMAS, SCHEMA_NAMES, isSchemaName } from '../../schemas/index.js';
import { UsageError } from '../../errors.js';

/** The schema as pretty JSON, ready to print. */
export function runSchema(name: string): string {
  if (!isSchemaName(name)) {
    throw new UsageError(
      `unknown schema ${JSON.stringify(name)}: expected one of ${SCHEMA_NAMES.join(', ')}`,
    );
  }
  return `${JSON.stringify(SCHEMAS[name], null, 2)}\n`;
}
