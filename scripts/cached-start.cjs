// Starts a single-file CLI (a hot command's own file, or cli.cjs) with V8's cached data: compiling the bundle is
// a large share of a small command's time, and the cache, written after a run, skips it for every function that
// run compiled. Used for the hot commands on every Node, and for every command on a Node without
// module.enableCompileCache (< 22.1). Copied into dist/bin/ by scripts/bundle-cli.mjs, which fills in the build id.
// CommonJS, like everything on this path: no ES module loader work before the command runs (measured).
//
// What the cache trusts. Cached data is code: V8 runs the bytecode in it instead of compiling the source, and it
// checks only that the data was made by the same V8 with compatible flags for a source of the same LENGTH, so data
// made for another source of that length would run in its place. The cache is therefore named by a SHA-256 of
// the exact bytes of the file being started, the Node version, the architecture and the Node and V8 options
// (command line and NODE_OPTIONS): a cache is only ever read for the source, Node and flags it was made with.
// Beyond that it trusts its directory: the user's own cache directory (never a shared temp directory), used only
// when the user owns it and nobody else can write to it; anyone who can write there can already run code as the
// user. A cache is written to a private temporary file and renamed into place, so a reader never sees half of one.
'use strict';
const { isAscii } = require('node:buffer');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const { codeCacheDir } = require('./code-cache-dir.cjs');

const BUILD_ID = '__AGENTGATE_BUILD_ID__';
// commands with a file of their own, holding that command's work only (scripts/bundle-cli.mjs)
const SINGLE_COMMANDS = ['__AGENTGATE_SINGLE_COMMANDS__'];
const WEEK_MS = 7 * 24 * 3600 * 1000;

// one cache per command: V8 deserialises a whole cache, and `--version` should not pay for what `diff` compiled
const command = /^[a-z][a-z-]{0,30}$/.exec(process.argv[2] ?? '')?.[0] ?? 'other';
const file = path.join(__dirname, SINGLE_COMMANDS.includes(command) ? `cli-${command}.cjs` : 'cli.cjs');
const bytes = fs.readFileSync(file);
// the bundle is ASCII (esbuild escapes the rest): latin1 is the same text, decoded without UTF-8 validation
const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
const dir = codeCacheDir();
const cacheFile = dir && path.join(dir, `cli-${BUILD_ID}-${command}-${cacheKey(bytes)}.v8`);
let cachedData;
try {
  if (cacheFile) cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // at exit, so that the functions this run compiled lazily are in the cache too
  process.once('exit', () => writeCache(cacheFile, script));
}
const cjsModule = { exports: {} };
script.runInThisContext()(cjsModule.exports, Module.createRequire(file), cjsModule, file, __dirname);

/** What the cached data was made for: these exact bytes, this Node and V8, these options. */
function cacheKey(sourceBytes) {
  return createHash('sha256')
    .update(sourceBytes)
    .update(
      JSON.stringify([
        process.version,
        process.versions.v8,
        process.arch,
        process.execArgv,
        process.env.NODE_OPTIONS ?? '',
      ]),
    )
    .digest('hex')
    .slice(0, 32);
}

function writeCache(target, compiled) {
  try {
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, compiled.createCachedData(), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, target);
    // a cache nobody wrote for a week goes (another build's, another Node's, other options'): after an upgrade
    // it is never read again, but two installed versions in use side by side must not evict each other's
    const weekAgo = Date.now() - WEEK_MS;
    const folder = path.dirname(target);
    for (const name of fs.readdirSync(folder)) {
      if (!/^cli-[0-9a-f]{16}-.*\.v8$/.test(name) || name === path.basename(target)) continue;
      const other = path.join(folder, name);
      if (fs.statSync(other).mtimeMs < weekAgo) fs.rmSync(other, { force: true });
    }
  } catch {
    // a cache that cannot be written only costs the next start its speed
  }
}
