// Which source adapter reads a path, as the diff reads it: one answer for `diff`, `validate`, `scope`,
// `log`, `codeowners` and the runtime, built once from the config that judges and passed to whoever reads files.
import { createSourceLookup } from '../../sources/lookup.js';
import type { SourceLookup } from '../../sources/lookup.js';
import { createPathClassification } from './classify-paths.js';
import type { Config } from '../../model/types.js';

/**
 * The config's source lookup (`sources:` honoured, nested and plugin paths included) minus the paths the data
 * plane's globs claim: those stay the registry's prompts even when named like a client's file (`x.prompt.md`),
 * as the diff's registry roles have it. A refused path stays claimed, so the view that reads it refuses it by name.
 */
export function createRepoSourceLookup(config: Config): SourceLookup {
  const sourceOf = createSourceLookup(config.sources);
  const classify = createPathClassification(config, sourceOf);
  return (path) => {
    const found = classify(path);
    return found.kind === 'data' && found.source === undefined ? undefined : sourceOf(path);
  };
}
