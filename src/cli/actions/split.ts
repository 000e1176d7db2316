import { renderSplitText, splitJson } from '../../render/split.js';
import { splitChange } from '../../release/split.js';

export interface SplitCommandOptions {
  base?: string;
  head?: string;
  branch?: string;
  force?: boolean;
  dryRun?: boolean;
  format: 'text' | 'json';
}

/** Exit 0 when a branch was written (or would be, with --dry-run); 1 when there is nothing to split. */
export async function runSplit(options: SplitCommandOptions, cwd: string): Promise<number> {
  const result = await splitChange({ cwd, ...options });
  process.stdout.write(
    options.format === 'json' ? splitJson(result) : renderSplitText(result, options.dryRun === true),
  );
  return result.kind === 'split' ? 0 : 1;
}
