// The real Kiro agents, Roo modes and Codex agents of the corpus (read in place, at their real paths) are agents:
// every file names at least one, each binds something, nothing the client writes is held as unreadable, and every
// built-in name a Kiro agent or Roo mode binds is one its catalog knows.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIRO_CATALOG, ROO_CATALOG } from '../../src/sources/catalogs/index.js';
import { codexAgentsAdapter } from '../../src/sources/formats/codex-agents.js';
import { kiroAgentsAdapter } from '../../src/sources/formats/kiro-agents.js';
import { rooModesAdapter } from '../../src/sources/formats/roo-modes.js';
import type { SourceAdapter } from '../../src/sources/kit/types.js';
import { CORPUS_DIR } from './fixture.js';

const FOLDERS: [string, SourceAdapter, string, readonly string[]][] = [
  ['kiro-agents-json', kiroAgentsAdapter, 'kiro:', KIRO_CATALOG.entries.map((entry) => entry.name)],
  ['roo-modes', rooModesAdapter, 'roo:', ROO_CATALOG.entries.map((entry) => entry.name)],
  ['codex-agents-toml', codexAgentsAdapter, 'codex:', []],
];

function realPaths(): Map<string, string> {
  const table = readFileSync(join(CORPUS_DIR, 'SOURCES.md'), 'utf8');
  const paths = new Map<string, string>();
  for (const match of table.matchAll(/^\| `([^`]+)` \| [^|]+ \| `([^`]+)` \|/gmu))
    paths.set(match[1]!, match[2]!);
  return paths;
}
const paths = realPaths();

const FILES = FOLDERS.flatMap(([folder, adapter, client, builtins]) =>
  readdirSync(join(CORPUS_DIR, folder))
    .sort()
    .map((entry) => {
      const name = `${folder}/${entry}`;
      const text = readFileSync(join(CORPUS_DIR, name), 'utf8');
      return { name, adapter, client, builtins, path: paths.get(name) ?? '', text };
    }),
);

describe('config agents of the real corpus', () => {
  it('finds files in every folder', () => {
    for (const [folder] of FOLDERS) expect(FILES.some((file) => file.name.startsWith(folder))).toBe(true);
  });

  it.each(FILES.map((file) => [file.name, file] as const))('%s', (_name, file) => {
    expect(file.path).not.toBe('');
    const model = file.adapter.parse({ path: file.path, oid: 'x', text: file.text });
    expect(model.agents.length).toBeGreaterThan(0);
    expect(model.findings.filter((finding) => finding.subject === 'agent')).toEqual([]);
    for (const agent of model.agents) {
      expect(agent.id.startsWith(file.client)).toBe(true);
      expect(agent.tools?.length).toBeGreaterThan(0);
      const named = (agent.tools ?? []).filter((tool) => tool !== '*' && !tool.includes('/'));
      for (const tool of named) expect(file.builtins).toContain(tool);
    }
  });
});
