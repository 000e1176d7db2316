import type { Radius } from '../../model/types.js';

/**
 * A built-in tool (or tool set) of an agent client, as data. Values are what the tool can do at most,
 * read from the client's documentation: a shell is privileged with egress `*`; a web fetcher brings untrusted
 * content from anywhere.
 */
export interface CatalogEntry {
  name: string;
  radius: Radius;
  untrustedInput: boolean;
  egress: string[];
  dataAccess: 'none' | 'internal' | 'sensitive';
  /** a tool set: `set/anything` resolves to this entry (its values bound every tool in the set) */
  toolSet?: boolean;
  /** a name the client has retired or renamed, still found in real files */
  legacy?: boolean;
  /** where the values come from, in a few words */
  doc: string;
}

export interface ToolCatalog {
  /** the source kind whose agents use this catalog: 'claude-code' | 'copilot' | 'gh-aw' */
  client: string;
  entries: readonly CatalogEntry[];
}

export type CatalogValues = Omit<CatalogEntry, 'name' | 'doc'>;
type Values = CatalogValues;

/** One entry per name, sharing values and a documentation note. */
export function entries(names: readonly string[], values: Values, doc: string): CatalogEntry[] {
  return names.map((name) => ({ name, ...values, doc }));
}

export const NO_EFFECT: Values = { radius: 'none', untrustedInput: false, egress: [], dataAccess: 'none' };
/** local files: anything the user can read, secrets in the work tree included */
export const READS_FILES: Values = {
  radius: 'read',
  untrustedInput: false,
  egress: [],
  dataAccess: 'sensitive',
};
export const LISTS_FILES: Values = {
  radius: 'read',
  untrustedInput: false,
  egress: [],
  dataAccess: 'internal',
};
export const WRITES_FILES: Values = {
  radius: 'write',
  untrustedInput: false,
  egress: [],
  dataAccess: 'internal',
};
/** a shell: runs anything as the user, reaches any host, and its output can be anyone's text */
export const RUNS_COMMANDS: Values = {
  radius: 'privileged',
  untrustedInput: true,
  egress: ['*'],
  dataAccess: 'sensitive',
};
/** a web fetcher or search: third-party content from anywhere, and the request itself leaves the machine */
export const READS_WEB: Values = { radius: 'read', untrustedInput: true, egress: ['*'], dataAccess: 'none' };
