import type { CommitMeta } from '../../model/commit.js';
import { diffBindings } from '../agents/agents.js';
import { isGateFile } from '../plane/classify-paths.js';
import { planesOfChangedFile, unreadablePaths } from '../plane/changed-planes.js';
import type { PathClass } from '../plane/classify-paths.js';
import { diffPrompts } from '../diff/diff-prompts.js';
import { diffToolRegistry } from '../diff/diff-tools.js';
import type { SourceFile } from '../../model/source-file.js';
import { parseSnapshot } from '../plane/parse-snapshot.js';
import type { ParseCache } from '../plane/parse-snapshot.js';
import type {
  BindingChange,
  ChangedFile,
  Config,
  FileStatus,
  PromptChange,
  ServerChange,
  ToolChange,
} from '../../model/types.js';
import type { SourceLookup } from '../../sources/lookup.js';
import { diffSourceFiles } from './commit-sources.js';
import type { PermissionChange } from './commit-sources.js';

/** A commit as history lists it (the shape of `git log`'s fields). */
/** One file a commit changed; a side is null when the file is absent there or was not read (not text). */
export interface CommitFileChange {
  path: string;
  status: FileStatus;
  before: SourceFile | null;
  after: SourceFile | null;
}

export interface CommitDiff {
  tools: ToolChange[];
  bindings: BindingChange[];
  prompts: PromptChange[];
  /** MCP servers of client configs added, removed or changed */
  servers: ServerChange[];
  /** permission rules and gated settings of client files added or removed */
  permissions: PermissionChange[];
  /** registry and gate files, by plane */
  files: { control: ChangedFile[]; data: ChangedFile[] };
  /** the changed gate files (agentgate.yaml, CODEOWNERS, workflows) */
  gateFiles: ChangedFile[];
}

/** One commit of a first-parent history and what it did to the registry. */
export interface HistoryEntry extends CommitDiff {
  commit: CommitMeta;
}

/** What a walk builds once from its config and hands to every commit: the diff's answers, never rebuilt per commit. */
export interface CommitDiffContext {
  /** the config's path classification, the diff's (core/plane/classify-paths.ts) */
  classify: (path: string) => PathClass;
  /** the config's source lookup, the diff's (core/repo-sources.ts) */
  sourceOf: SourceLookup;
}

/**
 * What one commit did to the registry, from the files it changed alone: the tools and prompts of the other
 * files are the same on both sides, so they cannot add to the diff. This keeps a walk over a long history
 * proportional to what changed, not to the size of the registry.
 */
export function diffCommitFiles(
  files: readonly CommitFileChange[],
  config: Config,
  cache: ParseCache,
  context: CommitDiffContext,
): CommitDiff {
  const { classify, sourceOf } = context;
  const isSource = (path: string) => sourceOf(path) !== undefined;
  // client source files are read by their adapters alone, as the diff reads them
  const registryFiles = files.filter((file) => !isSource(file.path));
  const sourceFiles = files.filter((file) => isSource(file.path));
  const before = parseSnapshot(sides(registryFiles, 'before'), [], config, cache).registry;
  const after = parseSnapshot(sides(registryFiles, 'after'), [], config, cache).registry;
  const sources = diffSourceFiles(
    sides(sourceFiles, 'before'),
    sides(sourceFiles, 'after'),
    sourceOf,
    config.radius.actions,
  );
  const control: ChangedFile[] = [];
  const data: ChangedFile[] = [];
  const gateFiles: ChangedFile[] = [];
  // the diff's own rules place each file (core/plane/changed-planes.ts): a commit's log says what its diff says
  const unreadable = unreadablePaths(after.findings, new Set(files.map((file) => file.path)));
  for (const file of files) {
    const changed: ChangedFile = { path: file.path, status: file.status };
    const facts = {
      unreadable:
        unreadable.has(file.path) ||
        (isSource(file.path) && (unreadSide(file) || sources.unreadablePaths.has(file.path))),
    };
    const planes = planesOfChangedFile(changed, classify, facts);
    if (planes.includes('control')) control.push(changed);
    if (planes.includes('data')) data.push(changed);
    if (isGateFile(file.path)) gateFiles.push(changed);
  }
  return {
    tools: diffToolRegistry(before.tools, after.tools, { actions: config.radius.actions }),
    bindings: [...diffBindings(before.prompts, after.prompts), ...sources.bindings],
    prompts: diffPrompts(before.prompts, after.prompts, { versionBump: 'off' }).changes,
    servers: sources.servers,
    permissions: sources.permissions,
    files: { control, data },
    gateFiles,
  };
}

function sides(files: readonly CommitFileChange[], side: 'before' | 'after'): SourceFile[] {
  const out: SourceFile[] = [];
  for (const file of files) {
    const version = file[side];
    if (version !== null) out.push(version);
  }
  return out;
}

/** A source file that could not be read on a side it exists on (a link, binary, oversized) cannot be shown harmless. */
function unreadSide(file: CommitFileChange): boolean {
  return (
    (file.status !== 'added' && file.before === null) || (file.status !== 'deleted' && file.after === null)
  );
}
