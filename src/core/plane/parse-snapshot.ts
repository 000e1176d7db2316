import { createRegistryRoles, literalPrefixes } from './classify-paths.js';
import { refusedCharacterOf, refusedPathFinding } from '../../model/paths.js';
import type { RegistryRole } from './classify-paths.js';
import { defaultPromptId, parsePromptFile } from '../../parse/prompt.js';
import { parseToolManifest } from '../../parse/tool-manifest.js';
import { residualRules } from '../../sources/kit/residual.js';
import { readGhAwFacts } from '../../sources/formats/gh-aw-lock.js';
import type { GhAwFacts } from '../../sources/formats/gh-aw-lock.js';
import { UNIVERSAL_INERT } from '../../sources/profiles/index.js';
import type { SourceFile } from '../../model/source-file.js';
import type {
  Config,
  ExecutedFile,
  Finding,
  PermissionRule,
  Prompt,
  Registry,
  Server,
  Tool,
} from '../../model/types.js';

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
  /** gh-aw locks and workflow `.md` files read, for the check that a lock matches its source */
  ghAw?: Map<string, GhAwFacts>;
}

/** A prompt file that does not parse: its bindings are unknown, so it holds the control plane. */
export const PROMPT_BINDINGS_UNKNOWN = 'prompt-bindings-unknown';

const PROMPT_FILE = /\.(?:md|ya?ml)$/i;

export type ParsedFile = {
  tools: Tool[];
  servers?: Server[];
  prompt?: Prompt;
  /** agents a source file defines: ids `<client>:<name>` */
  agents?: Prompt[];
  permissions?: PermissionRule[];
  /** repository files the source's entries run or load */
  executables?: ExecutedFile[];
  findings: Finding[];
  modelled?: boolean;
};

/**
 * Findings that mean a source file was not fully read: what it grants is partly unknown, so its change holds
 * the control plane (an unmodelled file counts at `write` at least, and moves the digest by blob id).
 */
export const SOURCE_UNREAD_CODES = new Set([
  'source-parse',
  'source-shape',
  'source-limit',
  'source-duplicate-key',
  'source-unsafe-key',
]);

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
  const agents: Prompt[] = [];
  const permissions: PermissionRule[] = [];
  const executables: ExecutedFile[] = [];
  const modelled = new Set<string>();
  const prompts: Prompt[] = [];
  const findings: Finding[] = [];
  const oids = new Map<string, string>();
  const ghAw = new Map<string, GhAwFacts>();
  for (const file of files) {
    oids.set(file.path, file.oid);
    const facts = readGhAwFacts(file);
    if (facts) ghAw.set(file.path, facts);
    const key = `${file.oid}\0${file.path}`;
    let parsed = cache.get(key);
    if (parsed === undefined) {
      parsed = parseRegistryFile(file, roleOf(file.path), promptsRoot);
      cache.set(key, parsed);
    }
    tools.push(...parsed.tools);
    servers.push(...(parsed.servers ?? []));
    agents.push(...(parsed.agents ?? []));
    permissions.push(...(parsed.permissions ?? []));
    executables.push(...(parsed.executables ?? []));
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
    const role = roleOf(file.path);
    if (role === 'prompt' && PROMPT_FILE.test(file.path))
      findings.push(bindingsUnknown(file.path, promptsRoot));
    // a source file that cannot be read grants unknown authority: held like one that does not parse
    if (typeof role === 'object') findings.push(sourceUnread(file.path, role.adapter.id));
  }
  return {
    registry: {
      ...{ tools, prompts, findings, servers, agents, permissions },
      ...(executables.length > 0 && { executables }),
    },
    oids,
    modelled,
    ghAw,
  };
}

/** One file by its role (see createRegistryRoles): the diff and the runtime loader both parse through here. */
export function parseRegistryFile(file: SourceFile, role: RegistryRole, promptsRoot: string): ParsedFile {
  if (role === 'refused') {
    return {
      tools: [],
      findings: [refusedPathFinding(file.path, refusedCharacterOf(file.path) ?? 'a refused character')],
    };
  }
  if (typeof role === 'object') {
    const model = role.adapter.parse(file);
    const unread = model.findings.some(
      (finding) => finding.severity === 'error' && SOURCE_UNREAD_CODES.has(finding.code),
    );
    return {
      tools: model.tools,
      servers: model.servers,
      agents: model.agents,
      permissions: model.permissions,
      ...(model.executables && model.executables.length > 0 && { executables: model.executables }),
      findings: model.findings,
      modelled: !unread,
    };
  }
  if (role === 'tool') {
    const result = parseToolManifest(file);
    const modelled = !result.findings.some((finding) => finding.severity === 'error');
    return { tools: result.tools, servers: result.servers, findings: result.findings, modelled };
  }
  if (role === 'prompt') {
    const result = parsePromptFile(file, promptsRoot);
    if (result.prompt) {
      const residual = promptResidual(result.prompt);
      return {
        tools: [],
        prompt: result.prompt,
        permissions: residual.rules,
        findings: [...result.findings, ...residual.findings],
      };
    }
    if (result.dataFile) return { tools: [], findings: result.findings };
    return { tools: [], findings: [...result.findings, bindingsUnknown(file.path, promptsRoot)] };
  }
  return { tools: [], findings: [] };
}

/**
 * A prompt's front-matter keys beyond the ones its format defines (`permissions`, `mcp_servers`, `allowed_tools`,
 * `Tools`…) may be read as authority by whatever runs the prompt: they are control plane, as residual rules of the
 * prompt (any change needs sign-off), never `meta` that only the data plane compares. Keys that only describe stay
 * data plane.
 */
function promptResidual(prompt: Prompt): { rules: PermissionRule[]; findings: Finding[] } {
  return residualRules({
    path: prompt.source.path,
    scope: prompt.id,
    value: prompt.meta,
    modelled: PROMPT_DATA_KEYS,
    lineOf: () => prompt.source.line,
  });
}

/** Keys a registry prompt may carry that describe it or its text: data plane. */
const PROMPT_DATA_KEYS = [...UNIVERSAL_INERT, 'variables', 'template'];

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

function sourceUnread(path: string, adapter: string): Finding {
  return {
    severity: 'error',
    code: 'source-parse',
    path,
    line: 1,
    message: `${path}: the ${adapter} file cannot be read, so what it grants is unknown: the control plane is held until it can`,
  };
}
