import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { messageWithoutLocation } from '../../parse/findings.js';
import type { Server } from '../../model/types.js';
import { SOURCE_ADAPTERS } from '../../sources/formats/index.js';
import { createSourceLookup } from '../../sources/lookup.js';
import { shown as quote } from '../../sources/kit/findings.js';
import type { SourceAdapter, SourceModel } from '../../sources/kit/types.js';

export { quote };
import { UsageError } from '../../errors.js';

export interface ConfiguredServer {
  server: Server;
  /** the folder the config belongs to (its repository root): relative commands and `${workspaceFolder}` */
  root: string;
  /** the file's findings about this server or the whole file (messages never hold configured values) */
  warnings: string[];
}

/**
 * The entry `name` of an MCP client config, read by the source adapter its path selects (`.mcp.json`,
 * `.vscode/mcp.json`, `.codex/config.toml`…). A file at another path is read by whichever adapter finds the
 * server in it. Exit 2 when the file cannot be read or parsed, or does not declare the server.
 */
export function readConfiguredServer(file: string, name: string, cwd = process.cwd()): ConfiguredServer {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const absolute = resolve(cwd, file);
  const suffixes = pathSuffixes(absolute);
  const byPath = suffixes
    .map((path) => ({ path, adapter: configAdapterOf(path) }))
    .find((match) => match.adapter);
  const chosen = byPath?.adapter
    ? { adapter: byPath.adapter, path: shortestMatch(byPath.adapter, suffixes) }
    : undefined;
  const parse = (adapter: SourceAdapter, path: string): SourceModel => adapter.parse({ path, oid: '', text });
  let model: SourceModel;
  let root: string;
  if (chosen) {
    model = parse(chosen.adapter, chosen.path);
    root = stripSuffix(absolute, chosen.path);
  } else {
    const base = suffixes[suffixes.length - 1] ?? file;
    const readable = SOURCE_ADAPTERS.map((adapter) => parse(adapter, base)).filter(
      (candidate) =>
        candidate.servers.length > 0 &&
        !candidate.findings.some((finding) => finding.code === 'source-parse'),
    );
    const found =
      readable.find((candidate) => candidate.servers.some((server) => server.name === name)) ??
      [...readable].sort((a, b) => b.servers.length - a.servers.length)[0];
    if (!found)
      throw new UsageError(
        `${file}: not at a path agentgate knows as an MCP client config, and no format it reads finds a server in it`,
      );
    model = found;
    root = dirname(absolute);
  }
  const broken = model.findings.find((finding) => finding.code === 'source-parse');
  if (broken) throw new UsageError(`${file}:${broken.line}: ${broken.message}`);
  const server = model.servers.find((candidate) => candidate.name === name);
  if (!server) {
    const names = [...new Set(model.servers.map((candidate) => quote(candidate.name)))];
    throw new UsageError(
      `${file}: no server named ${quote(name)} (${names.length === 0 ? 'it declares none' : `it has ${names.join(', ')}`})`,
    );
  }
  const relevant = model.findings
    .filter((finding) => finding.field === undefined || finding.field.includes(name))
    .map((finding) => ({ ...finding, text: `${file}:${finding.line}: ${messageWithoutLocation(finding)}` }));
  const error = relevant.find((finding) => finding.severity === 'error');
  if (error) throw new UsageError(error.text);
  return { server, root, warnings: relevant.map((finding) => `${finding.severity}: ${finding.text}`) };
}

/** `/a/b/.vscode/mcp.json` -> `a/b/.vscode/mcp.json`, `b/.vscode/mcp.json`, `.vscode/mcp.json`, `mcp.json`. */
function pathSuffixes(absolute: string): string[] {
  const segments = absolute.split(sep).filter((segment) => segment !== '');
  return segments.map((_, index) => segments.slice(index).join('/'));
}

function shortestMatch(adapter: SourceAdapter, suffixes: readonly string[]): string {
  return [...suffixes].reverse().find((path) => configAdapterOf(path) === adapter) ?? suffixes[0] ?? '';
}

/** The MCP client config adapter that reads a path, as the gate's own source lookup answers. */
function configAdapterOf(path: string): SourceAdapter | undefined {
  const adapter = createSourceLookup()(path);
  return adapter !== undefined && SOURCE_ADAPTERS.includes(adapter) ? adapter : undefined;
}

function stripSuffix(absolute: string, suffix: string): string {
  const depth = suffix.split('/').length;
  let root = absolute;
  for (let i = 0; i < depth; i++) root = dirname(root);
  return root;
}
