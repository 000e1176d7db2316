import picomatch from 'picomatch';
import { matchOwners, parseCodeowners } from '../../parse/codeowners.js';
import type { CodeownersRule } from '../../parse/codeowners.js';
import { createRepoSourceLookup } from '../plane/repo-sources.js';
import type { Config, Finding } from '../../model/types.js';
import type { SourceLookup } from '../../sources/lookup.js';
import { GATE_PROBES, governingLocations, isMixedFile, planeProbes } from './codeowners-paths.js';
import { checkSourceOwners } from './codeowners-sources.js';
import type { ProbeOwners } from './probe-owners.js';

export type { ProbeOwners } from './probe-owners.js';

export interface PlaneOwnership {
  /** the owners the plane's own rule names (the owners of its first probe when no rule names the plane) */
  owners: string[];
  probes: ProbeOwners[];
}

export interface CodeownersReport {
  schemaVersion: 1;
  /** the CODEOWNERS file GitHub reads, or null */
  file: string | null;
  planes: { data: PlaneOwnership; control: PlaneOwnership };
  gates: ProbeOwners[];
  /**
   * the client source files present and who owns each; `plane` says whose they should be: `data` for a file
   * split by meaning (agents, skills, commands, prompt files, gh-aw workflows, instructions), `control` for the rest
   */
  sources: SourceOwners[];
  findings: Finding[];
}

export interface SourceOwners extends ProbeOwners {
  plane: 'data' | 'control';
}

export interface CodeownersInput {
  codeowners: { path: string; text: string } | null;
  config: Config;
  /** the client source files of the repository; absent: none are checked */
  sourcePaths?: readonly string[];
  /** the lookup that found `sourcePaths`, telling agent files from configs; default: the config's */
  sourceOf?: SourceLookup;
}

const MISSING_PATH = '.github/CODEOWNERS';
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;
const lower = (owner: string) => owner.toLowerCase();

/**
 * Checks CODEOWNERS as GitHub applies it (last matching rule wins) against the two-plane split: each plane has
 * an owner, not the same one; no later rule takes tool paths from the control plane's owner; and the files that
 * define the gates are owned by the control plane's owner alone.
 */
export function checkCodeowners(input: CodeownersInput): CodeownersReport {
  const { config } = input;
  const path = input.codeowners?.path ?? MISSING_PATH;
  const parsed = input.codeowners ? parseCodeowners(input.codeowners.text, input.codeowners.path) : null;
  const rules = parsed?.rules ?? [];
  const findings: Finding[] = [];
  const finding = (severity: Finding['severity'], code: Finding['code'], line: number, message: string) =>
    findings.push({ severity, code, path, line, message });

  if (!input.codeowners) {
    finding(
      'error',
      'codeowners-missing',
      1,
      'no CODEOWNERS file (GitHub looks in .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS): neither plane has an owner',
    );
  }
  const firstError = parsed?.errors[0];
  if (parsed && firstError) {
    const more = parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : '';
    finding(
      'warning',
      'codeowners-syntax',
      firstError.line,
      `GitHub ignores ${parsed.errors.length} line(s) of ${path}; first: ${firstError.message}${more}`,
    );
  }

  const planes = {
    data: ownershipOf(rules, config.planes.data.paths, 'data'),
    control: ownershipOf(rules, config.planes.control.paths, 'control'),
  };
  for (const plane of ['control', 'data'] as const) {
    const label = plane === 'data' ? 'data plane (prompts)' : 'control plane (tools)';
    const { owners, probes, planeRule } = planes[plane];
    const first = probes[0];
    if (owners.length === 0 && input.codeowners) {
      const why = first?.rule
        ? `line ${first.rule.line} "${first.rule.pattern}" names no owner`
        : 'no rule matches it';
      finding(
        'error',
        'plane-unowned',
        first?.rule?.line ?? 1,
        `no owner for the ${label}: ${first?.path ?? '?'} (${why})`,
      );
    }
    if (owners.length > 0 && planeRule === null && first?.rule) {
      finding(
        'warning',
        'no-plane-rule',
        first.rule.line,
        `no rule names the ${label} paths: ${first.path} falls to line ${first.rule.line} "${first.rule.pattern}"`,
      );
    }
    for (const probe of probes) {
      if (
        owners.length === 0 ||
        (probe.rule !== null && probe.rule.line === planeRule?.line) ||
        sameOwners(probe.owners, owners)
      )
        continue;
      if (probe.rule === null) {
        finding(
          plane === 'control' ? 'error' : 'warning',
          'owner-overridden',
          planeRule?.line ?? 1,
          `${probe.path} matches no rule: nobody owns it, though ${owners.join(' ')} own(s) the ${plane} plane`,
        );
        continue;
      }
      const gives = `gives it to ${probe.owners.join(' ') || 'nobody'}`;
      const message =
        planeRule && probe.rule.line > planeRule.line
          ? `line ${probe.rule.line} "${probe.rule.pattern}" comes after the ${plane} rule (line ${planeRule.line}) and takes ${probe.path} from ${owners.join(' ')}: it ${gives} (the last matching rule wins)`
          : `${probe.path} is not owned by ${owners.join(' ')}: line ${probe.rule.line} "${probe.rule.pattern}" ${gives}`;
      finding(plane === 'control' ? 'error' : 'warning', 'owner-overridden', probe.rule.line, message);
    }
  }

  const data = planes.data.owners;
  const control = planes.control.owners;
  if (data.length > 0 && sameOwners(data, control)) {
    finding(
      'error',
      'fused-ownership',
      planes.control.probes[0]?.rule?.line ?? 1,
      `both planes are owned by ${control.join(' ')}: one approval ships prompts and authority alike; give tools a separate (security) owner`,
    );
  } else {
    const shared = data.filter((owner) => control.map(lower).includes(lower(owner)));
    if (shared.length > 0)
      finding(
        'warning',
        'shared-owner',
        1,
        `${shared.join(' ')} own(s) both planes and can approve either alone`,
      );
  }

  const gates = [...GATE_PROBES, ...governingLocations(input.codeowners?.path ?? null)].map((probe) =>
    probeOwners(rules, probe),
  );
  if (control.length > 0) {
    for (const gate of gates) {
      if (gate.owners.length === 0) {
        finding(
          'error',
          'gate-unowned',
          gate.rule?.line ?? 1,
          `gate file ${gate.path} has no owner: anyone with write access can change the gates; route it to ${control.join(' ')}`,
        );
        continue;
      }
      const outsiders = gate.owners.filter((owner) => !control.map(lower).includes(lower(owner)));
      if (outsiders.length > 0) {
        finding(
          'error',
          'gate-owner-mismatch',
          gate.rule?.line ?? 1,
          `gate file ${gate.path} can be approved by ${outsiders.join(' ')}, not only by the control-plane owner ${control.join(' ')}`,
        );
      }
    }
  }

  const sourceOf = input.sourceOf ?? createRepoSourceLookup(config);
  const sources: SourceOwners[] = (input.sourcePaths ?? []).map((probe) => ({
    ...probeOwners(rules, probe),
    plane: isMixedFile(probe, sourceOf) ? 'data' : 'control',
  }));
  if (control.length > 0 && sources.length > 0)
    findings.push(...checkSourceOwners(sources, { data, control }, path, sourceOf));

  return {
    schemaVersion: 1,
    file: input.codeowners?.path ?? null,
    planes: { data: strip(planes.data), control: strip(planes.control) },
    gates,
    sources,
    findings: findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
  };
}

interface Ownership extends PlaneOwnership {
  planeRule: CodeownersRule | null;
}

function ownershipOf(
  rules: readonly CodeownersRule[],
  globs: readonly string[],
  plane: 'data' | 'control',
): Ownership {
  const probes = planeProbes(globs, plane).map((path) => probeOwners(rules, path));
  const first = probes[0];
  const planeRule = first ? findPlaneRule(rules, globs, first.path) : null;
  const owners = planeRule ? planeRule.owners : (first?.owners ?? []);
  return { owners: [...owners], probes, planeRule };
}

/**
 * The rule meant for the plane: the last one that matches its first probe and names the plane's folder (or a
 * folder above it) explicitly, as opposed to a catch-all like `*` or `*.yaml`.
 */
function findPlaneRule(
  rules: readonly CodeownersRule[],
  globs: readonly string[],
  probe: string,
): CodeownersRule | null {
  const folders = globs
    .map((glob) => picomatch.scan(glob).base.replace(/\/+$/, ''))
    .filter((base) => base !== '');
  for (let i = rules.length - 1; i >= 0; i -= 1) {
    const rule = rules[i] as CodeownersRule;
    if (!rule.regex.test(probe)) continue;
    const named = rule.pattern.replace(/^\/+/, '').replace(/(\/\*\*|\/\*)?\/*$/, '');
    if (
      named !== '' &&
      !named.includes('*') &&
      folders.some((folder) => folder === named || folder.startsWith(`${named}/`))
    )
      return rule;
  }
  return null;
}

export function probeOwners(rules: readonly CodeownersRule[], path: string): ProbeOwners {
  const match = matchOwners(rules, path);
  return {
    path,
    owners: match ? [...match.owners] : [],
    rule: match ? { line: match.rule.line, pattern: match.rule.pattern } : null,
  };
}

function sameOwners(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a.map(lower));
  const right = new Set(b.map(lower));
  return left.size === right.size && [...left].every((owner) => right.has(owner));
}

function strip(ownership: Ownership): PlaneOwnership {
  return { owners: ownership.owners, probes: ownership.probes };
}
