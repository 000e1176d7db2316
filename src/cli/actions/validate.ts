import { registryBindingKind } from '../../core/agents/registry-bindings.js';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCodeowners } from '../../parse/codeowners.js';
import { ownersOfPlanePaths } from '../../core/gate/reviewers.js';
import { parseConfig } from '../../core/plane/config.js';
import { createFieldLocator } from '../../parse/locate.js';
import { parseRegistryFiles } from '../../core/plane/registry-files.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import type { Config, Finding } from '../../model/types.js';
import { findUnsatisfiableSignoffs } from '../../core/gate/signoff-feasibility.js';
import type { SignerSource } from '../../core/gate/signoff-feasibility.js';
import { dataGlobsOverSources } from '../../core/checks/data-globs.js';
import { validateRegistry } from '../../core/checks/validate-registry.js';
import { applyWaivers } from '../../core/diff/waivers.js';
import { readRegistrySources } from '../../load/load-registry.js';
import { loadWorkTreeSources } from '../../load/load-sources.js';
import { mergeSources } from '../../sources/source-set.js';
import { renderValidateText } from '../../render/validate.js';
import { renderSarif } from '../../render/sarif.js';
import { CODEOWNERS_PATHS, CONFIG_PATHS } from '../../model/gate-files.js';
import { UsageError } from '../../errors.js';

export interface ValidateOptions {
  dir: string;
  format: 'text' | 'json' | 'sarif';
}

/** Validates the working-tree registry under `options.dir`; returns the exit code (1 when any error is found). */
export async function runValidate(options: ValidateOptions): Promise<number> {
  const info = await stat(options.dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`--dir: ${options.dir} is not a directory`);
  const { config, path: configPath, text: configText } = await readConfig(options.dir);
  // the loader reads the same config and classifies files as `diff` does (planes' globs, refused paths)
  const sources = await readRegistrySources(options.dir).catch((error: unknown) => {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  });
  // the files clients read are validated beside the registry (servers, agents, rules), found as `diff` finds
  // them: by the `sources:` of the config the registry was read with
  const clientSources = await loadWorkTreeSources(sources.root, createRepoSourceLookup(sources.config));
  const registry = mergeSources(parseRegistryFiles(sources.files, sources), clientSources);
  const all = [
    ...sources.findings,
    ...registry.findings,
    ...validateRegistry(registry, {
      actions: config.radius.actions,
      bindingKind: registryBindingKind(registry, config.radius.actions),
      locate: createFieldLocator(sources.files),
    }),
    ...dataGlobsOverSources(config, clientSources.paths, configPath, configText ?? ''),
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
    process.stdout.write(renderValidateText(findings, applied, registry, clientSources));
  }
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

async function readConfig(dir: string): Promise<{ config: Config; path: string; text: string | null }> {
  for (const name of CONFIG_PATHS) {
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
  return { config: parseConfig(null, CONFIG_PATHS[0]!).config, path: CONFIG_PATHS[0]!, text: null };
}

/** The control plane's signers as the gate resolves them: listed, else its reviewers, else CODEOWNERS. */
async function resolveSigners(
  dir: string,
  config: Config,
): Promise<{ signers: string[]; from: SignerSource }> {
  const control = config.planes.control;
  if (control.signers.length > 0) return { signers: control.signers, from: 'signers' };
  if (control.reviewers.length > 0) return { signers: control.reviewers, from: 'reviewers' };
  for (const path of CODEOWNERS_PATHS) {
    const text = await readFile(join(dir, path), 'utf8').catch(() => null);
    if (text === null) continue;
    const { rules } = parseCodeowners(text, path);
    return { signers: ownersOfPlanePaths(rules, control.paths), from: { codeowners: path } };
  }
  return { signers: [], from: 'signers' };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (
    a.line - b.line || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.code.localeCompare(b.code)
  );
}
