// Reads the real agent-config corpus IN PLACE (never copied): every real MCP client config and server.json parses
// with no error finding, and every server it declares is reported. Servers are counted here without the adapters.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SOURCE_ADAPTERS } from '../../src/sources/formats/index.js';
import { createSourceLookup } from '../../src/sources/lookup.js';
import type { SourceAdapter } from '../../src/sources/kit/types.js';

const CORPUS = fileURLToPath(new URL('../../../shared/fixtures/agent-configs/', import.meta.url));

/** corpus folder -> adapter id */
const FOLDERS: Record<string, string> = {
  'mcp-json': 'mcp-json',
  'vscode-mcp-json': 'vscode-mcp-json',
  'cursor-mcp-json': 'cursor-mcp-json',
  'copilot-mcp-json': 'copilot-mcp-json',
  'claude-desktop-config': 'claude-desktop-config',
  'gemini-settings': 'gemini-settings',
  'codex-config-toml': 'codex-config-toml',
  'opencode-json': 'opencode-json',
  'mcp-server-json': 'mcp-server-json',
  'continue-mcp-yaml': 'continue-mcp-yaml',
  'kiro-mcp-json': 'kiro-mcp-json',
  'roo-mcp-json': 'roo-mcp-json',
  'gemini-extension': 'gemini-settings',
};

/** Real files that are not valid JSON (a leading `#` comment): read as unreadable, which holds the gate. */
const NOT_JSON = new Set(['gemini-settings/5throck__safety_os__.gemini__settings.json']);

/** Real files whose path in their repository is not a default path of their format (read by a user's choice). */
const NOT_AT_A_DEFAULT_PATH = new Set([
  'vscode-mcp-json/snyk__agent-scan__tests__mcp_servers__configs_files__multiple_transport.json',
  'mcp-server-json/microsoft__agent-governance-toolkit__agent-governance-python__agent-os__extensions__mcp-server__server.json',
  'mcp-server-json/modelcontextprotocol__registry__tools__publisher__server.json',
]);

/** The repository path of each corpus file, from the table in SOURCES.md. */
function repoPaths(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(`${CORPUS}SOURCES.md`, 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = /^`(.+)`$/.exec(cells[1] ?? '')?.[1];
    const path = /^`(.+)`$/.exec(cells[3] ?? '')?.[1];
    if (file && path) out.set(file, path);
  }
  return out;
}

function keysOf(value: unknown): string[] {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
}

/** The server names a file declares, counted from the raw text without any adapter. */
function declaredNames(folder: string, text: string): string[] {
  if (folder === 'continue-mcp-yaml') {
    const doc = load(text) as { mcpServers?: { name: string }[] };
    return (doc.mcpServers ?? []).map((entry) => entry.name);
  }
  if (folder === 'codex-config-toml') {
    return [...text.matchAll(/^\[mcp_servers\.([A-Za-z0-9_-]+)\]/gm)].map((m) => m[1] ?? '');
  }
  const json = JSON.parse(text) as Record<string, unknown>;
  if (folder === 'mcp-server-json') {
    const count = (key: string): number => (Array.isArray(json[key]) ? (json[key] as unknown[]).length : 0);
    return Array.from({ length: count('packages') + count('remotes') }, (_, i) => String(i));
  }
  if (folder === 'vscode-mcp-json')
    return keysOf(json.servers ?? (json.mcp as Record<string, unknown>).servers);
  if (folder === 'opencode-json') return keysOf(json.mcp);
  if (json.mcpServers !== undefined) return keysOf(json.mcpServers);
  // a plugin `.mcp.json` without the wrapper: entries that carry a transport
  return keysOf(json).filter((key) => keysOf(json[key]).some((k) => k === 'url' || k === 'command'));
}

const paths = repoPaths();
const cases = Object.entries(FOLDERS).flatMap(([folder, id]) =>
  readdirSync(`${CORPUS}${folder}`)
    .filter((name) => /\.(json|toml|yaml)$/.test(name) && !name.endsWith('policies.toml'))
    .map((name) => ({ folder, id, file: `${folder}/${name}` })),
);

function adapterById(id: string): SourceAdapter {
  const adapter = SOURCE_ADAPTERS.find((a) => a.id === id);
  if (!adapter) throw new Error(`no adapter ${id}`);
  return adapter;
}

describe('the real agent-config corpus', () => {
  it('has the MCP client configs and server.json files SOURCES.md lists', () => {
    expect(cases).toHaveLength(49);
    for (const { file } of cases) expect(paths.has(file), file).toBe(true);
  });

  it.each(cases)(
    '$file: parses with no error finding and reports every declared server',
    ({ folder, id, file }) => {
      const text = readFileSync(`${CORPUS}${file}`, 'utf8');
      const path = paths.get(file) ?? file;
      const model = adapterById(id).parse({ path, oid: 'x', text });
      if (NOT_JSON.has(file)) {
        expect(model.findings.map((f) => f.code)).toContain('source-parse');
        return;
      }
      expect(model.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const declared = declaredNames(folder, text);
      expect(model.servers).toHaveLength(declared.length);
      if (folder !== 'mcp-server-json')
        expect(model.servers.map((s) => s.name).sort()).toEqual([...declared].sort());
      const lines = text.split(/\r\n|\n/);
      for (const server of model.servers) {
        expect(server.origin).toBe(id);
        expect(server.source.path).toBe(path);
        if (folder !== 'mcp-server-json') expect(lines[server.source.line - 1]).toContain(server.name);
        expect(server.egress.length).toBeGreaterThan(0);
        for (const credential of server.credentials)
          expect(text).toContain(credential.name.replace(/^envFile:/, ''));
      }
    },
  );

  it.each(cases.filter((c) => !NOT_AT_A_DEFAULT_PATH.has(c.file)))(
    '$file: is found by its adapter at its real path',
    ({ id, file }) => {
      expect(createSourceLookup()(paths.get(file) ?? '')?.id).toBe(id);
    },
  );

  it('reports the literal Basic credential of the Liferay configs without printing it', () => {
    for (const file of [
      'vscode-mcp-json/4lejandrito__liferay-devcon-2025-mcp__.vscode__mcp.json',
      'gemini-settings/4lejandrito__liferay-devcon-2025-mcp__.gemini__settings.json',
    ]) {
      const text = readFileSync(`${CORPUS}${file}`, 'utf8');
      const id = file.startsWith('vscode') ? 'vscode-mcp-json' : 'gemini-settings';
      const model = adapterById(id).parse({ path: paths.get(file) ?? file, oid: 'x', text });
      const secret = model.findings.filter((f) => f.code === 'secret-in-config');
      expect(secret).toHaveLength(1);
      expect(secret[0]?.field).toMatch(/headers\.Authorization$/);
      expect(JSON.stringify(model)).not.toContain('dGVzdEBsaWZlcmF5LmNvbTp0ZXN0');
      expect(model.servers[0]?.credentials.map((c) => c.name)).toEqual(['Authorization']);
    }
  });

  it('flags the unpinned npx and docker launchers of the real files, and only those', () => {
    const unpinned = (file: string, id: string): string[] =>
      adapterById(id)
        .parse({ path: file, oid: 'x', text: readFileSync(`${CORPUS}${file}`, 'utf8') })
        .findings.filter((f) => f.code === 'server-package-unpinned')
        .map((f) => f.field ?? '');
    expect(unpinned('cursor-mcp-json/0xJacky__nginx-ui__.cursor__mcp.json', 'cursor-mcp-json')).toEqual([
      'mcpServers.eslint.args',
      'mcpServers.context7.args',
    ]);
    expect(
      unpinned(
        'claude-desktop-config/3rzy__claude-google-workspace-config__claude_desktop_config.json',
        'claude-desktop-config',
      ),
    ).toHaveLength(5);
    expect(unpinned('mcp-json/getsentry__sentry-mcp__.mcp.json', 'mcp-json')).toEqual([]);
  });
});
