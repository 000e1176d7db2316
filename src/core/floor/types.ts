// A floor: an agentgate.yaml that a central team owns, applied under a repository's own config so that the
// repository can only tighten it.
import type { Config } from '../../model/types.js';

/** Where a floor comes from, as `extends:` names it (read from the base) or `check --floor` gives it. */
export type FloorRef =
  | { kind: 'path'; path: string }
  | { kind: 'repository'; repository: string; path: string; ref: string }
  | { kind: 'file'; path: string };

/** A parsed floor: its values over the defaults, and the raw keys it names (a key it leaves out constrains nothing). */
export interface Floor {
  /** how the report names it, e.g. `acme/.agentgate:floor.yaml@0123abcd` */
  origin: string;
  config: Config;
  named: NamedKeys;
}

/** The keys a floor file names, as written (validated against the config schema first). */
export interface NamedKeys {
  planes?: {
    data?: { paths?: unknown; reviewers?: unknown; versionBump?: unknown; eval?: Record<string, unknown> };
    control?: {
      paths?: unknown;
      reviewers?: unknown;
      signers?: unknown;
      signoffs?: Record<string, unknown>;
      maxRadius?: unknown;
      internalHosts?: unknown;
    };
  };
  radius?: { actions?: Record<string, unknown> };
  waivers?: unknown;
  sources?: Record<string, unknown>;
}

export type { FloorReport, FloorRule } from '../../model/types.js';
