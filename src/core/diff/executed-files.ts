// Files the control entries run: a hook's script, a local server's program, a skill's
// `scripts/`, a plugin's component folders. Editing one changes what runs although no config changed, so a changed
// path that either side of the diff runs joins the control plane at the radius of the entry that runs it, with a
// `referenced-executable` finding naming that entry. A file its own adapter reads as an agent definition stays
// where that adapter puts it (its text is data, its grants are diffed).
import { executablesOf, folderOf, projectOf } from '../../sources/kit/executed-paths.js';
import { classifyServerRadius } from '../radius/server-radius.js';
import type { ChangedFile, ExecutedFile, Finding, Radius, Registry, Server } from '../../model/types.js';

/** Every executed file of a tree: what its sources declare, and the programs of its local servers. */
export function executedFilesOf(registry: Registry, actions: Record<string, Radius>): ExecutedFile[] {
  const out = [...(registry.executables ?? [])];
  for (const server of registry.servers ?? []) out.push(...serverPrograms(server, actions));
  return out;
}

function serverPrograms(server: Server, actions: Record<string, Radius>): ExecutedFile[] {
  const { command, args = [], cwd } = server.transport;
  if (command === undefined || command === '') return [];
  const path = server.source.path;
  const project = projectOf(path);
  const own = folderOf(path);
  const root = /(?:^|\/)\.(?:claude|codex)-plugin\//u.test(path) ? folderOf(own) : own;
  const relative = [...new Set([project, own, root])];
  if (cwd !== undefined && !cwd.includes('$') && !cwd.startsWith('/'))
    relative.push(cwd === '.' ? project : cwd);
  const variables = {
    CLAUDE_PLUGIN_ROOT: root,
    CLAUDE_PROJECT_DIR: project,
    extensionPath: own,
    workspaceFolder: project,
    workspaceRoot: project,
  };
  let radius: Radius = 'irreversible';
  try {
    radius = classifyServerRadius(server, actions).radius;
  } catch {
    // a server no classifier can rate is held at MCP's default
  }
  const words = [command, ...args];
  const by = `server ${server.name} of ${path}`;
  return executablesOf(
    words.length > 1 ? words : command,
    { relative, variables },
    radius,
    by,
    server.source,
  );
}

export interface ExecutedChange {
  file: ChangedFile;
  path: string;
  by: ExecutedFile;
}

/** The changed paths (either side of a rename) that an executed file of either tree names. */
export function changedExecutables(
  changed: readonly ChangedFile[],
  base: readonly ExecutedFile[],
  head: readonly ExecutedFile[],
): ExecutedChange[] {
  const exact = new Map<string, ExecutedFile>();
  const folders: ExecutedFile[] = [];
  for (const entry of [...head, ...base]) {
    if (entry.path.endsWith('/')) folders.push(entry);
    else if (!exact.has(entry.path)) exact.set(entry.path, entry);
  }
  const out: ExecutedChange[] = [];
  for (const file of changed) {
    for (const path of new Set([file.path, file.oldPath ?? file.path])) {
      const by = exact.get(path) ?? folders.find((folder) => path.startsWith(folder.path));
      if (by && by.source.path !== path) out.push({ file, path, by });
    }
  }
  return out;
}

export function executedFinding(change: ExecutedChange): Finding {
  const { by } = change;
  return {
    severity: 'warning',
    code: 'referenced-executable',
    path: change.path,
    line: 1,
    tool: by.by,
    message: `${change.path} is run by ${by.by} (${by.source.path}:${by.source.line}): editing it changes what runs, a control-plane change at radius ${by.radius}`,
  };
}
