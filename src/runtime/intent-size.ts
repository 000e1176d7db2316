/** The largest intent the runtime reads: every byte of it is hashed into the log and kept forever. */
export const MAX_INTENT_BYTES = 1024 * 1024;

/** The UTF-8 size of the intent as JSON, or undefined when it cannot be serialised at all (too deep, cyclic). */
export function intentBytes(intent: unknown): number | undefined {
  try {
    return Buffer.byteLength(JSON.stringify(intent) ?? '', 'utf8');
  } catch {
    return undefined;
  }
}
