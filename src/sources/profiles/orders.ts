// Orders shared by several clients.
import type { SettingOrder } from './types.js';

/** OpenCode and Kiro permission values: `deny` < `ask` < `allow`. */
export const DENY_ASK_ALLOW: SettingOrder = {
  tiers: [['deny'], ['ask'], ['allow']],
  meaning: 'deny refuses, ask waits for the user, allow runs unasked',
};

/** One GitHub Actions token scope: `none` < `read` < `write`. */
export const TOKEN_SCOPE: SettingOrder = {
  tiers: [['none'], ['read'], ['write']],
  unset: 'none',
  meaning: 'what the job token may do with one scope; a scope left out of a permissions map is none',
};

/** The whole Actions token: `{}`/`none` < `read-all` < `write-all`. */
export const TOKEN_ALL: SettingOrder = {
  tiers: [['none', '{}'], ['read-all'], ['write-all']],
  meaning: 'read-all is read on every scope, write-all write on every scope, none nothing',
};
