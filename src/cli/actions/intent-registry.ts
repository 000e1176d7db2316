import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseConfig } from '../../core/parse/config.js';
import type { Radius, Registry } from '../../core/types.js';
import { loadRegistry } from '../../load/load-registry.js';
import { UsageError } from '../errors.js';

export interface RuntimeRegistry {
  registry: Registry;
  /** config's radius.actions, so that reported radii match `agentgate diff` */
  radiusOverrides: Readonly<Record<string, Radius>>;
}

/**
 * The registry the runtime gate enforces, read from DIR (registry/tools, registry/prompts, agentgate.yaml).
 * A registry with errors still loads: a tool whose manifest is broken is simply absent, and an intent for it is
 * denied as unknown, so the gate fails closed. The errors are announced on stderr.
 */
export async function loadRuntimeRegistry(dir: string): Promise<RuntimeRegistry> {
  let registry: Registry;
  try {
    registry = await loadRegistry(dir);
  } catch (error) {
    throw new UsageError(`--registry ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const errors = registry.findings.filter((finding) => finding.severity === 'error');
  const first = errors[0];
  if (first) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run agentgate validate)` : '';
    process.stderr.write(`agentgate: warning: ${first.path}:${first.line}: ${first.message}${more}\n`);
  }
  return { registry, radiusOverrides: await readRadiusOverrides(dir) };
}

async function readRadiusOverrides(dir: string): Promise<Readonly<Record<string, Radius>>> {
  for (const name of ['agentgate.yaml', 'agentgate.yml']) {
    let text: string;
    try {
      text = await readFile(join(dir, name), 'utf8');
    } catch {
      continue;
    }
    const result = parseConfig(text, name);
    const error = result.errors[0];
    if (error) throw new UsageError(`${join(dir, name)}:${error.line}: ${error.message}`);
    return result.config.radius.actions;
  }
  return {};
}
