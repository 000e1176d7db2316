// Agent ids name the client and the file, so they never collide with registry prompts (which have no `:`) nor
// with each other: `<client>:<path without the client's folder and without the full suffix>`.
//   .claude/agents/reviewer.md          -> claude:agents/reviewer
//   .claude/commands/opsx/apply.md      -> claude:commands/opsx/apply
//   .claude/skills/pdf/SKILL.md         -> claude:skills/pdf
//   .github/agents/triage.agent.md      -> copilot:agents/triage
//   .github/workflows/repo-ask.md       -> gh-aw:workflows/repo-ask

/** `folder` (`.claude`, `.github`) is dropped at its last occurrence as a whole path segment. */
export function agentId(client: string, path: string, folder: string, suffix: string): string {
  const withoutFolder = dropSegment(path, folder);
  const lower = withoutFolder.toLowerCase();
  const stem = lower.endsWith(suffix.toLowerCase()) ? withoutFolder.slice(0, -suffix.length) : withoutFolder;
  return `${client}:${stem.replace(/\/+$/u, '')}`;
}

function dropSegment(path: string, folder: string): string {
  const segment = `${folder}/`;
  for (let at = path.lastIndexOf(segment); at >= 0; at = at === 0 ? -1 : path.lastIndexOf(segment, at - 1)) {
    if (at === 0 || path[at - 1] === '/') return path.slice(0, at) + path.slice(at + segment.length);
  }
  return path;
}
