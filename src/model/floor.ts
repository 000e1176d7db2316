// What a report says about the floors that judged it: which applied, and which rules came from them.
import type { JsonValue } from './types.js';

/** One rule a floor set: the value the repository wrote, the floor's, and the one that judges. */
export interface FloorRule {
  /** dotted config key, e.g. `planes.control.signoffs.privileged` */
  key: string;
  floor: JsonValue;
  repository: JsonValue;
  effective: JsonValue;
  /** the floor changed what the repository's own config said */
  tightened: boolean;
  /** the floor that set it */
  from: string;
}

export interface FloorReport {
  floors: string[];
  rules: FloorRule[];
}
