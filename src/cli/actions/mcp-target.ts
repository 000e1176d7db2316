import { resolve } from 'node:path';
import type { ServerEndpoint } from '../../runtime/mcp-connect.js';
import { expandReferences } from '../../runtime/mcp-launch.js';
import type { ManifestTransport } from '../../runtime/mcp-manifest.js';
import { redactUrl, urlHoldsSecret } from '../../runtime/mcp-redact.js';
import { UsageError } from '../../errors.js';
import { quote, readConfiguredServer } from './mcp-config.js';
import { readHeaderOptions } from './mcp-headers.js';

/** How the runtime commands are told which server to reach (exactly one of the three). */
/** How `mcp import`, `mcp verify` and `guard` name the server to reach. */
export interface TargetOptions {
  from?: string;
  server?: string;
  url?: string;
  header: string[];
}

/** A server to reach, and its transport as written (what a manifest pins and `verify` compares). */
export interface Target {
  endpoint: ServerEndpoint;
  transport: ManifestTransport;
  /** names of the variables and headers it is given, never their values */
  credentials: string[];
  /** the config entry's key, when the server came from a client config */
  name?: string;
  /** how `mcp verify` reaches the same server again */
  recheck: string;
}

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Which server the options name, refusing contradictions (two targets, --server without --from). */
export function resolveTarget(command: readonly string[], options: TargetOptions): Target | undefined {
  const given = [
    command.length > 0 && '-- CMD',
    options.from !== undefined && '--from',
    options.url !== undefined && '--url',
  ];
  const named = given.filter((item): item is string => typeof item === 'string');
  if (named.length > 1) throw new UsageError(`give one server: ${named.join(' or ')}, not both`);
  if ((options.server === undefined) !== (options.from === undefined))
    throw new UsageError('--from FILE and --server NAME go together: the config file and the entry to start');
  if (options.from !== undefined) return fromConfig(options.from, options.server ?? '', options.header);
  if (options.url !== undefined) return fromUrl(options.url, options.header);
  if (options.header.length > 0)
    throw new UsageError('--header applies to a remote server (--url or --from)');
  const [executable, ...args] = command;
  if (executable === undefined) return undefined;
  return {
    endpoint: { kind: 'stdio', command: executable, args },
    transport: { type: 'stdio', command: executable, args },
    credentials: [],
    recheck: 'agentgate mcp verify --manifest <this file> -- <command>',
  };
}

function fromUrl(url: string, headerOptions: readonly string[]): Target {
  checkUrl(url, '--url');
  const { headers, variables } = readHeaderOptions(headerOptions);
  return {
    endpoint: { kind: 'remote', url, headers },
    transport: { type: 'http', url },
    credentials: variables,
    recheck: `agentgate mcp verify --manifest <this file> --url ${url}${headerOptions.map((option) => ` --header ${option}`).join('')}`,
  };
}

function fromConfig(file: string, name: string, headerOptions: readonly string[]): Target {
  const configured = readConfiguredServer(file, name);
  for (const warning of configured.warnings) process.stderr.write(`agentgate: ${warning}\n`);
  const { server, root } = configured;
  const where = `${file}: server ${quote(name)}`;
  const context = { root, env: process.env };
  const expand = (text: string): string => {
    const expanded = expandReferences(text, context);
    if (expanded.kind === 'error')
      throw new UsageError(`${where}: ${quote(expanded.reference)} ${expanded.reason}`);
    return expanded.value;
  };
  const credentials = server.credentials.map((credential) => credential.name);
  const recheck = `agentgate mcp verify --manifest <this file> --from ${file} --server ${name}`;
  const { transport } = server;
  if (transport.command !== undefined) {
    if (transport.url !== undefined)
      throw new UsageError(
        `${where} has both a command and a url; agentgate cannot tell which the client runs`,
      );
    if (headerOptions.length > 0)
      throw new UsageError(`${where} runs locally; --header applies to remote servers`);
    const args = transport.args ?? [];
    const env: Record<string, string> = {};
    for (const variable of credentials.filter((credential) => VARIABLE.test(credential))) {
      const value = process.env[variable];
      if (value === undefined)
        process.stderr.write(`agentgate: warning: ${variable} is not set; the server starts without it\n`);
      else env[variable] = value;
    }
    const cwd = transport.cwd === undefined ? root : resolve(root, expand(transport.cwd));
    return {
      endpoint: { kind: 'stdio', command: expand(transport.command), args: args.map(expand), env, cwd },
      transport: {
        type: 'stdio',
        command: transport.command,
        args,
        ...(transport.cwd !== undefined && { cwd: transport.cwd }),
      },
      credentials,
      name,
      recheck,
    };
  }
  if (transport.url === undefined)
    throw new UsageError(`${where} has neither a command nor a url: nothing to start`);
  checkUrl(transport.url, where);
  const { headers, variables } = readHeaderOptions(headerOptions);
  const sent = new Set(Object.keys(headers).map((header) => header.toLowerCase()));
  const unsent = credentials.filter((credential) => !sent.has(credential.toLowerCase()));
  if (unsent.length > 0)
    process.stderr.write(
      `agentgate: note: the config gives the server ${unsent.join(', ')}; agentgate sends only headers given as --header NAME=env:VAR\n`,
    );
  const type = transport.type === 'sse' ? 'sse' : 'http';
  return {
    endpoint: { kind: 'remote', url: expand(transport.url), headers, prefer: type },
    transport: { type, url: transport.url },
    credentials: [...credentials, ...variables],
    name,
    recheck: `${recheck}${headerOptions.map((option) => ` --header ${option}`).join('')}`,
  };
}

/** A credential inside a url is refused: it would be sent, logged by proxies and copied into the manifest. */
function checkUrl(url: string, where: string): void {
  if (urlHoldsSecret(url))
    throw new UsageError(
      `${where}: the url ${redactUrl(url)} carries a credential (user-info or a token in its query); send it as a header: --header NAME=env:VAR`,
    );
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\$\{[^}]*\}/g, 'x'));
  } catch {
    throw new UsageError(`${where}: not a url: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new UsageError(`${where}: the url must be http or https, found ${parsed.protocol}`);
}

export type McpTargetOptions = TargetOptions;
