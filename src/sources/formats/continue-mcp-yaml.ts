// Continue's MCP blocks (`.continue/mcpServers/*.yaml`, and `mcpServers` in `.continue/config.yaml`): `mcpServers`
// is a LIST of entries, each naming itself with `name` (which may hold spaces).
import type { Server } from '../../model/types.js';
import { FindingSink, SOURCE_CODES, shown } from '../kit/findings.js';
import { parseYamlSource } from '../kit/parse-yaml.js';
import type { EntryDialect } from '../kit/server-entry.js';
import { readServerEntry } from '../kit/server-entry.js';
import { residualOfNode } from '../kit/residual.js';
import { modelOf, reportKeyProblems } from '../kit/source-model.js';
import { isArray, isObject, member, stringValue } from '../kit/tree.js';
import type { SourceAdapter } from '../kit/types.js';

const ID = 'continue-mcp-yaml';
const DIALECT: EntryDialect = { envKey: 'env', urlType: 'http', modelledKeys: ['name'] };

export const continueMcpYamlAdapter: SourceAdapter = {
  id: ID,
  kind: 'mcp-config',
  defaultPaths: ['.continue/mcpServers/*.yaml', '.continue/mcpServers/*.yml', '.continue/config.yaml'],
  parse(file) {
    const sink = new FindingSink(file);
    const parsed = parseYamlSource(file);
    if (!parsed.ok) {
      sink.add('error', SOURCE_CODES.parse, parsed.line, [], parsed.message);
      return modelOf([], sink);
    }
    reportKeyProblems(parsed.root, sink);
    // a block file names itself (`name`, `version`, `schema`): Continue's own description of the block
    residualOfNode(sink, file.path, parsed.root, ['mcpServers', 'name', 'version', 'schema'], []);
    const list = member(parsed.root, 'mcpServers');
    if (!list) return modelOf([], sink);
    if (!isArray(list.value)) {
      sink.add('error', SOURCE_CODES.shape, list.line, ['mcpServers'], 'must be a list of server entries');
      return modelOf([], sink);
    }
    const seen = new Set<string>();
    const servers: Server[] = list.value.items.map((item, index) => {
      const named = stringValue(member(item, 'name')?.value);
      const name = named ?? `mcpServers[${index}]`;
      if (named === undefined || !isObject(item)) {
        sink.add(
          'error',
          SOURCE_CODES.shape,
          item.line,
          ['mcpServers', index],
          'a server entry needs a name',
        );
      } else if (seen.has(named)) {
        sink.add(
          'error',
          SOURCE_CODES.duplicateKey,
          item.line,
          ['mcpServers', index],
          `server ${shown(named)} is declared twice`,
        );
      }
      seen.add(name);
      return readServerEntry(
        ID,
        { key: name, line: item.line, value: item },
        ['mcpServers', index],
        DIALECT,
        sink,
      );
    });
    return modelOf(servers, sink);
  },
};
