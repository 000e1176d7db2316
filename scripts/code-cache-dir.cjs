// Where agentgate keeps compiled code between runs: the user's own cache directory, never a shared temp directory
// (Node's compile cache defaults to one, where another local user could plant code). Used only when the user owns
// it and nobody else can write to it; AGENTGATE_NO_CODE_CACHE turns caching off. Copied into dist/bin/ by
// scripts/bundle-cli.mjs, for the entry (Node's compile cache) and cached-start.cjs (V8's cached data). CommonJS:
// an ES module importing node:fs makes Node build fs's whole ES facade, which loads the stream modules.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** The cache directory (created 0700), or null when caching is off or the directory cannot be trusted. */
function codeCacheDir() {
  if (process.env.AGENTGATE_NO_CODE_CACHE) return null;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  const dir = path.join(base, 'agentgate');
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = fs.statSync(dir);
    const mine = typeof process.getuid !== 'function' || stats.uid === process.getuid();
    return mine && (stats.mode & 0o022) === 0 ? dir : null;
  } catch {
    return null;
  }
}

module.exports = { codeCacheDir };
