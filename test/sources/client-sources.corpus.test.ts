// The second-round corpus (../shared/fixtures/agent-configs, read in place): every hook, plugin, marketplace,
// client-settings, Kiro, Roo and instruction file is read at its real path by its adapter with no error, and
// changing any value a client reads (every leaf outside the descriptive keys) changes the model the diff compares.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits, modify, parseTree } from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/model/canonical-json.js';
import type { JsonValue } from '../../src/model/types.js';
import { createSourceLookup } from '../../src/sources/lookup.js';
import type { SourceModel } from '../../src/sources/kit/types.js';
import { CORPUS_DIR } from './fixture.js';

const FOLDERS: Record<string, string> = {
  'claude-plugin-hooks': 'claude-plugin-hooks',
  'cursor-hooks-json': 'cursor-hooks',
  'copilot-hooks-json': 'copilot-hooks',
  'windsurf-hooks-json': 'windsurf-hooks',
  'kiro-hooks': 'kiro-hooks',
  'claude-plugin-manifest': 'claude-plugin',
  'claude-plugin-marketplace': 'claude-marketplace',
  'codex-plugin-manifest': 'codex-plugin',
  'vscode-settings-json': 'vscode-settings',
  'cursor-cli-json': 'cursor-cli',
  'codex-agents-toml': 'codex-agents',
  'kiro-mcp-json': 'kiro-mcp-json',
  'kiro-agents-json': 'kiro-agents',
  'roo-mcp-json': 'roo-mcp-json',
  'roo-modes': 'roo-modes',
  'agents-md': 'instructions',
  'copilot-instructions': 'instructions',
  'copilot-path-instructions': 'instructions',
};

/** Keys that only describe: editing them is no grant (inert by the client's own documentation). */
const INERT = new Set([
  ...['description', 'name', 'version', 'author', 'homepage', 'repository', 'license', 'keywords'],
  ...['category', 'tags', '$schema', 'owner', 'metadata'],
]);
/**
 * Server-entry fields the shared server reader owns (env and header values, the transport's `type` word): their
 * value comparison is that reader's, tested with it, not per client file.
 */
const SERVER_READER = (leaf: (string | number)[]) =>
  leaf[0] === 'mcpServers' && ['env', 'headers', 'type'].includes(String(leaf[2]));
/** Settings files read only for agent authority: their editor keys are not read. */
const AGENT_KEYS_ONLY = new Set(['vscode-settings']);

function realPaths(): Map<string, string> {
  const table = readFileSync(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const paths = new Map<string, string>();
  for (const match of table.matchAll(/^\| `([^`]+)` \| [^|]+ \| `([^`]+)` \|/gmu))
    paths.set(match[1]!, match[2]!);
  return paths;
}

const paths = realPaths();
const lookup = createSourceLookup();
const FILES = Object.entries(FOLDERS).flatMap(([folder, id]) =>
  readdirSync(join(CORPUS_DIR, folder))
    .sort()
    .map((entry) => {
      const name = `${folder}/${entry}`;
      return { name, id, path: paths.get(name) ?? '', text: readFileSync(join(CORPUS_DIR, name), 'utf8') };
    }),
);

function fingerprint(model: SourceModel): string {
  return canonicalJson({
    servers: model.servers.map(({ source: _source, ...server }) => server),
    rules: model.permissions.map((rule) => `${rule.scope} ${rule.effect} ${rule.rule}`).sort(),
    agents: model.agents.map((agent) => agent.text),
  } as unknown as JsonValue);
}

/** Every scalar leaf of a JSON tree, with its key path. */
function leaves(node: Node, path: (string | number)[] = []): (string | number)[][] {
  if (node.type === 'object')
    return (node.children ?? []).flatMap((property) => {
      const [key, value] = property.children ?? [];
      return key && value ? leaves(value, [...path, String(key.value)]) : [];
    });
  if (node.type === 'array') return (node.children ?? []).flatMap((child, i) => leaves(child, [...path, i]));
  return [path];
}

describe('the second-round corpus at its real paths', () => {
  it('holds every file of the new folders', () => {
    expect(FILES).toHaveLength(68);
    for (const file of FILES) expect(file.path, file.name).not.toBe('');
  });

  it.each(FILES)('$name: read by $id with no error', ({ id, path, text }) => {
    const adapter = lookup(path);
    expect(adapter?.id).toBe(id);
    const model = adapter!.parse({ path, oid: 'x', text });
    expect(model.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    if (id === 'instructions') expect(model.agents).toHaveLength(1);
  });

  it.each(FILES.filter((file) => /\.(json|hook)$/u.test(file.path) && !AGENT_KEYS_ONLY.has(file.id)))(
    '$name: changing any value it grants by changes the model',
    ({ path, text }) => {
      const adapter = lookup(path)!;
      const before = fingerprint(adapter.parse({ path, oid: 'x', text }));
      const tree = parseTree(text, [], { allowTrailingComma: true })!;
      const all = leaves(tree).filter(
        (leaf) => !leaf.some((key) => typeof key === 'string' && INERT.has(key)) && !SERVER_READER(leaf),
      );
      // a large marketplace is sampled evenly: every kind of entry is still mutated
      const step = Math.max(1, Math.ceil(all.length / 60));
      for (const leaf of all.filter((_, i) => i % step === 0)) {
        const edited = applyEdits(text, modify(text, leaf, 'x-changed-value', {}));
        const after = fingerprint(adapter.parse({ path, oid: 'y', text: edited }));
        expect(after, JSON.stringify(leaf)).not.toBe(before);
      }
    },
  );
});
