import picomatch from 'picomatch';

// 's': picomatch's `*` and `**` are built on `.`, which skips `\n`, `\r`, U+2028 and U+2029 without it.
// 'i': on a case-insensitive checkout (macOS, Windows) `Registry/Tools/x.yaml` is the runtime's
// `registry/tools/x.yaml`, and `.MCP.json` the client's `.mcp.json`; over-matching only ever adds a gate.
const GLOB_OPTIONS = { dot: true, flags: 'si' } as const;

export type PathMatcher = (path: string) => boolean;

/**
 * One matcher for a list of globs: true when any of them matches, exactly as `picomatch(globs, options)` answers
 * (a test holds the two equal), but as ONE regular expression. picomatch's own matcher runs per glob and builds a
 * result object per call; a registry of thousands of files asks tens of thousands of times.
 */
export function compileGlobs(globs: readonly string[]): PathMatcher {
  if (globs.length === 0) return () => false;
  // picomatch also matches a path equal to the glob's own text (`a[1].yaml` names itself, not `a1.yaml`)
  const literal = new Set(globs);
  const alternatives = globs.map((glob) => `(?:${picomatch.makeRe(glob, GLOB_OPTIONS).source})`);
  const pattern = new RegExp(alternatives.join('|'), GLOB_OPTIONS.flags);
  return (path) => path !== '' && (literal.has(path) || pattern.test(path));
}
