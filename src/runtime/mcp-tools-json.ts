// A saved `tools/list` result, read offline by `mcp verify --from-json`: the result object, the whole JSON-RPC
// response around it, or the bare list of tools. Anything else is refused, never read as "no tools".
import { contractOf } from './mcp-contract.js';
import type { ContractTool } from './mcp-contract.js';

export type ToolsJsonRead = { kind: 'ok'; tools: ContractTool[] } | { kind: 'error'; message: string };

export function readToolsJson(text: string): ToolsJsonRead {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'error', message: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const list = toolList(value);
  if (list === undefined)
    return {
      kind: 'error',
      message: 'expected a tools/list result: { "tools": [...] }, a JSON-RPC response holding one, or a list',
    };
  const tools: ContractTool[] = [];
  const names = new Set<string>();
  for (const [index, entry] of list.entries()) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || entry.name === '')
      return { kind: 'error', message: `tools[${index}]: needs a \`name\`` };
    // two tools of one name: a client would call one of them, a reviewer may have read the other
    if (names.has(entry.name))
      return {
        kind: 'error',
        message: `tools[${index}]: the name ${JSON.stringify(entry.name)} appears twice`,
      };
    names.add(entry.name);
    tools.push(contractOf(entry as { name: string } & Record<string, unknown>));
  }
  return { kind: 'ok', tools };
}

function toolList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return undefined;
  if (isRecord(value.result)) return toolList(value.result);
  if (value.error !== undefined) return undefined;
  return Array.isArray(value.tools) ? value.tools : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
