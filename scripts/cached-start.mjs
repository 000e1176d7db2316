// Starts a single-file CLI (a hot command's own file, or cli.cjs) with V8's cached data: compiling the bundle is
// a large share of a small command's time, and the cache, written after a run, skips it for every function that
// run compiled. Used for the hot commands on every Node, and for every command on a Node without
// module.enableCompileCache (< 22.1). Copied into dist/bin/ by scripts/bundle-cli.mjs, which fills in the build id.
//
// The cache is code: it lives in the user's own cache directory (never a shared temp directory), is used only
// from a directory the user owns and nobody else can write, and is replaced atomically. V8 itself refuses data
// made for another source, Node or V8 flags; then the file is simply compiled and the cache rewritten.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { codeCacheDir } from './code-cache-dir.mjs';

const BUILD_ID = '__AGENTGATE_BUILD_ID__';
// commands with a file of their own, holding that command's work only (scripts/bundle-cli.mjs)
const SINGLE_COMMANDS = ['__AGENTGATE_SINGLE_COMMANDS__'];
const here = path.dirname(fileURLToPath(import.meta.url));

// one cache per command: V8 deserialises a whole cache, and `--version` should not pay for what `diff` compiled
const command = /^[a-z][a-z-]{0,30}$/.exec(process.argv[2] ?? '')?.[0] ?? 'other';
const file = path.join(here, SINGLE_COMMANDS.includes(command) ? `cli-${command}.cjs` : 'cli.cjs');
const dir = codeCacheDir();
const cacheFile = dir && path.join(dir, `cli-${BUILD_ID}-${process.version}-${process.arch}-${command}.v8`);
let cachedData;
try {
  if (cacheFile) cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  // at exit, so that the functions this run compiled lazily are in the cache too
  process.once('exit', () => {
    try {
      const temp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(temp, cacheFile);
      // another build's cache goes once it is a week old: after an upgrade it is never read again, but two
      // installed versions in use side by side must not evict each other's on every start
      const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
      for (const name of fs.readdirSync(dir)) {
        if (!/^cli-[0-9a-f]{16}-.*\.v8$/.test(name) || name.startsWith(`cli-${BUILD_ID}-`)) continue;
        const other = path.join(dir, name);
        if (fs.statSync(other).mtimeMs < weekAgo) fs.rmSync(other, { force: true });
      }
    } catch {
      // a cache that cannot be written only costs the next start its speed
    }
  });
}
const cjsModule = { exports: {} };
script.runInThisContext()(cjsModule.exports, createRequire(file), cjsModule, file, here);
