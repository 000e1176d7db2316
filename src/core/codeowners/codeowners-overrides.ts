// Which rules of an existing CODEOWNERS agentgate's block overrides (it goes last, and the last match wins), so
// that the block says so in the file itself instead of silently taking paths from their owners.
import { matchOwners, parseCodeowners } from '../../parse/codeowners.js';
import type { Config } from '../../model/types.js';
import { GATE_PROBES, planeProbes } from './codeowners-paths.js';

export interface OverrideInput {
  config: Config;
  owners: { prompt: string[]; tool: string[] };
  sourcePaths?: readonly string[];
}

const lower = (owner: string) => owner.toLowerCase();
const NAMED = 3;

/** One comment line per overridden rule, naming the first paths it loses: `# overrides line 1 "*" (...)`. */
export function describeOverrides(rest: string, input: OverrideInput): string[] {
  const { rules } = parseCodeowners(rest, 'CODEOWNERS');
  if (rules.length === 0) return [];
  const probes: [string, string[]][] = [
    ...planeProbes(input.config.planes.data.paths, 'data').map(
      (p) => [p, input.owners.prompt] as [string, string[]],
    ),
    ...planeProbes(input.config.planes.control.paths, 'control').map(
      (p) => [p, input.owners.tool] as [string, string[]],
    ),
    ...(input.sourcePaths ?? []).map((p) => [p, input.owners.tool] as [string, string[]]),
    ...GATE_PROBES.map((p) => [p, input.owners.tool] as [string, string[]]),
  ];
  const lost = new Map<number, { pattern: string; owners: string[]; paths: string[] }>();
  for (const [path, owners] of probes) {
    const match = matchOwners(rules, path);
    if (!match || same(match.owners, owners)) continue;
    const entry = lost.get(match.rule.line) ?? {
      pattern: match.rule.pattern,
      owners: [...match.owners],
      paths: [],
    };
    if (!entry.paths.includes(path)) entry.paths.push(path);
    lost.set(match.rule.line, entry);
  }
  return [...lost.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, entry]) => {
      const more = entry.paths.length > NAMED ? ` and ${entry.paths.length - NAMED} more` : '';
      const who = entry.owners.length > 0 ? entry.owners.join(' ') : 'nobody';
      return `# overrides line ${line} "${oneLine(entry.pattern)}" (${oneLine(who)}) for ${entry.paths.slice(0, NAMED).map(oneLine).join(', ')}${more}`;
    });
}

function same(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(lower));
  const right = new Set(b.map(lower));
  return left.size === right.size && [...left].every((owner) => right.has(owner));
}

/** A comment is one line: nothing a path holds may end it early. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, '?');
}
