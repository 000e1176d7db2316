import picomatch from 'picomatch';
import { literalPrefixes } from './classify-paths.js';
import { parsePromptFile } from './parse/prompt.js';
import { parseToolManifest } from './parse/tool-manifest.js';
import type { SourceFile } from './parse/source-file.js';
import type { Config, Finding, Prompt, Registry, Server, Tool } from './types.js';

export interface RefusedFile {
  path: string;
  oid: string;
  reason: 'symlink' | 'too-large' | 'not-utf8' | 'submodule';
}

export interface ParsedSnapshot {
  registry: Registry;
  /** path -> blob id of every file read (registry and gate files) */
  oids: Map<string, string>;
  /** control-plane files a parser fully understood: every change in them shows up as tools or servers */
  modelled: Set<string>;
}

type ParsedFile = {
  tools: Tool[];
  servers?: Server[];
  prompt?: Prompt;
  findings: Finding[];
  modelled?: boolean;
};

/** Parse results keyed by path and blob id: an unchanged file is parsed once for both sides of a diff. */
export type ParseCache = Map<string, ParsedFile>;

const MANIFEST_EXTENSIONS = /\.(ya?ml|json)$/i;
const REFUSAL_TEXT: Record<RefusedFile['reason'], string> = {
  symlink: 'symbolic links are refused: a link can point outside the registry',
  'too-large': 'file is over the size limit',
  'not-utf8': 'file is not valid UTF-8',
  submodule: 'submodules are refused in the registry',
};

export function parseSnapshot(
  files: SourceFile[],
  refused: RefusedFile[],
  config: Config,
  cache: ParseCache = new Map(),
): ParsedSnapshot {
  const isTool = picomatch(config.planes.control.paths, { dot: true });
  const isPrompt = picomatch(config.planes.data.paths, { dot: true });
  const promptsRoot = literalPrefixes(config.planes.data.paths)[0] ?? '';
  const tools: Tool[] = [];
  const servers: Server[] = [];
  const modelled = new Set<string>();
  const prompts: Prompt[] = [];
  const findings: Finding[] = [];
  const oids = new Map<string, string>();
  for (const file of files) {
    oids.set(file.path, file.oid);
    const key = `${file.oid}\0${file.path}`;
    let parsed = cache.get(key);
    if (parsed === undefined) {
      parsed = parseFile(file, isTool(file.path), isPrompt(file.path), promptsRoot);
      cache.set(key, parsed);
    }
    tools.push(...parsed.tools);
    servers.push(...(parsed.servers ?? []));
    if (parsed.modelled === true) modelled.add(file.path);
    if (parsed.prompt) prompts.push(parsed.prompt);
    findings.push(...parsed.findings);
  }
  for (const file of refused) {
    oids.set(file.path, file.oid);
    findings.push({
      severity: 'error',
      code:
        file.reason === 'symlink'
          ? 'symlink-refused'
          : file.reason === 'too-large'
            ? 'file-too-large'
            : 'file-refused',
      path: file.path,
      line: 1,
      message: `${file.path}: ${REFUSAL_TEXT[file.reason]}`,
    });
  }
  return { registry: { tools, prompts, findings, servers }, oids, modelled };
}

function parseFile(file: SourceFile, isTool: boolean, isPrompt: boolean, promptsRoot: string): ParsedFile {
  if (isTool) {
    if (!MANIFEST_EXTENSIONS.test(file.path)) return { tools: [], findings: [] };
    const result = parseToolManifest(file);
    const modelled = !result.findings.some((finding) => finding.severity === 'error');
    return { tools: result.tools, servers: result.servers, findings: result.findings, modelled };
  }
  if (isPrompt) {
    const result = parsePromptFile(file, promptsRoot);
    return result.prompt
      ? { tools: [], prompt: result.prompt, findings: result.findings }
      : { tools: [], findings: result.findings };
  }
  return { tools: [], findings: [] };
}
