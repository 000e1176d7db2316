import { Chalk } from 'chalk';
import type { ChalkInstance } from 'chalk';

/** Colour as the terminal allows, none under NO_COLOR. */
export function terminalChalk(): ChalkInstance {
  return new Chalk({ level: process.env.NO_COLOR ? 0 : new Chalk().level });
}
