import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  ToolListChangedNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type {
  CallToolRequest,
  CallToolResult,
  ServerNotification,
  ServerRequest,
} from '@modelcontextprotocol/sdk/types.js';
import { evaluateIntent } from '../core/intent/evaluate-intent.js';
import type { Decision } from '../core/intent/evaluate-intent.js';
import { agentAllows } from '../core/intent/agent-scope.js';
import type { AgentScope } from '../core/intent/agent-scope.js';
import { indexTools } from '../core/intent/tool-index.js';
import type { Radius, Registry, Tool } from '../model/types.js';
import { appendDecision } from './decision-log.js';
import type { BundleRecord } from './decision-log.js';
import { MAX_INTENT_BYTES, intentBytes } from './intent-size.js';
import { listAllTools } from './mcp-connect.js';
import { ENVELOPE_META, discoverResult, inRevision, speaksStateless } from './mcp-stateless.js';
import type { McpTool } from './mcp-connect.js';

export interface GuardOptions {
  registry: Registry;
  /** registry tools are named `<server>.<tool>`; without it, MCP tool names are looked up as they are */
  server?: string;
  log?: string;
  /** keys the log's chain (HMAC-SHA256), from AGENTGATE_LOG_KEY */
  logKey?: string;
  /** the released bundle enforced, recorded with each decision (the log's head then refuses a rollback) */
  bundle?: BundleRecord;
  radiusOverrides?: Readonly<Record<string, Radius>>;
  /** `--agent ID`: only this agent's bound tools are listed and may be called */
  agent?: AgentScope;
  /** per-call limit on the upstream server, ms (default 10 minutes; progress resets it) */
  callTimeoutMs?: number;
  /** told about each decision after it is logged (the CLI prints nothing: stdout is the protocol) */
  onDecision?: (decision: Decision) => void;
  warn?: (message: string) => void;
  /** aborting it closes both sides (the CLI aborts on stdin EOF, SIGINT and SIGTERM) */
  signal?: AbortSignal;
}

/** `_meta` keys an agent (or its host) may use to carry the change request and the reason with a call. */
const META_CHANGE_REQUEST = ['agentgate/changeRequest', 'changeRequest'];
const META_REASON = ['agentgate/reason', 'reason'];

/**
 * An MCP stdio proxy: the agent talks to this server, which talks to the real one through `upstream`.
 * `tools/list` shows only the live tools the registry knows, with the registry's reviewed description and
 * inputSchema in place of the live ones; every `tools/call` is decided by `evaluateIntent` and logged before it
 * is forwarded or refused. Resolves when either side closes.
 */
export async function runGuard(
  upstream: Client,
  options: GuardOptions,
  agentSide: Transport = new StdioServerTransport(),
): Promise<void> {
  const tools = indexTools(options.registry);
  const registryName = (mcpName: string): string =>
    options.server ? `${options.server}.${mcpName}` : mcpName;
  const warn = options.warn ?? (() => undefined);
  const record = serialise(async (intent: unknown, decision: Decision) => {
    if (options.log !== undefined)
      await appendDecision(
        options.log,
        { intent, decision, ...(options.bundle !== undefined && { bundle: options.bundle }) },
        new Date(),
        { key: options.logKey },
      );
    options.onDecision?.(decision);
  });

  const instructions = upstream.getInstructions();
  const identity = { name: 'agentgate-guard', version: upstream.getServerVersion()?.version ?? '0' };
  const server = new Server(identity, {
    capabilities: { tools: { listChanged: true } },
    ...(instructions !== undefined && { instructions }),
  });

  // MCP's lifecycle up to 2025-11-25: nothing but ping before `initialize`. A client that skips it has not said
  // who it is or what it speaks, and the SDK would otherwise serve it anyway. The stateless revision has no
  // `initialize`: each request names its revision in `_meta`, and each call is judged on its own.
  const requireInitialized = (method: string, params: unknown): void => {
    if (server.getClientVersion() !== undefined || speaksStateless(params)) return;
    throw new McpError(ErrorCode.InvalidRequest, `agentgate guard: ${method} before initialize`);
  };
  const visibleTo = (name: string): boolean =>
    options.agent === undefined || agentAllows(options.agent, name);

  let warnedEmpty = false;
  // A client on the stateless revision asks what the guard speaks before anything else; every other unknown
  // method stays unknown.
  server.fallbackRequestHandler = async (request) => {
    if (request.method === 'server/discover') return discoverResult(identity, instructions);
    throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${request.method}`);
  };

  server.setRequestHandler(ListToolsRequestSchema, async (request) => {
    requireInitialized('tools/list', request.params);
    const live = await listAllTools(upstream);
    const visible = live.flatMap((tool) => {
      const pinned = tools.get(registryName(tool.name));
      return pinned && visibleTo(pinned.name) ? [presentTool(tool, pinned)] : [];
    });
    if (visible.length === 0 && live.length > 0 && !warnedEmpty) {
      warnedEmpty = true;
      warn(
        `none of the server's ${live.length} tools is in the registry${options.server ? ` under "${options.server}."` : ''}; ${options.server ? 'check the server name' : 'pass --server NAME for tools from a kind: McpServer manifest'}`,
      );
    }
    return inRevision(request.params, { tools: visible }, identity, true);
  });

  const callTool = async (
    request: CallToolRequest,
    extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  ): Promise<CallToolResult> => {
    requireInitialized('tools/call', request.params);
    const { intent, forwardMeta } = intentOf(request.params, registryName(request.params.name));
    const size = intentBytes(intent);
    if (size === undefined || size > MAX_INTENT_BYTES) {
      // refused before it is evaluated or logged in full; the log records that it came, and how big it was
      const tool = String(intent.tool);
      const decision: Decision = {
        decision: 'deny',
        tool,
        reasons: [
          {
            code: 'intent-too-large',
            message: `the intent is ${size === undefined ? 'not serialisable' : `${size} bytes`}; the limit is ${MAX_INTENT_BYTES}`,
          },
        ],
      };
      await record({ tool, args: null, bytes: size ?? null }, decision).catch(() => undefined);
      return refusal(describeRefusal(decision));
    }
    const decision = evaluateIntent(options.registry, intent, {
      radiusOverrides: options.radiusOverrides ?? {},
      ...(options.agent !== undefined && { agent: options.agent }),
    });
    try {
      await record(intent, decision);
    } catch (error) {
      // an unrecorded decision is not acted on
      return refusal(
        `agentgate: the call was not run because the decision could not be logged: ${describe(error)}`,
      );
    }
    if (decision.decision !== 'allow') return refusal(describeRefusal(decision));
    const progressToken = request.params._meta?.progressToken;
    return (await upstream.callTool(
      {
        name: request.params.name,
        arguments: request.params.arguments ?? {},
        ...(forwardMeta && { _meta: forwardMeta }),
      },
      CallToolResultSchema,
      {
        signal: extra.signal,
        timeout: options.callTimeoutMs ?? 600_000,
        resetTimeoutOnProgress: true,
        ...(progressToken !== undefined && {
          onprogress: (progress) =>
            void extra.sendNotification({
              method: 'notifications/progress',
              params: { ...progress, progressToken },
            }),
        }),
      },
    )) as CallToolResult;
  };
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) =>
    inRevision(request.params, await callTool(request, extra), identity),
  );

  upstream.setNotificationHandler(ToolListChangedNotificationSchema, async () => {
    await server.sendToolListChanged().catch(() => undefined);
  });

  await new Promise<void>((resolve, reject) => {
    let closing = false;
    const closeBoth = () => {
      if (closing) return;
      closing = true;
      void Promise.allSettled([server.close(), upstream.close()]).then(() => resolve());
    };
    server.onclose = closeBoth;
    upstream.onclose = closeBoth;
    if (options.signal?.aborted) closeBoth();
    options.signal?.addEventListener('abort', closeBoth, { once: true });
    server.connect(agentSide).catch(reject);
  });
}

function intentOf(
  params: CallToolRequest['params'],
  tool: string,
): { intent: Record<string, unknown>; forwardMeta?: Record<string, unknown> } {
  const meta = (params._meta ?? {}) as Record<string, unknown>;
  const pick = (keys: string[]) => keys.map((key) => meta[key]).find((value) => value !== undefined);
  const changeRequest = pick(META_CHANGE_REQUEST);
  const reason = pick(META_REASON);
  const intent: Record<string, unknown> = { tool, args: params.arguments ?? {} };
  if (reason !== undefined) intent.reason = reason;
  if (changeRequest !== undefined) intent.changeRequest = changeRequest;
  // the server gets the caller's other metadata (progressToken and the like), not agentgate's own keys, nor the
  // stateless revision's per-request envelope: the guard's own session with the server was opened by `initialize`
  const rest = Object.fromEntries(
    Object.entries(meta).filter(
      ([key]) =>
        !META_CHANGE_REQUEST.includes(key) && !META_REASON.includes(key) && !key.startsWith(ENVELOPE_META),
    ),
  );
  return Object.keys(rest).length > 0 ? { intent, forwardMeta: rest } : { intent };
}

/** The tool as the agent sees it: the live entry, with the reviewed (registry) text and schema where pinned. */
function presentTool(live: McpTool, pinned: Tool): McpTool {
  const tool: McpTool = { ...live };
  if (pinned.description !== undefined) tool.description = pinned.description;
  if (pinned.inputSchema !== undefined) tool.inputSchema = pinned.inputSchema as McpTool['inputSchema'];
  return tool;
}

function refusal(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

function describeRefusal(decision: Decision): string {
  const verdict = decision.decision === 'needs-approval' ? 'needs human approval' : 'was refused';
  const lines = [`agentgate: ${decision.tool || 'the call'} ${verdict} (${decision.decision})`];
  for (const reason of decision.reasons) lines.push(`- ${reason.code}: ${reason.message}`);
  return lines.join('\n');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs an async function one call at a time, in call order: log appends must not interleave. */
function serialise<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  let tail: Promise<unknown> = Promise.resolve();
  return (...args: A) => {
    const run = tail.then(() => fn(...args));
    tail = run.catch(() => undefined);
    return run;
  };
}
