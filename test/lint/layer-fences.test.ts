import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints `code` as if it lived at `path` (nothing is written): the fences must hold at every folder depth. */
async function fenceMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'agentgate/layer-fences').map((m) => m.message);
}

describe('layer fences', () => {
  it.each([
    ['src/render/probe.ts', "import { Octokit } from '@octokit/rest';\nexport const x = Octokit;\n"],
    ['src/render/deep/er/probe.ts', "import { Octokit } from '@octokit/rest';\nexport const x = Octokit;\n"],
    ['src/load/probe.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
    ['src/load/nested/probe.ts', "import { spawn } from 'child_process';\nexport const x = spawn;\n"],
    ['src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/core/a/b/probe.ts', "import { readFile } from 'fs/promises';\nexport const x = readFile;\n"],
    ['src/core/a/probe.ts', "import { runGit } from '../../git/run-git.js';\nexport const x = runGit;\n"],
    ['src/core/probe.ts', "import chalk from 'chalk';\nexport const x = chalk;\n"],
    ['src/core/probe.ts', "export const x = () => import('node:http');\n"],
    ['src/sources/probe.ts', "import { request } from 'node:https';\nexport const x = request;\n"],
    ['src/git/probe.ts', "export { UsageError } from '../cli/errors.js';\n"],
    ['src/github/deep/probe.ts', "import { run } from '../../cli/run.js';\nexport const x = run;\n"],
    ['src/render/probe.ts', "export const x = () => import('../cli/run.js');\n"],
    // floors: a lower floor never imports a higher one, at every depth, type-only imports included
    ['src/git/probe.ts', "import { readGate } from '../load/read-gate.js';\nexport const x = readGate;\n"],
    [
      'src/git/deep/probe.ts',
      "import type { GateResult } from '../../gate/check-types.js';\nexport type X = GateResult;\n",
    ],
    ['src/render/probe.ts', "import { runCheck } from '../gate/check.js';\nexport const x = runCheck;\n"],
    [
      'src/schemas/probe.ts',
      "import type { SourceAdapter } from '../sources/kit/types.js';\nexport type X = SourceAdapter;\n",
    ],
    [
      'src/model/probe.ts',
      "import type { DiffReport } from '../core/diff/build-diff.js';\nexport type X = DiffReport;\n",
    ],
    ['src/load/probe.ts', "import { release } from '../release/release.js';\nexport const x = release;\n"],
    [
      'src/github/probe.ts',
      "import { loadSources } from '../load/load-sources.js';\nexport const x = loadSources;\n",
    ],
    // rooms inside core and sources have floors of their own
    [
      'src/core/radius/probe.ts',
      "import { buildDiffReport } from '../diff/build-diff.js';\nexport const x = buildDiffReport;\n",
    ],
    [
      'src/core/plane/deep/probe.ts',
      "import type { LogEntry } from '../../history/log-entries.js';\nexport type X = LogEntry;\n",
    ],
    [
      'src/sources/kit/probe.ts',
      "import { SOURCE_ADAPTERS } from '../formats/index.js';\nexport const x = SOURCE_ADAPTERS;\n",
    ],
    [
      'src/sources/formats/probe.ts',
      "import { createSourceLookup } from '../lookup.js';\nexport const x = createSourceLookup;\n",
    ],
    [
      'src/core/newroom/probe.ts',
      "import { classifyBlastRadius } from '../radius/radius.js';\nexport const x = classifyBlastRadius;\n",
    ],
  ])('refuses a forbidden import in %s', async (path, code) => {
    expect(await fenceMessages(path, code)).toHaveLength(1);
  });

  it.each([
    ['src/git/deep/probe.ts', "import { spawn } from 'node:child_process';\nexport const x = spawn;\n"],
    ['src/github/probe.ts', "import { Octokit } from '@octokit/rest';\nexport const x = Octokit;\n"],
    ['src/cli/actions/probe.ts', "import { run } from '../run.js';\nexport const x = run;\n"],
    ['src/core/diff/probe.ts', "import type { Tool } from '../../model/types.js';\nexport type X = Tool;\n"],
    [
      'src/core/diff/deep/probe.ts',
      "import { classifyBlastRadius } from '../../radius/radius.js';\nexport const x = classifyBlastRadius;\n",
    ],
    ['src/gate/probe.ts', "import { renderText } from '../render/text.js';\nexport const x = renderText;\n"],
    [
      'src/sources/formats/probe.ts',
      "import type { SourceAdapter } from '../kit/types.js';\nexport type X = SourceAdapter;\n",
    ],
    ['src/render/probe.ts', "import chalk from 'chalk';\nexport const x = chalk;\n"],
  ])('allows a permitted import in %s', async (path, code) => {
    expect(await fenceMessages(path, code)).toEqual([]);
  });
});
