// The real agent-config corpus (../shared/fixtures/agent-configs, read in place, never copied), each file added in
// a pull request at its real path: it reaches the control plane with every server it declares reported, and the
// diff never refuses (exit 0 or 1, never 2). Files at a path no client reads by default are added beside a base
// agentgate.yaml whose `sources:` names that path, as their users would configure it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSourceLookup, ALL_SOURCE_ADAPTERS } from '../../src/sources/lookup.js';
import type { DiffReport } from '../../src/model/types.js';
import { runCli } from '../helpers/run-cli.js';
import { sharedFixture } from '../helpers/shared-fixtures.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const CORPUS = sharedFixture('agent-configs');
/** folders of tool contracts (not client files) and a Gemini policy file are not sources */
const NOT_SOURCES = new Set(['tool-contracts-mcp', 'tool-contracts-openai']);

/** Folders named otherwise than the adapter that reads them; `gate`: a gate file no adapter reads. */
const FOLDER_ADAPTER: Record<string, string> = {
  'claude-plugin-manifest': 'claude-plugin',
  'claude-plugin-marketplace': 'claude-marketplace',
  'codex-agents-toml': 'codex-agents',
  'codex-plugin-manifest': 'codex-plugin',
  'copilot-hooks-json': 'copilot-hooks',
  'cursor-cli-json': 'cursor-cli',
  'cursor-hooks-json': 'cursor-hooks',
  'gemini-extension': 'gemini-settings',
  'kiro-agents-json': 'kiro-agents',
  'vscode-settings-json': 'vscode-settings',
  'windsurf-hooks-json': 'windsurf-hooks',
  'agents-md': 'instructions',
  'copilot-instructions': 'instructions',
  'copilot-path-instructions': 'instructions',
  'copilot-setup-steps': 'gate',
};

/** A real Gemini settings file with a leading `#` line: not JSON. */
const NOT_JSON = new Set(['gemini-settings/5throck__safety_os__.gemini__settings.json']);

function adapterOf(folder: string, entry: string): string {
  if (folder === 'gh-aw-lock-pairs') return entry.endsWith('.lock.yml') ? 'gate' : 'gh-aw-workflows';
  return FOLDER_ADAPTER[folder] ?? folder;
}

interface CorpusFile {
  name: string;
  adapterId: string;
  path: string;
  text: string;
}

function corpus(): CorpusFile[] {
  const paths = new Map<string, string>();
  for (const line of readFileSync(join(CORPUS, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const file = /^`(.+)`$/.exec(cells[1] ?? '')?.[1];
    const path = /^`(.+)`$/.exec(cells[3] ?? '')?.[1];
    if (file && path) paths.set(file, path);
  }
  const files: CorpusFile[] = [];
  for (const folder of readdirSync(CORPUS, { withFileTypes: true })) {
    if (!folder.isDirectory() || NOT_SOURCES.has(folder.name)) continue;
    for (const entry of readdirSync(join(CORPUS, folder.name)).sort()) {
      if (entry.endsWith('policies.toml')) continue;
      const name = `${folder.name}/${entry}`;
      const path = paths.get(name);
      if (path === undefined) throw new Error(`${name} is not in SOURCES.md`);
      files.push({
        name,
        adapterId: adapterOf(folder.name, entry),
        path,
        text: readFileSync(join(CORPUS, name), 'utf8'),
      });
    }
  }
  return files;
}

const FILES = corpus();
const lookup = createSourceLookup();

/** Pull requests whose files never share a path (several repositories have a root `.mcp.json`). */
function batches(files: CorpusFile[]): CorpusFile[][] {
  const out: { paths: Set<string>; files: CorpusFile[] }[] = [];
  for (const file of files) {
    let batch = out.find((candidate) => !candidate.paths.has(file.path.toLowerCase()));
    if (!batch) out.push((batch = { paths: new Set(), files: [] }));
    batch.paths.add(file.path.toLowerCase());
    batch.files.push(file);
  }
  return out.map((batch) => batch.files);
}

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.cleanup()));

async function diffBatch(files: CorpusFile[]): Promise<{ report: DiffReport; code: number }> {
  const repo = await createTempRepo();
  repos.push(repo);
  repo.write('README.md', '# corpus\n');
  const configured = files.filter(
    (file) => file.adapterId !== 'gate' && lookup(file.path)?.id !== file.adapterId,
  );
  if (configured.length > 0) {
    const lines = ['version: 1', 'sources:'];
    const byAdapter = new Map<string, string[]>();
    for (const file of configured)
      byAdapter.set(file.adapterId, [...(byAdapter.get(file.adapterId) ?? []), file.path]);
    for (const [id, paths] of byAdapter) lines.push(`  ${id}:`, `    paths: ${JSON.stringify(paths)}`);
    repo.write('agentgate.yaml', `${lines.join('\n')}\n`);
  }
  await repo.commit('base');
  repo.branch('pr');
  repo.checkout('pr');
  for (const file of files) repo.write(file.path, file.text);
  await repo.commit('pr');
  const result = runCli(['diff', '--format', 'json', '--base', 'main', '--head', 'pr'], { cwd: repo.dir });
  expect(result.stderr).toBe('');
  return { report: JSON.parse(result.stdout) as DiffReport, code: result.code };
}

describe('the real corpus, each file added in a pull request at its real path', () => {
  it('covers every client file of the corpus', () => {
    expect(FILES.length).toBe(162);
    expect(new Set(FILES.map((file) => file.adapterId))).toEqual(
      new Set([...ALL_SOURCE_ADAPTERS.map((adapter) => adapter.id), 'gate']),
    );
  });

  it.each(batches(FILES).map((files, i) => ({ i, files })))(
    'pull request $i: every file reaches the control plane with every server it declares, no refusal',
    async ({ files }) => {
      const { report, code } = await diffBatch(files);
      expect([0, 1]).toContain(code);
      const control = report.planes.control;
      const inControl = new Set(control.files.map((file) => file.path));
      const inData = new Set(report.planes.data.files.map((file) => file.path));
      for (const file of files) {
        // instruction files are text the model reads: data plane only, no version asked
        const textOnly = file.adapterId === 'instructions';
        expect(inControl.has(file.path), `${file.name} at ${file.path}`).toBe(!textOnly);
        if (textOnly) expect(inData.has(file.path), file.name).toBe(true);
        if (file.adapterId === 'gate') continue;
        const adapter = ALL_SOURCE_ADAPTERS.find((candidate) => candidate.id === file.adapterId)!;
        const declared = adapter.parse({ path: file.path, oid: 'x', text: file.text }).servers;
        const reported = (control.servers ?? []).filter((server) => server.source === file.path);
        expect(reported.map((server) => server.name).sort(), file.name).toEqual(
          declared.map((server) => server.name).sort(),
        );
        for (const server of reported) expect(server.change).toBe('added');
        // a real file that is not JSON is unreadable: held by `source-parse`, never refused as a path
        const refused = NOT_JSON.has(file.name)
          ? ['path-refused', 'file-refused']
          : ['path-refused', 'file-refused', 'source-parse'];
        const refusals = report.findings.filter(
          (finding) => finding.path === file.path && refused.includes(finding.code),
        );
        expect(refusals, file.name).toEqual([]);
      }
    },
    60_000,
  );
});
