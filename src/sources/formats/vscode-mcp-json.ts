// VS Code's `.vscode/mcp.json` (JSONC): `servers`, not `mcpServers`; secrets come from `inputs` (`${input:id}`),
// from `${env:NAME}`, or from a dotenv file named by `envFile`. Older user settings nest the same under `mcp`.
import type { FieldPath } from '../../parse/yaml.js';
import type { Server } from '../../model/types.js';
import type { FindingSink } from '../kit/findings.js';
import { SOURCE_CODES, shown } from '../kit/findings.js';
import { addCredentials } from '../kit/server-entry.js';
import { residualOfNode } from '../kit/residual.js';
import { parseJsonModel, readServerMap } from '../kit/source-model.js';
import type { ObjectNode, SourceNode } from '../kit/tree.js';
import { isArray, member, stringValue } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';

const ID = 'vscode-mcp-json';
const INPUT_REFERENCE = /\$\{input:([^}]*)\}/g;

function readServers(root: ObjectNode, sink: FindingSink): Server[] {
  const nested = member(root, 'mcp');
  const direct = member(root, 'servers');
  const holder = direct ? root : nested?.value;
  const prefix: FieldPath = direct ? [] : ['mcp'];
  const servers = holder ? member(holder, 'servers') : undefined;
  if (!servers || !holder) {
    residualOfNode(sink, sink.file.path, root, [], []);
    return [];
  }
  const out = readServerMap(
    ID,
    servers.value,
    servers.line,
    [...prefix, 'servers'],
    { envKey: 'env', urlType: 'http', modelledKeys: ['envFile'] },
    sink,
  );
  // `inputs` only prompt the user for values the servers reference; every other key is the residual
  residualOfNode(sink, sink.file.path, holder, ['servers', 'inputs'], prefix);
  if (!direct) residualOfNode(sink, sink.file.path, root, ['mcp'], []);
  for (const server of out) {
    const entry = member(servers.value, server.name);
    const envFile = stringValue(member(entry?.value, 'envFile')?.value);
    if (envFile !== undefined) addCredentials(server, [`envFile:${envFile}`]);
  }
  checkInputs(member(holder, 'inputs'), servers.value, [...prefix, 'servers'], sink);
  return out;
}

/** A `${input:id}` with no matching `inputs[]` entry: VS Code cannot prompt for it, the server fails to start. */
function checkInputs(
  inputs: { value: SourceNode } | undefined,
  servers: SourceNode,
  field: FieldPath,
  sink: FindingSink,
): void {
  const declared = new Set<string>();
  if (inputs && isArray(inputs.value)) {
    for (const item of inputs.value.items) {
      const id = stringValue(member(item, 'id')?.value);
      if (id !== undefined) declared.add(id);
    }
  }
  visitStrings(servers, field, (value, line, path) => {
    for (const match of value.matchAll(INPUT_REFERENCE)) {
      const id = match[1] ?? '';
      if (!declared.has(id))
        sink.add(
          'warning',
          SOURCE_CODES.unknownInput,
          line,
          path,
          `${shown(`\${input:${id}}`)} names no entry of 'inputs'`,
        );
    }
  });
}

function visitStrings(
  node: SourceNode,
  path: FieldPath,
  visit: (value: string, line: number, path: FieldPath) => void,
): void {
  if (node.kind === 'scalar') {
    if (typeof node.value === 'string') visit(node.value, node.line, path);
  } else if (node.kind === 'array') {
    node.items.forEach((item, index) => visitStrings(item, [...path, index], visit));
  } else {
    for (const entry of node.entries) visitStrings(entry.value, [...path, entry.key], visit);
  }
}

export const vscodeMcpJsonAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-config',
  defaultPaths: ['.vscode/mcp.json'],
  parse: (file) => parseJsonModel(file, { jsonc: true }, readServers),
};
