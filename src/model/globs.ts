import picomatch from 'picomatch';

// 's': picomatch's `*` and `**` are built on `.`, which skips `\n`, `\r`, U+2028 and U+2029 without it.
// 'i': on a case-insensitive checkout (macOS, Windows) `Registry/Tools/x.yaml` is the runtime's
// `registry/tools/x.yaml`, and `.MCP.json` the client's `.mcp.json`; over-matching only ever adds a gate.
const GLOB_OPTIONS = { dot: true, flags: 'si' } as const;

export type PathMatcher = (path: string) => boolean;

// the characters that make a glob more than literal text, in picomatch's syntax (extglobs, classes, braces,
// escapes), and `/`: `**/x` also matches `x`
const GLOB_SYNTAX = /[*?[\]{}()!+@|\\^$/]/;

/**
 * One matcher for a list of globs: true when any of them matches, exactly as `picomatch(globs, options)` answers
 * (a property test holds the two equal). picomatch builds a result object per call and per glob, and its
 * expression for a leading `**` scans the whole path: a glob is only tried when the path ends with the glob's
 * literal ASCII tail (`.mcp.json`, `SKILL.md`), which most paths of a repository do not.
 */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  // picomatch also matches a path equal to the glob's own text (`a[1].yaml` names itself, not only `a1.yaml`)
  const literal = new Set(globs);
  // each glob is compiled the first time a path ends with its tail: a registry's paths never reach most of
  // the source adapters' globs, and compiling them is a share of a small command's time
  const entries = globs.map((glob) => ({
    glob,
    // a glob with a `!` may be negated (`!x`, `./!x`), matching exactly the paths that do NOT end so: always tried
    tail: glob.includes('!') ? '' : asciiTail(glob).toLowerCase(),
    pattern: undefined as RegExp | undefined,
  }));
  return (path) => {
    if (path === '') return false;
    if (literal.has(path)) return true;
    const lower = path.toLowerCase();
    return entries.some(
      (entry) =>
        lower.endsWith(entry.tail) &&
        (entry.pattern ??= picomatch.makeRe(entry.glob, GLOB_OPTIONS)).test(path),
    );
  };
}

/**
 * The literal ASCII text a glob's last segment ends with (`dir/` gives none: picomatch lets it match `dir`). A
 * match ends with the same characters up to ASCII case: without the `u` flag, case-insensitive matching never
 * folds a non-ASCII character onto an ASCII one.
 */
function asciiTail(glob: string): string {
  let start = glob.length;
  while (start > 0) {
    const ch = glob[start - 1]!;
    if (ch.charCodeAt(0) > 0x7e || ch.charCodeAt(0) < 0x20 || GLOB_SYNTAX.test(ch)) break;
    start -= 1;
  }
  return glob.slice(start);
}
