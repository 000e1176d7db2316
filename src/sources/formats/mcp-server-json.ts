// The MCP registry's `server.json`: how to install or reach a published server. Each package (npm, pypi, oci, …)
// and each remote is one way to run it, so each is a server, named `<name>/<registryType>` or `<name>/remote`.
// Early drafts spelled keys in snake_case (`registry_name`, `runtime_arguments`): both spellings are read.
import type { FieldPath } from '../../parse/yaml.js';
import type { Server, ServerTransport } from '../../model/types.js';
import type { FindingSink } from '../kit/findings.js';
import { SOURCE_CODES, shown } from '../kit/findings.js';
import { imageVerdict } from '../kit/package-pins.js';
import { looksLikeSecret } from '../kit/secrets.js';
import { credentialsOf } from '../kit/server-entry.js';
import { isRecord } from '../kit/front-matter.js';
import { hashed, plainOf, residualOfNode } from '../kit/residual.js';
import { parseJsonModel } from '../kit/source-model.js';
import type { Entry, ObjectNode, SourceNode } from '../kit/tree.js';
import { isArray, isObject, member, stringValue } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';
import { egressOf } from '../kit/url-host.js';

const ID = 'mcp-server-json';
const LAUNCHERS: ReadonlyMap<string, string> = new Map([
  ['npm', 'npx'],
  ['pypi', 'uvx'],
  ['oci', 'docker'],
  ['nuget', 'dnx'],
]);
const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;

/** `runtimeArguments` or `runtime_arguments`. */
function field(node: SourceNode | undefined, camel: string, snake: string): Entry | undefined {
  return member(node, camel) ?? member(node, snake);
}

function text(node: SourceNode | undefined, camel: string, snake = camel): string | undefined {
  return stringValue(field(node, camel, snake)?.value);
}

function itemsOf(entry: Entry | undefined, at: FieldPath, sink: FindingSink): SourceNode[] {
  if (!entry) return [];
  if (isArray(entry.value)) return entry.value.items;
  sink.add('error', SOURCE_CODES.shape, entry.line, at, 'must be a list');
  return [];
}

/** `-e NAME=value` style runtime arguments name a variable the process receives: a credential name. */
function argumentsOf(
  entry: Entry | undefined,
  at: FieldPath,
  sink: FindingSink,
): { args: string[]; env: string[] } {
  const args: string[] = [];
  const env: string[] = [];
  for (const item of itemsOf(entry, at, sink)) {
    const name = text(item, 'name');
    const value = text(item, 'value') ?? text(item, 'valueHint', 'value_hint') ?? text(item, 'default');
    const flag = text(item, 'format') === 'boolean';
    if (name !== undefined) args.push(name);
    if (value !== undefined && !flag) args.push(value);
    if ((name === '-e' || name === '--env') && value !== undefined) env.push(value.split('=')[0] ?? value);
  }
  return { args, env };
}

function namesOf(entry: Entry | undefined, at: FieldPath, sink: FindingSink, scanValues: boolean): string[] {
  const names: string[] = [];
  itemsOf(entry, at, sink).forEach((item, index) => {
    const name = text(item, 'name');
    if (name === undefined) return;
    names.push(name);
    const value = text(item, 'value');
    if (scanValues && value !== undefined && looksLikeSecret(name, value)) {
      sink.add(
        'warning',
        SOURCE_CODES.secret,
        item.line,
        [...at, index, 'value'],
        `header ${shown(name)} holds a literal credential in a committed file`,
      );
    }
  });
  return names;
}

/**
 * Each named variable or header with everything said about it (`value`, `default`, `isSecret`, `choices`…) but
 * its description, by hash: a changed default is compared and digested, never shown.
 */
function valuesOf(entry: Entry | undefined): Record<string, string> | undefined {
  if (!entry || !isArray(entry.value)) return undefined;
  const out: Record<string, string> = {};
  for (const item of entry.value.items) {
    const name = text(item, 'name');
    const plain = plainOf(item);
    if (name === undefined || !isRecord(plain)) continue;
    const { description: _description, ...rest } = plain;
    Object.defineProperty(out, name, {
      value: hashed(rest),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function withoutDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutDescriptions);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value))
    if (key !== 'description')
      Object.defineProperty(out, key, { value: withoutDescriptions(inner), enumerable: true });
  return out;
}

const PACKAGE_KEYS = [
  ...['registryType', 'registry_name', 'identifier', 'name', 'version', 'transport', 'runtimeHint'],
  ...['runtime_hint', 'runtimeArguments', 'runtime_arguments', 'packageArguments', 'package_arguments'],
  ...['environmentVariables', 'environment_variables'],
];
const TRANSPORT_KEYS = ['type', 'url', 'headers'];
const REMOTE_KEYS = ['type', 'url', 'headers'];
/** what a published server says about itself: its names and links, never how it runs */
const TOP_KEYS = ['name', 'packages', 'remotes', 'description', 'title', 'websiteUrl', 'repository'];

function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}

function readPackage(
  base: string,
  item: SourceNode,
  at: FieldPath,
  taken: Set<string>,
  sink: FindingSink,
): Server {
  const registry = text(item, 'registryType', 'registry_name') ?? 'unknown';
  const identifier = text(item, 'identifier') ?? text(item, 'name') ?? '';
  const version = text(item, 'version');
  const transportNode = member(item, 'transport')?.value;
  const declared = text(transportNode, 'type');
  const url = text(transportNode, 'url');
  const runtime = argumentsOf(
    field(item, 'runtimeArguments', 'runtime_arguments'),
    [...at, 'runtimeArguments'],
    sink,
  );
  const packageArgs = argumentsOf(
    field(item, 'packageArguments', 'package_arguments'),
    [...at, 'packageArguments'],
    sink,
  );
  const env = namesOf(
    field(item, 'environmentVariables', 'environment_variables'),
    [...at, 'environmentVariables'],
    sink,
    false,
  );
  const headers = namesOf(member(transportNode, 'headers'), [...at, 'transport', 'headers'], sink, true);
  const ref =
    registry === 'npm' && version
      ? `${identifier}@${version}`
      : registry === 'pypi' && version
        ? `${identifier}==${version}`
        : identifier;
  const command = text(item, 'runtimeHint', 'runtime_hint') ?? LAUNCHERS.get(registry);
  const remote = declared !== undefined && declared !== 'stdio' && url !== undefined;
  const transport: ServerTransport = remote
    ? { type: declared === 'sse' ? 'sse' : 'http', url }
    : command !== undefined
      ? {
          type: 'stdio',
          command,
          args: [...runtime.args, ref, ...packageArgs.args].filter((arg) => arg !== ''),
        }
      : { type: 'unknown' };
  const line = isObject(item) ? item.line : 1;
  const envValues = valuesOf(field(item, 'environmentVariables', 'environment_variables'));
  const headerValues = valuesOf(member(transportNode, 'headers'));
  if (envValues) transport.env = envValues;
  // a transport type spelled other than the one derived is kept, so a change to it is still seen
  const other: Record<string, string> = {};
  if (declared !== undefined && declared !== transport.type) other.type = declared;
  // a version the launch line does not carry (oci, nuget, a remote package) is still what gets installed
  if (version !== undefined && ref === identifier) other.version = version;
  // everything said about the arguments (their kind, hints, repeats) beyond the words they give, by hash
  const argumentsSaid = ['runtimeArguments', 'runtime_arguments', 'packageArguments', 'package_arguments']
    .map((key) => member(item, key))
    .filter((entry): entry is Entry => entry !== undefined)
    .map((entry) => [entry.key, withoutDescriptions(plainOf(entry.value))]);
  if (argumentsSaid.length > 0) other.arguments = hashed(argumentsSaid);
  if (Object.keys(other).length > 0) transport.other = other;
  if (headerValues) transport.headers = headerValues;
  residualOfNode(sink, sink.file.path, item, PACKAGE_KEYS, at);
  if (transportNode)
    residualOfNode(sink, sink.file.path, transportNode, TRANSPORT_KEYS, [...at, 'transport']);
  if (transport.type === 'unknown') {
    sink.add(
      'warning',
      SOURCE_CODES.notLaunchable,
      line,
      at,
      `package of registry type ${shown(registry)} names no way to run it`,
    );
  }
  const pinned =
    registry === 'oci'
      ? imageVerdict(identifier, 'docker run').kind === 'pinned'
      : EXACT_VERSION.test(version ?? '');
  if (!remote && !pinned) {
    sink.add(
      'warning',
      SOURCE_CODES.unpinned,
      line,
      at,
      `package ${shown(identifier)} (${shown(registry)}) is not pinned to ${registry === 'oci' ? 'an image digest (@sha256:…)' : 'an exact version'}`,
    );
  }
  return {
    name: unique(`${base}/${registry}`, taken),
    origin: ID,
    transport,
    credentials: credentialsOf([...env, ...runtime.env, ...packageArgs.env, ...headers]),
    egress: remote ? egressOf(url) : ['*'],
    source: { path: sink.file.path, line },
  };
}

function readRemote(
  base: string,
  item: SourceNode,
  at: FieldPath,
  taken: Set<string>,
  sink: FindingSink,
): Server {
  const url = text(item, 'url');
  const declared = text(item, 'type');
  const line = isObject(item) ? item.line : 1;
  const headers = namesOf(member(item, 'headers'), [...at, 'headers'], sink, true);
  if (url === undefined) sink.add('warning', SOURCE_CODES.notLaunchable, line, at, 'remote has no url');
  const transport: ServerTransport =
    url === undefined ? { type: 'unknown' } : { type: declared === 'sse' ? 'sse' : 'http', url };
  const headerValues = valuesOf(member(item, 'headers'));
  if (headerValues) transport.headers = headerValues;
  residualOfNode(sink, sink.file.path, item, REMOTE_KEYS, at);
  return {
    name: unique(`${base}/remote`, taken),
    origin: ID,
    transport,
    credentials: credentialsOf(headers),
    egress: egressOf(url),
    source: { path: sink.file.path, line },
  };
}

function readServers(root: ObjectNode, sink: FindingSink): Server[] {
  const base = text(root, 'name') ?? sink.file.path;
  residualOfNode(sink, sink.file.path, root, TOP_KEYS, []);
  const taken = new Set<string>();
  const servers: Server[] = [];
  itemsOf(member(root, 'packages'), ['packages'], sink).forEach((item, index) => {
    servers.push(readPackage(base, item, ['packages', index], taken, sink));
  });
  itemsOf(member(root, 'remotes'), ['remotes'], sink).forEach((item, index) => {
    servers.push(readRemote(base, item, ['remotes', index], taken, sink));
  });
  return servers;
}

export const mcpServerJsonAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-registry',
  defaultPaths: ['server.json'],
  parse: (file) => parseJsonModel(file, { jsonc: false }, readServers),
};
