// Finds the line of a field after the fact. The registry keeps only each tool's `source` line; a finding about a
// nested field re-reads that one file, which happens only when there is something to report.
import { isMapping } from './tool-manifest.js';
import { splitFrontMatter } from './prompt.js';
import type { SourceFile } from '../model/source-file.js';
import type { FieldPath, YamlDocument } from './yaml.js';
import { parseYaml, resolvePath } from './yaml.js';

export interface LocateTarget {
  path: string;
  /** the tool (full name, `<server>.<tool>` for server tools); omitted for prompts */
  tool?: string;
  server?: string;
  /** find this item in the list at the field (a prompt's `tools:` entry) */
  value?: string;
}

/** The line of `field` in the target, or undefined when the file or the field is not there. */
export type FieldLocator = (target: LocateTarget, field: FieldPath) => number | undefined;

/** Fields an McpServer's tools inherit from the server: found at the server's level. */
const SERVER_FIELDS = new Set(['credentials', 'egress', 'transport', 'owner']);

export function createFieldLocator(files: Iterable<SourceFile>): FieldLocator {
  const byPath = new Map<string, SourceFile>();
  for (const file of files) byPath.set(file.path, file);
  const parsed = new Map<string, YamlDocument[]>();
  const documentsOf = (file: SourceFile): YamlDocument[] => {
    let docs = parsed.get(file.path);
    if (!docs) {
      docs = parseDocuments(file);
      parsed.set(file.path, docs);
    }
    return docs;
  };

  return (target, field) => {
    const file = byPath.get(target.path);
    if (!file) return undefined;
    const docs = documentsOf(file);
    if (target.tool === undefined) {
      const doc = docs[0];
      return doc ? found(resolvePath(doc, field, target.value), 1) : undefined;
    }
    if (target.server !== undefined) return locateServerTool(docs, target.server, target.tool, field);
    const doc = docs.find(
      (d) => isMapping(d.value) && d.value.kind === 'Tool' && d.value.name === target.tool,
    );
    return doc ? found(resolvePath(doc, field, target.value), 1) : undefined;
  };
}

function locateServerTool(
  docs: YamlDocument[],
  server: string,
  tool: string,
  field: FieldPath,
): number | undefined {
  const doc = docs.find((d) => isMapping(d.value) && d.value.kind === 'McpServer' && d.value.name === server);
  if (!doc || !isMapping(doc.value)) return undefined;
  const entries = Array.isArray(doc.value.tools) ? (doc.value.tools as unknown[]) : [];
  const index = entries.findIndex((entry) => isMapping(entry) && `${server}.${String(entry.name)}` === tool);
  const head = field[0];
  const local = index >= 0 ? found(resolvePath(doc, ['tools', index, ...field]), 3) : undefined;
  if (local !== undefined || typeof head !== 'string' || !SERVER_FIELDS.has(head)) return local;
  return found(resolvePath(doc, field), 1);
}

/**
 * The line of the field, or of its nearest parent, as long as at least `minimum` segments exist: a field the
 * tool does not have at all is reported at the tool's own line by the caller, not at the document's first line.
 */
function found(result: { line: number; matched: number }, minimum: number): number | undefined {
  return result.matched >= minimum ? result.line : undefined;
}

function parseDocuments(file: SourceFile): YamlDocument[] {
  if (file.path.toLowerCase().endsWith('.md')) {
    const split = splitFrontMatter(file.text);
    return typeof split === 'object' ? parseYaml(split.yaml, 1).documents : [];
  }
  return parseYaml(file.text).documents;
}
