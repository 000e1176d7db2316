// registry/tools/** documents -> Tool[]. Anything that does not parse or fails the schema is an error
// finding naming file, line and field, and yields no tool.
import type { Finding, JsonValue, Server, Tool } from '../model/types.js';
import { inputFinding } from './findings.js';
import {
  normalizeCredentials,
  normalizeEgress,
  normalizeManifestServer,
  normalizeServerTool,
  normalizeTool,
} from './normalize-tool.js';
import { describeSchemaErrors } from './schema-errors.js';
import type { SourceFile } from '../model/source-file.js';
import { describeCodePoint, firstNonAscii } from '../text/unicode-names.js';
import { getValidators } from './validators.js';
import type { FieldPath, YamlDocument } from './yaml.js';
import { lineOfPath, parseYaml } from './yaml.js';

export interface ToolManifestResult {
  tools: Tool[];
  /** one per valid `kind: McpServer` document, with or without a tool snapshot */
  servers: Server[];
  findings: Finding[];
}

type Raw = Record<string, unknown>;

export function parseToolManifest(file: SourceFile): ToolManifestResult {
  const result: ToolManifestResult = { tools: [], servers: [], findings: [] };
  const parsed = parseYaml(file.text);
  for (const issue of parsed.issues) {
    result.findings.push(
      inputFinding({ code: issue.code, path: file.path, line: issue.line, message: issue.message }),
    );
  }
  if (parsed.documents.length === 0 && parsed.issues.length === 0) {
    result.findings.push(
      inputFinding({
        severity: 'warning',
        code: 'empty-manifest',
        path: file.path,
        line: 1,
        message: 'file holds no manifest',
      }),
    );
  }
  for (const doc of parsed.documents) {
    const documentResult = parseDocument(file.path, doc);
    result.tools.push(...documentResult.tools);
    result.servers.push(...documentResult.servers);
    result.findings.push(...documentResult.findings);
  }
  return result;
}

function parseDocument(path: string, doc: YamlDocument): ToolManifestResult {
  const value = doc.value;
  const at = (field: FieldPath) => lineOfPath(doc, field);
  if (!isMapping(value)) {
    const message = 'a manifest must be a mapping with apiVersion, kind and name';
    return {
      tools: [],
      servers: [],
      findings: [inputFinding({ code: 'schema', path, line: at([]), message })],
    };
  }
  const name = typeof value.name === 'string' ? value.name : undefined;
  const error = (code: Finding['code'], field: FieldPath, message: string): Finding =>
    inputFinding({ code, path, line: at(field), message, field, ...(name !== undefined && { tool: name }) });

  const validate =
    value.kind === 'Tool'
      ? getValidators().tool
      : value.kind === 'McpServer'
        ? getValidators().mcpServer
        : undefined;
  if (!validate) {
    const message =
      value.kind === undefined
        ? 'required field is missing (Tool or McpServer)'
        : `must be one of Tool, McpServer (got ${JSON.stringify(value.kind)})`;
    return { tools: [], servers: [], findings: [error('schema', ['kind'], message)] };
  }

  const findings = nonAsciiNames(value).map(({ field, message }) => error('non-ascii-name', field, message));
  const flagged = new Set(findings.map((f) => f.field));
  if (!validate(value)) {
    for (const problem of describeSchemaErrors(validate.errors)) {
      // the non-ascii-name finding already explains a name's pattern failure, more precisely
      if (flagged.has(problem.path.join('.'))) continue;
      findings.push(error('schema', problem.path, problem.message));
    }
  }
  if (findings.length > 0) return { tools: [], servers: [], findings };

  if (value.kind === 'Tool') {
    return { tools: [normalizeTool(value, { path, line: at(['name']) })], servers: [], findings: [] };
  }
  return {
    tools: expandServer(path, doc, value),
    servers: [normalizeManifestServer(value, { path, line: at(['name']) })],
    findings: [],
  };
}

function expandServer(path: string, doc: YamlDocument, server: Raw): Tool[] {
  const context = {
    name: server.name as string,
    credentials: normalizeCredentials(server.credentials),
    egress: normalizeEgress(server.egress),
    ...(typeof server.owner === 'string' && { owner: server.owner }),
    ...(server.transport !== undefined && { transport: server.transport as JsonValue }),
  };
  const entries = (server.tools as Raw[] | undefined) ?? [];
  return entries.map((entry, index) =>
    normalizeServerTool(entry, context, { path, line: lineOfPath(doc, ['tools', index, 'name']) }),
  );
}

/** Names must be ASCII: a Cyrillic 'а' in `reаd_file` is named, code point and all, before any pattern error. */
function nonAsciiNames(value: Raw): { field: FieldPath; message: string }[] {
  const problems: { field: FieldPath; message: string }[] = [];
  const check = (name: unknown, field: FieldPath) => {
    if (typeof name !== 'string') return;
    const found = firstNonAscii(name);
    if (!found) return;
    problems.push({
      field,
      message:
        `name ${JSON.stringify(name)} contains ${describeCodePoint(found.codePoint)} at position ${found.index + 1}: ` +
        'tool names must be ASCII (a look-alike letter can impersonate another tool)',
    });
  };
  check(value.name, ['name']);
  if (value.kind === 'McpServer' && Array.isArray(value.tools)) {
    value.tools.forEach((entry: unknown, index) => {
      if (isMapping(entry)) check(entry.name, ['tools', index, 'name']);
    });
  }
  return problems;
}

export function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
