import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseRegistryFiles } from '../../core/plane/registry-files.js';
import { createRepoSourceLookup } from '../../core/plane/repo-sources.js';
import type { Radius, Registry } from '../../model/types.js';
import { revealInvisible } from '../../render/markdown-escape.js';
import { configsBelowRoot, readRegistrySources } from '../../load/load-registry.js';
import { workTreeTop } from '../../load/work-tree-top.js';
import type { RegistrySources } from '../../load/load-registry.js';
import { UsageError } from '../../errors.js';
import { loadBundle } from '../../load/load-bundle.js';
import { loadReleasePins } from '../../load/release-pins.js';
import { readLogHead } from '../../runtime/decision-log.js';
import type { BundleRecord } from '../../runtime/decision-log.js';
import { logKeyFromEnvironment } from './intent-log-key.js';
import { loadWorkTreeSources } from '../../load/load-sources.js';
import { mergeSources } from '../../sources/source-set.js';

export interface RuntimeRegistry {
  registry: Registry;
  /** config's radius.actions, so that reported radii match `agentgate diff` */
  radiusOverrides: Readonly<Record<string, Radius>>;
}

/**
 * The registry the runtime gate enforces: the files at the config's plane paths under DIR, and the client
 * source files of its tree (agents for `--agent`, servers their bindings name) (its agentgate.yaml,
 * else the defaults; DIR may also be the default layout's `registry` folder), classified as `diff` classifies
 * them, so the runtime loads exactly what the gate judged.
 * A registry with errors still loads: a tool whose manifest is broken is simply absent, and an intent for it is
 * denied as unknown, so the gate fails closed. The errors are announced on stderr.
 */
export async function loadRuntimeRegistry(dir: string): Promise<RuntimeRegistry> {
  await requireRepositoryRoot(dir);
  let sources: RegistrySources;
  try {
    sources = await readRegistrySources(dir);
  } catch (error) {
    throw new UsageError(`--registry ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const nested = configsBelowRoot(sources.findings)[0];
  if (nested)
    throw new UsageError(
      `--registry ${dir}: ${revealInvisible(nested.path)}: a config below the root is refused, never adopted; the root's config alone governs`,
    );
  // agent files and client configs beside the registry: `--agent claude:agents/x` binds through them
  const registry = mergeSources(
    parseRegistryFiles(sources.files, sources),
    await loadWorkTreeSources(sources.root, createRepoSourceLookup(sources.config)),
  );
  registry.findings.unshift(...sources.findings);
  const errors = registry.findings.filter((finding) => finding.severity === 'error');
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run agentgate validate)` : '';
    process.stderr.write(
      `agentgate: warning: ${revealInvisible(first.path)}:${first.line}: ${revealInvisible(first.message)}${more}\n`,
    );
  }
  return { registry, radiusOverrides: sources.config.radius.actions };
}

/**
 * `--registry` names the repository root the gate judged. Inside a git work tree, a folder below the top level
 * would be read with a config (or the defaults) the gate never judged as the config: refused, pointing at the
 * released bundle, which is how part of a repository is deployed.
 */
async function requireRepositoryRoot(dir: string): Promise<void> {
  const given = await realpath(resolve(dir)).catch(() => resolve(dir));
  const top = await workTreeTop(given);
  if (top === null || top === given) return;
  throw new UsageError(
    `--registry ${dir}: not the top level of its git work tree (${top}); name the repository root, or deploy a released control bundle with --bundle`,
  );
}

/**
 * The registry for `intent check` and `guard`: a released control bundle when `--bundle` names one (its
 * signature or attestation checked against the pins of the operator's config, then its digest, the type of every field, and its
 * version against `--min-version` and the head of `--log`; the working tree not read), else the files at the
 * config's plane paths under `--registry`.
 */
export async function loadEnforcedRegistry(options: EnforcedOptions): Promise<EnforcedRegistry> {
  if (options.bundle === undefined) return loadRuntimeRegistry(options.registry);
  const pins = await loadReleasePins(options.config, process.cwd());
  const head = options.log === undefined ? undefined : await logHeadBundle(options.log);
  const minVersion = Math.max(options.minVersion ?? 0, head?.version ?? 0);
  const { bundle, registry } = loadBundle(options.bundle, {
    pins,
    ...(options.signature !== undefined && { signature: options.signature }),
    ...(options.attestation !== undefined && { attestation: options.attestation }),
    ...(options.trustedRoot !== undefined && { trustedRoot: options.trustedRoot }),
    ...(minVersion > 0 && { minVersion }),
  });
  if (head !== undefined && head.version === bundle.version && head.digest !== bundle.digest)
    throw new UsageError(
      `${options.bundle}: v${bundle.version} is not the v${head.version} the decision log ${options.log} was written under (digest ${head.digest.slice(0, 19)}…): refused`,
    );
  return {
    registry,
    radiusOverrides: bundle.radius?.actions ?? {},
    bundleRecord: { version: bundle.version, digest: bundle.digest },
  };
}

export interface EnforcedOptions {
  registry: string;
  bundle?: string;
  /** the config holding `release:` pins; default ./agentgate.yaml */
  config?: string;
  /** the detached signature; default `<bundle>.sig` */
  signature?: string;
  /** the GitHub artifact attestation; default `<bundle>.sigstore.json` */
  attestation?: string;
  /** the Sigstore trusted root for the attestation; default the public-good root */
  trustedRoot?: string;
  minVersion?: number;
  log?: string;
}

export interface EnforcedRegistry extends RuntimeRegistry {
  /** recorded with each logged decision, so the log's head refuses a later rollback */
  bundleRecord?: BundleRecord;
}

async function logHeadBundle(log: string): Promise<BundleRecord | undefined> {
  try {
    const record = (await readLogHead(log, { key: logKeyFromEnvironment() }))?.bundle as unknown;
    if (record === undefined) return undefined;
    const { version, digest } = (record ?? {}) as Partial<BundleRecord>;
    if (!Number.isSafeInteger(version) || typeof digest !== 'string')
      throw new UsageError(`--log ${log}: its last entry's bundle record is not { version, digest }`);
    return { version: version!, digest };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(detail.startsWith('decision log') ? detail : `--log ${log}: ${detail}`);
  }
}
