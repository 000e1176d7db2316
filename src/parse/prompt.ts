// registry/prompts/** -> Prompt: markdown with YAML front matter, or YAML with the text under
// `template`. Every other file under the prompts path is a data file, diffed as text.
import type { Finding, JsonObject, Prompt } from '../model/types.js';
import { inputFinding } from './findings.js';
import { describeSchemaErrors } from './schema-errors.js';
import type { SourceFile } from '../model/source-file.js';
import { isMapping } from './tool-manifest.js';
import { getValidators } from './validators.js';
import type { FieldPath, YamlDocument } from './yaml.js';
import { lineOfPath, parseYaml } from './yaml.js';

export interface PromptFileResult {
  prompt?: Prompt;
  /** the file is not a prompt but data under the prompts path (few-shot .jsonl, .txt, ...) */
  dataFile?: boolean;
  findings: Finding[];
}

const FIRST_CLASS_KEYS = new Set(['id', 'version', 'model', 'tools', 'outputSchema', 'template']);

export function parsePromptFile(file: SourceFile, promptsRoot: string): PromptFileResult {
  const extension = extensionOf(file.path);
  if (extension === '.md') return parseMarkdownPrompt(file, promptsRoot);
  if (extension === '.yaml' || extension === '.yml') return parseYamlPrompt(file, promptsRoot);
  return { dataFile: true, findings: [] };
}

/** `registry/prompts/support/system.md` under `registry/prompts` -> `support/system`. */
export function defaultPromptId(path: string, promptsRoot: string): string {
  const root = promptsRoot.replace(/\/+$/, '');
  const relative = root !== '' && path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  const extension = extensionOf(relative);
  return extension === '' ? relative : relative.slice(0, -extension.length);
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** Front matter opens with `---` on line 1 and closes at the next line of `---` (or `...`). */
export function splitFrontMatter(text: string): { yaml: string; body: string } | 'unclosed' | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const start = opening[0].length;
  let position = start;
  for (;;) {
    const newline = text.indexOf('\n', position);
    const lineEnd = newline === -1 ? text.length : newline;
    if (CLOSING.test(text.slice(position, lineEnd))) {
      return { yaml: text.slice(start, position), body: newline === -1 ? '' : text.slice(newline + 1) };
    }
    if (newline === -1) return 'unclosed';
    position = newline + 1;
  }
}

function parseMarkdownPrompt(file: SourceFile, promptsRoot: string): PromptFileResult {
  const id = defaultPromptId(file.path, promptsRoot);
  const split = splitFrontMatter(file.text);
  if (split === undefined) {
    return { prompt: { id, text: file.text, meta: {}, source: { path: file.path, line: 1 } }, findings: [] };
  }
  if (split === 'unclosed') {
    const message = "front matter opened with '---' on line 1 is never closed";
    return { findings: [inputFinding({ code: 'yaml-parse', path: file.path, line: 1, message, tool: id })] };
  }
  // the front matter starts on line 2 of the file
  return buildPrompt(file, promptsRoot, split.yaml, 1, split.body, 'markdown');
}

function parseYamlPrompt(file: SourceFile, promptsRoot: string): PromptFileResult {
  return buildPrompt(file, promptsRoot, file.text, 0, undefined, 'yaml');
}

function buildPrompt(
  file: SourceFile,
  promptsRoot: string,
  yamlText: string,
  lineOffset: number,
  body: string | undefined,
  kind: 'markdown' | 'yaml',
): PromptFileResult {
  const defaultId = defaultPromptId(file.path, promptsRoot);
  const parsed = parseYaml(yamlText, lineOffset);
  const findings = parsed.issues.map((issue) =>
    inputFinding({
      code: issue.code,
      path: file.path,
      line: issue.line,
      message: issue.message,
      tool: defaultId,
    }),
  );
  if (findings.length > 0) return { findings };
  const [doc, extra] = parsed.documents;
  if (extra) {
    const message = 'a prompt file holds one YAML document';
    return {
      findings: [
        inputFinding({
          code: 'schema',
          path: file.path,
          line: lineOfPath(extra, []),
          message,
          tool: defaultId,
        }),
      ],
    };
  }
  const data = doc?.value ?? {};
  const at = (field: FieldPath) => (doc ? lineOfPath(doc, field) : 1 + lineOffset);
  if (!isMapping(data)) {
    const message =
      kind === 'markdown' ? 'front matter must be a mapping' : 'a prompt must be a mapping with a template';
    return {
      findings: [inputFinding({ code: 'schema', path: file.path, line: at([]), message, tool: defaultId })],
    };
  }
  const id = typeof data.id === 'string' ? data.id : defaultId;
  const validate = kind === 'markdown' ? getValidators().promptFrontMatter : getValidators().promptYaml;
  if (!validate(data)) {
    return {
      findings: describeSchemaErrors(validate.errors).map((problem) =>
        inputFinding({
          code: 'schema',
          path: file.path,
          line: at(problem.path),
          message: problem.message,
          field: problem.path,
          tool: id,
        }),
      ),
    };
  }
  return { prompt: toPrompt(data, id, body ?? (data.template as string), file.path, doc, at), findings: [] };
}

function toPrompt(
  data: Record<string, unknown>,
  id: string,
  text: string,
  path: string,
  doc: YamlDocument | undefined,
  at: (field: FieldPath) => number,
): Prompt {
  const prompt: Prompt = {
    id,
    text,
    meta: {},
    source: { path, line: doc && data.id !== undefined ? at(['id']) : 1 },
  };
  if (data.version !== undefined) prompt.version = String(data.version);
  if (typeof data.model === 'string') prompt.model = data.model;
  if (Array.isArray(data.tools)) prompt.tools = [...new Set(data.tools as string[])].sort();
  if (data.outputSchema !== undefined) prompt.outputSchema = data.outputSchema as JsonObject;
  const meta: JsonObject = {};
  for (const key of Object.keys(data).sort()) {
    if (!FIRST_CLASS_KEYS.has(key)) meta[key] = data[key] as JsonObject[string];
  }
  prompt.meta = meta;
  return reorder(prompt);
}

function reorder(prompt: Prompt): Prompt {
  const { id, version, model, tools, outputSchema, text, meta, source } = prompt;
  return {
    id,
    ...(version !== undefined && { version }),
    ...(model !== undefined && { model }),
    ...(tools !== undefined && { tools }),
    ...(outputSchema !== undefined && { outputSchema }),
    text,
    meta,
    source,
  };
}

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}
