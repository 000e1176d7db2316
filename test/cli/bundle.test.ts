import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../dist/bin/', import.meta.url).pathname;

/** The chunks a command loads before it runs: the entry's static imports, transitively, from `start`. */
function staticClosure(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(BIN, file), 'utf8');
    for (const match of text.matchAll(/^import\s*(?:[^;]*?\sfrom\s*)?"\.\/([^"]+)"/gm))
      visit(match[1] as string);
  };
  visit(start);
  return seen;
}

/** Which npm packages the bundled chunks contain (esbuild marks each module with its path). */
function packagesIn(files: Iterable<string>): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(join(BIN, file), 'utf8');
    for (const match of text.matchAll(/^\/\/ (?:\S*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//gm))
      found.add(match[1] as string);
  }
  return found;
}

describe('the bundled CLI', () => {
  const diffChunk = readdirSync(BIN).find((file) => /^diff-[A-Z0-9]+\.js$/.test(file)) as string;
  const onDiffPath = new Set([
    ...staticClosure('agentgate.js'),
    ...staticClosure('cli.js'),
    ...staticClosure(diffChunk),
  ]);

  it('keeps ajv out of what `diff` loads: the validators are precompiled', () => {
    expect(diffChunk).toBeDefined();
    const packages = packagesIn(onDiffPath);
    expect(packages.has('js-yaml')).toBe(true); // the check sees bundled packages at all
    expect([...packages].filter((name) => name.startsWith('ajv'))).toEqual([]);
  });

  it('loads chalk only for text output', () => {
    expect(packagesIn(onDiffPath).has('chalk')).toBe(false);
    expect(packagesIn(readdirSync(BIN).filter((file) => file.endsWith('.js'))).has('chalk')).toBe(true);
  });

  it('starts with V8 compile cache where Node has it, before the CLI is loaded', () => {
    const entry = readFileSync(join(BIN, 'agentgate.js'), 'utf8');
    expect(entry.indexOf('module.enableCompileCache(')).toBeGreaterThan(0);
    expect(entry.indexOf('module.enableCompileCache(')).toBeLessThan(entry.indexOf("import('./cli.js')"));
    // never Node's default directory, the shared temp directory, where another local user could plant code
    expect(entry).not.toContain('module.enableCompileCache()');
    expect(entry).toContain('codeCacheDir()');
    // without it (Node < 22.1): the cached-data start
    expect(entry).toContain("require('./cached-start.cjs')");
    // the hot commands take the cached-data start on every Node (their lazily compiled code is cached too)
    expect(entry.indexOf('"diff"')).toBeGreaterThan(0);
    expect(entry.indexOf('"diff"')).toBeLessThan(entry.indexOf("require('./cached-start.cjs')"));
    expect(entry.indexOf("require('./cached-start.cjs')")).toBeLessThan(
      entry.indexOf('module.enableCompileCache('),
    );
    // the entry imports no module of its own: the start-up path is CommonJS (no ES facade of node:fs)
    expect(entry).not.toMatch(/import\s*\(?\s*['"]\.\/(?:cached-start|code-cache-dir)/);
  });

  it("gives each hot command a single file holding that command's work only, ajv's compiler left out", () => {
    const full = readFileSync(join(BIN, 'cli.cjs'), 'utf8');
    for (const command of ['diff', 'check', 'validate', 'log', 'scope']) {
      const own = readFileSync(join(BIN, `cli-${command}.cjs`), 'utf8');
      expect(own.length).toBeLessThan(full.length * 0.7);
      expect(own).toContain(`this file of agentgate runs only '${command}'`);
      // the precompiled validators need ajv's small run-time helpers, never its compiler
      expect(own).not.toMatch(/^\/\/ node_modules\/ajv\/dist\/(?:core|compile\/)/m);
    }
    // the guard, the init wizard and the MCP SDK are not in diff's file
    expect(packagesIn(['cli-diff.cjs']).has('@modelcontextprotocol/sdk')).toBe(false);
    expect(packagesIn(['cli.cjs']).has('@modelcontextprotocol/sdk')).toBe(true);
  });
});
