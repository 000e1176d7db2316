// A client profile: what one agent client reads and how it reads it, as data. Adapters read their client's profile
// (inert keys, ordered settings); adding a client is one profile file plus its adapters.

/** Values of a setting in the order the client grants more: each tier is one rank; an unknown value ranks highest. */
export interface SettingOrder {
  tiers: readonly (readonly string[])[];
  /** the value the client uses when the setting is absent, when its documentation says so */
  unset?: string;
  meaning: string;
}

export interface ClientProfile {
  /** short id, the prefix of agent ids (`claude`, `copilot`, `gh-aw`…) */
  client: string;
  name: string;
  /** the client's own documentation of these files and keys, as plain URLs */
  docs: readonly string[];
  /**
   * the source adapters that read its files, by id: a server an adapter reads (its `origin`) is this client's,
   * and the adapter reads its keys by this profile (a test holds every adapter to one client)
   */
  adapters: readonly string[];
  /** the files it reads (globs, repository-relative) */
  files: readonly string[];
  /**
   * keys its documentation describes as description only, at the top level of its front matter or settings:
   * data plane, no sign-off (beside the universal ones). A key also named in `authority` is authority.
   */
  inert: readonly string[];
  /** keys that carry authority and what each means; the adapters model them */
  authority: Readonly<Record<string, string>>;
  /** settings whose values form an order, compared by rank */
  ordered: Readonly<Record<string, SettingOrder>>;
}
