// Source claims win over data globs: a client's file under a data-plane glob (`registry/prompts/.mcp.json` under
// `registry/prompts/**`) is read by its adapter as control plane, never as prompt text. The glob still says
// otherwise to whoever reads the config, so `validate` tells the user it is broader than they meant.
import { compileGlobs } from '../../model/globs.js';
import type { Config, Finding } from '../../model/types.js';
import { createSourceLookup } from '../../sources/lookup.js';

export const DATA_GLOB_COVERS_SOURCE = 'data-glob-covers-source';

/** One warning per data-plane glob and source file it covers, at the glob's line of the config. */
export function dataGlobsOverSources(
  config: Config,
  sourcePaths: readonly string[],
  configPath: string,
  configText = '',
): Finding[] {
  const sourceOf = createSourceLookup(config.sources);
  const lines = configText.split('\n');
  const lineOf = (glob: string) => {
    const index = lines.findIndex((line) => line.includes(glob));
    return index < 0 ? 1 : index + 1;
  };
  const findings: Finding[] = [];
  for (const glob of config.planes.data.paths) {
    const covers = compileGlobs([glob]);
    for (const path of [...sourcePaths].sort()) {
      const adapter = sourceOf(path);
      if (!adapter || !covers(path)) continue;
      const line = lineOf(glob);
      findings.push({
        severity: 'warning',
        code: DATA_GLOB_COVERS_SOURCE,
        path: configPath,
        line,
        field: 'planes.data.paths',
        message:
          `${configPath}:${line}: data-plane glob ${JSON.stringify(glob)} covers ${JSON.stringify(path)}, a ` +
          `client file the ${adapter.id} source reads: it is control plane (source claims win); narrow the glob`,
      });
    }
  }
  return findings;
}
