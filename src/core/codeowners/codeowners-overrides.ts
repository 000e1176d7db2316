// Which rules of an existing CODEOWNERS agentgate's block overrides (it goes last, and the last match wins): the
// block names them in the file itself, and `init` lists them and writes nothing without `--force`, so that no
// path is taken from its owners silently.
import { matchOwners, parseCodeowners } from '../../parse/codeowners.js';
import type { Config } from '../../model/types.js';
import { GATE_PROBES, governingLocations, planeProbes } from './codeowners-paths.js';

export interface OverrideInput {
  config: Config;
  codeownersPath: string;
  /** client source files present: each is probed */
  sourcePaths?: readonly string[];
}

/** One earlier rule the block overrides, and the paths it would lose (the ones probed). */
export interface Override {
  line: number;
  pattern: string;
  /** who the rule gives the paths to now */
  owners: string[];
  paths: string[];
}

const lower = (owner: string) => owner.toLowerCase();
const NAMED = 3;

/**
 * The rules of `rest` (the file without agentgate's block) that decide a probed path the block gives to other
 * owners. `block` is the block's text: its own rules say who gets each path.
 */
export function findOverrides(rest: string, input: OverrideInput, block: string): Override[] {
  const { rules } = parseCodeowners(rest, 'CODEOWNERS');
  if (rules.length === 0) return [];
  const ours = parseCodeowners(block, 'CODEOWNERS').rules;
  const probes = [
    ...planeProbes(input.config.planes.data.paths, 'data'),
    ...planeProbes(input.config.planes.control.paths, 'control'),
    ...(input.sourcePaths ?? []),
    ...GATE_PROBES,
    ...governingLocations(input.codeownersPath),
  ];
  const lost = new Map<number, Override>();
  for (const path of probes) {
    const match = matchOwners(rules, path);
    const given = matchOwners(ours, path);
    if (!match || !given || same(match.owners, given.owners)) continue;
    const entry = lost.get(match.rule.line) ?? {
      line: match.rule.line,
      pattern: match.rule.pattern,
      owners: [...match.owners],
      paths: [],
    };
    if (!entry.paths.includes(path)) entry.paths.push(path);
    lost.set(match.rule.line, entry);
  }
  return [...lost.values()].sort((a, b) => a.line - b.line);
}

/** One comment line per overridden rule, naming the first paths it loses: `# overrides line 1 "*" (...)`. */
export function describeOverrides(overrides: readonly Override[]): string[] {
  return overrides.map((entry) => `# ${describeOverride(entry)}`);
}

/** `overrides line 1 "*" (@org/all) for .mcp.json, .claude/settings.json and 4 more`, on one line. */
export function describeOverride(entry: Override): string {
  const more = entry.paths.length > NAMED ? ` and ${entry.paths.length - NAMED} more` : '';
  const who = entry.owners.length > 0 ? entry.owners.join(' ') : 'nobody';
  return `overrides line ${entry.line} "${oneLine(entry.pattern)}" (${oneLine(who)}) for ${entry.paths.slice(0, NAMED).map(oneLine).join(', ')}${more}`;
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
