// The globs of every client source file, for CODEOWNERS: kept apart from the source set so that the gate files'
// module (core/gate-files -> codeowners-paths) does not load the classifier through it, a cycle.
import { ALL_SOURCE_ADAPTERS, ALSO_READ, sourceKeys } from './configured.js';
import type { SourcesConfig } from './configured.js';

/**
 * Every glob a client source can sit at under `sources:`, for the control plane owner's CODEOWNERS rules: each
 * adapter's default and nested paths, and the paths the config adds. Turned-off sources keep their globs: agentgate
 * not reading a file does not stop its client from reading it, and owning it costs no more than a reviewer. Keys
 * that name no source add nothing (the config parser warns about them).
 */
export function sourceGlobs(sources: SourcesConfig = {}): string[] {
  return [
    ...new Set([
      ...ALL_SOURCE_ADAPTERS.flatMap((adapter) => [
        ...adapter.defaultPaths,
        ...(ALSO_READ[adapter.id] ?? []),
      ]),
      ...sourceKeys().flatMap((key) => (Object.hasOwn(sources, key) ? (sources[key]?.paths ?? []) : [])),
    ]),
  ];
}
