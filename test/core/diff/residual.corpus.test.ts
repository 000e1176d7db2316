import { join } from 'node:path';
// The residual rule over the real corpus, read in place: changing any scalar at any key path of a real client config
// gives a control-plane change that needs a sign-off and moves the digest. Keys that only describe (descriptions,
// titles, links, `$schema`, VS Code `inputs` prompts) are left out: they are data by design.
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { diffTrees } from '../../helpers/diff-trees.js';
import { CORPUS_DIR } from '../../sources/fixture.js';

/** corpus folder -> where the client reads such a file */
const AT: Record<string, string> = {
  'mcp-json': '.mcp.json',
  'vscode-mcp-json': '.vscode/mcp.json',
  'cursor-mcp-json': '.cursor/mcp.json',
  'copilot-mcp-json': 'mcp.json',
  'claude-desktop-config': 'claude_desktop_config.json',
  'gemini-settings': '.gemini/settings.json',
  'opencode-json': 'opencode.json',
  'mcp-server-json': 'server.json',
};
const DESCRIBES = new Set(['description', 'title', 'websiteUrl', 'repository', '$schema', 'inputs']);
const PER_FILE = 25;

type Path = (string | number)[];

function scalarPaths(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => scalarPaths(item, [...at, index]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, inner]) =>
      DESCRIBES.has(key) ? [] : scalarPaths(inner, [...at, key]),
    );
  return [at];
}

function mutated(value: unknown, path: Path): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  const old = node[last];
  node[last] =
    typeof old === 'string'
      ? `${old}-changed`
      : typeof old === 'number'
        ? old + 1
        : typeof old === 'boolean'
          ? !old
          : 'set';
  return copy;
}

/** At most `count` paths, spread over the file. */
function sample(paths: Path[], count: number): Path[] {
  if (paths.length <= count) return paths;
  const step = paths.length / count;
  return Array.from({ length: count }, (_, i) => paths[Math.floor(i * step)]!);
}

describe('residual rule over the real corpus', () => {
  for (const [folder, at] of Object.entries(AT)) {
    it(`${folder}: any scalar changed anywhere needs a sign-off and moves the digest`, () => {
      const files = readdirSync(join(CORPUS_DIR, folder)).filter((name) => /\.jsonc?$/.test(name));
      expect(files.length).toBeGreaterThan(0);
      let checked = 0;
      for (const name of files) {
        const value = parse(readFileSync(join(CORPUS_DIR, folder, name), 'utf8'), [], {
          allowTrailingComma: true,
        });
        if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
        const base = { [at]: JSON.stringify(value, null, 2) };
        const unchanged = diffTrees(base, base).planes.control.digest;
        for (const path of sample(scalarPaths(value), PER_FILE)) {
          const head = { [at]: JSON.stringify(mutated(value, path), null, 2) };
          const control = diffTrees(base, head).planes.control;
          const where = `${folder}/${name} at ${path.join('.')}`;
          expect(control.changed, where).toBe(true);
          // a revocation (a server switched off, a tool dropped from an allow list) costs the narrowing count
          if (!control.narrowingOnly) expect(control.requiredSignoffs, where).toBeGreaterThanOrEqual(1);
          expect(control.digest, where).not.toBe(unchanged);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(0);
    }, 300_000);
  }
});
