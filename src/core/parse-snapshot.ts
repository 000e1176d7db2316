import {
  createRegistryRoles,
  literalPrefixes,
  refusedCharacterOf,
  refusedPathFinding,
} from './classify-paths.js';
import type { RegistryRole } from './classify-paths.js';
import { defaultPromptId, parsePromptFile } from './parse/prompt.js';
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

/** A prompt file that does not parse: its bindings are unknown, so it holds the control plane. */
export const PROMPT_BINDINGS_UNKNOWN = 'prompt-bindings-unknown';

const PROMPT_FILE = /\.(?:md|ya?ml)$/i;

export type ParsedFile = {
  tools: Tool[];
  servers?: Server[];
  prompt?: Prompt;
  findings: Finding[];
  modelled?: boolean;
};

/** Parse results keyed by path and blob id: an unchanged file is parsed once for both sides of a diff. */
export type ParseCache = Map<string, ParsedFile>;

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
  const roleOf = createRegistryRoles(config);
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
      parsed = parseRegistryFile(file, roleOf(file.path), promptsRoot);
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
    // a prompt that cannot be read binds unknown tools, like one that does not parse
    if (roleOf(file.path) === 'prompt' && PROMPT_FILE.test(file.path))
      findings.push(bindingsUnknown(file.path, promptsRoot));
  }
  return { registry: { tools, prompts, findings, servers }, oids, modelled };
}

/** One file by its role (see createRegistryRoles): the diff and the runtime loader both parse through here. */
export function parseRegistryFile(file: SourceFile, role: RegistryRole, promptsRoot: string): ParsedFile {
  if (role === 'refused') {
    return {
      tools: [],
      findings: [refusedPathFinding(file.path, refusedCharacterOf(file.path) ?? 'a refused character')],
    };
  }
  if (role === 'tool') {
    const result = parseToolManifest(file);
    const modelled = !result.findings.some((finding) => finding.severity === 'error');
    return { tools: result.tools, servers: result.servers, findings: result.findings, modelled };
  }
  if (role === 'prompt') {
    const result = parsePromptFile(file, promptsRoot);
    if (result.prompt) return { tools: [], prompt: result.prompt, findings: result.findings };
    if (result.dataFile) return { tools: [], findings: result.findings };
    return { tools: [], findings: [...result.findings, bindingsUnknown(file.path, promptsRoot)] };
  }
  return { tools: [], findings: [] };
}

/** A prompt that does not parse may bind any tool: the control plane holds it (field `tools` routes it there). */
function bindingsUnknown(path: string, promptsRoot: string): Finding {
  return {
    severity: 'error',
    code: PROMPT_BINDINGS_UNKNOWN,
    path,
    line: 1,
    field: 'tools',
    tool: defaultPromptId(path, promptsRoot),
    message: `${path}: the prompt does not parse, so the tools it binds are unknown: the control plane is held until it parses`,
  };
}
