import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCodeowners } from '../../core/codeowners.js';
import { ownersOfPlanePaths } from '../../core/gate/reviewers.js';
import { parseConfig } from '../../core/parse/config.js';
import { messageWithoutLocation } from '../../core/parse/findings.js';
import { createFieldLocator } from '../../core/parse/locate.js';
import { parseRegistryFiles } from '../../core/parse/registry-files.js';
import type { Config, Finding } from '../../core/types.js';
import { findUnsatisfiableSignoffs } from '../../core/signoff-feasibility.js';
import type { SignerSource } from '../../core/signoff-feasibility.js';
import { validateRegistry } from '../../core/validate-registry.js';
import { applyWaivers } from '../../core/waivers.js';
import { readRegistrySources } from '../../load/load-registry.js';
import { loadWorkTreeSources } from '../../load/load-sources.js';
import { mergeSources } from '../../sources/source-set.js';
import type { SourceCollection } from '../../sources/source-set.js';
import { revealLine } from '../../render/reveal.js';
import { renderSarif } from '../../render/sarif.js';
import { UsageError } from '../../errors.js';

export interface ValidateOptions {
  dir: string;
  format: 'text' | 'json' | 'sarif';
}

const CONFIG_FILES = ['agentgate.yaml', 'agentgate.yml'];
// GitHub's lookup order
const CODEOWNERS_FILES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/** Validates the working-tree registry under `options.dir`; returns the exit code (1 when any error is found). */
export async function runValidate(options: ValidateOptions): Promise<number> {
  const info = await stat(options.dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`--dir: ${options.dir} is not a directory`);
  const { config, path: configPath, text: configText } = await readConfig(options.dir);
  // the loader reads the same config and classifies files as `diff` does (planes' globs, refused paths)
  const sources = await readRegistrySources(options.dir).catch((error: unknown) => {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  });
  // the files clients read at their default paths are validated beside the registry: servers, agents, rules
  const clientSources = await loadWorkTreeSources(sources.root);
  const registry = mergeSources(parseRegistryFiles(sources.files, sources), clientSources);
  const all = [
    ...sources.findings,
    ...registry.findings,
    ...validateRegistry(registry, {
      actions: config.radius.actions,
      locate: createFieldLocator(sources.files),
    }),
    ...findUnsatisfiableSignoffs({
      config,
      configPath,
      configText,
      ...(await resolveSigners(options.dir, config)),
    }),
  ];
  const { findings, applied, expired } = applyWaivers(
    all,
    config.waivers,
    new Date().toISOString().slice(0, 10),
  );
  findings.sort(compareFindings);

  if (options.format === 'json') {
    process.stdout.write(`${JSON.stringify({ findings, waivers: { applied, expired } }, null, 2)}\n`);
  } else if (options.format === 'sarif') {
    process.stdout.write(renderSarif(findings));
  } else {
    const lines = findings.map((f) =>
      revealLine(`${f.path}:${f.line}: ${f.severity} ${f.code}: ${messageWithoutLocation(f)}`),
    );
    for (const waiver of applied)
      lines.push(
        revealLine(
          `${waiver.path}: waived ${waiver.code} on ${waiver.tool} until ${waiver.expires} (${waiver.owner}: ${waiver.reason})`,
        ),
      );
    lines.push(summarize(findings, registry.tools.length, registry.prompts.length, clientSources));
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

async function readConfig(dir: string): Promise<{ config: Config; path: string; text: string | null }> {
  for (const name of CONFIG_FILES) {
    const text = await readFile(join(dir, name), 'utf8').catch(() => null);
    if (text === null) continue;
    const { config, errors } = parseConfig(text, name);
    const first = errors[0];
    if (first) {
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      throw new UsageError(`${first.message}${more}`);
    }
    return { config, path: name, text };
  }
  return { config: parseConfig(null, CONFIG_FILES[0]!).config, path: CONFIG_FILES[0]!, text: null };
}

/** The control plane's signers as the gate resolves them: listed, else its reviewers, else CODEOWNERS. */
async function resolveSigners(
  dir: string,
  config: Config,
): Promise<{ signers: string[]; from: SignerSource }> {
  const control = config.planes.control;
  if (control.signers.length > 0) return { signers: control.signers, from: 'signers' };
  if (control.reviewers.length > 0) return { signers: control.reviewers, from: 'reviewers' };
  for (const path of CODEOWNERS_FILES) {
    const text = await readFile(join(dir, path), 'utf8').catch(() => null);
    if (text === null) continue;
    const { rules } = parseCodeowners(text, path);
    return { signers: ownersOfPlanePaths(rules, control.paths), from: { codeowners: path } };
  }
  return { signers: [], from: 'signers' };
}

function summarize(
  findings: readonly Finding[],
  tools: number,
  prompts: number,
  sources: SourceCollection,
): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const counts = [plural(tools, 'tool'), plural(prompts - sources.agents.length, 'prompt')];
  // sources are named only when the tree has some: a registry-only repository reads as it always did
  if (sources.paths.length > 0)
    counts.push(
      plural(sources.servers.length, 'server'),
      plural(sources.agents.length, 'agent'),
      plural(sources.permissions.length, 'permission rule'),
    );
  const from = sources.paths.length > 0 ? ` from ${plural(sources.paths.length, 'source file')}` : '';
  const checked = `${counts.join(', ')}${from} checked`;
  if (errors === 0 && warnings === 0) return `ok: ${checked}`;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}: ${checked}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (
    a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.code.localeCompare(b.code)
  );
}
