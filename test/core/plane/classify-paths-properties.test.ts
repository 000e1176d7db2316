// Property (issue 9, class 1): any path string is classified the same by the diff and the runtime.
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPathClassification, createRegistryRoles } from '../../../src/core/plane/classify-paths.js';
import { splitChangedFiles } from '../../../src/core/plane/changed-planes.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseRegistryFiles } from '../../../src/core/plane/registry-files.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import type { Config } from '../../../src/model/types.js';
import { loadRegistry, readRegistrySources } from '../../../src/load/load-registry.js';

const TOOL = 'apiVersion: agentgate/v1\nkind: Tool\nname: some_tool\neffect: read\n';

// every kind of character a hostile name may hold, and the pieces that make a path land in a plane
const awkward = fc.constantFrom(
  '\n',
  '\r',
  '\t',
  '\u0000',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\ud800',
  '\ufffd',
  '\u3000',
  ' ',
  'é',
  '𝐚',
  '*',
  '?',
  '[',
  '\\',
);
const piece = fc.oneof(
  fc.constantFrom(
    'registry/',
    'tools/',
    'prompts/',
    '.yaml',
    '.yml',
    '.json',
    '.md',
    '/',
    '.',
    '..',
    'a',
    '.github/',
  ),
  awkward,
  fc.string({ maxLength: 3 }),
);
const anyPath = fc.oneof(
  fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
  fc
    .tuple(fc.constantFrom('registry/tools/', 'registry/prompts/'), fc.array(piece, { maxLength: 5 }))
    .map(([root, parts]) => root + parts.join('')),
  fc.string(),
);
const configs = fc.constantFrom<Config>(DEFAULT_CONFIG, {
  ...structuredClone(DEFAULT_CONFIG),
  planes: {
    data: { ...structuredClone(DEFAULT_CONFIG.planes.data), paths: ['agents/*/text/**'] },
    control: {
      ...structuredClone(DEFAULT_CONFIG.planes.control),
      paths: ['agents/**/*.tool.yaml', '**/*.mcp.json'],
    },
  },
});

describe('one classification for the diff and the runtime', () => {
  it('any path: the diff parses a manifest exactly when the runtime loader does, and each sits in a plane', () => {
    fc.assert(
      fc.property(anyPath, configs, (path, config) => {
        const file = { path, oid: 'x', text: TOOL };
        const diffSide = parseSnapshot([file], [], config).registry;
        const roots = {
          toolsRoot: 'registry/tools',
          promptsRoot: 'registry/prompts',
          roleOf: createRegistryRoles(config),
        };
        const runtimeSide = parseRegistryFiles([file], roots);
        expect(runtimeSide.tools.length).toBe(diffSide.tools.length);
        expect(runtimeSide.prompts.length).toBe(diffSide.prompts.length);
        expect(runtimeSide.findings.map((f) => f.code)).toEqual(diffSide.findings.map((f) => f.code));

        const planes = splitChangedFiles([{ path, status: 'added' }], createPathClassification(config));
        if (diffSide.tools.length > 0) expect(planes.control).toHaveLength(1);
        if (diffSide.prompts.length > 0) expect(planes.data).toHaveLength(1);
        if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\uFFFD]/u.test(path)) {
          expect(diffSide.tools).toEqual([]);
          expect(planes.data).toHaveLength(1);
          expect(planes.control).toHaveLength(1);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('globs match every character that is not refused: a clean name under registry/tools is control', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (name) => {
        const path = `registry/tools/${name.replace(/\//g, '_')}.yaml`;
        const found = createPathClassification(DEFAULT_CONFIG)(path);
        if (found.kind === 'refused') return;
        if (/(^|\/)\.\.?(\/|$)/.test(path)) return; // git never holds `.`/`..` segments
        expect(found.kind).toBe('control');
      }),
      { numRuns: 2000 },
    );
  });

  it('on disk: the runtime loads exactly what the diff would parse, for any file name', async () => {
    const nameChars = fc.oneof(
      awkward.filter((c) => c !== '\u0000' && c !== '\\' && c !== '\ud800'),
      fc.constantFrom('a', 'b', '.', '-', '_', 'yaml', 'json'),
    );
    const names = fc
      .array(nameChars, { minLength: 1, maxLength: 6 })
      .map((chars) => `${chars.join('')}.yaml`)
      .filter((name) => name !== '.' && name !== '..');
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(names, { minLength: 1, maxLength: 4 }), async (fileNames) => {
        const dir = mkdtempSync(join(tmpdir(), 'agentgate-prop-'));
        try {
          const files = fileNames.map((name, i) => ({
            path: `registry/tools/${name}`,
            oid: String(i),
            text: TOOL.replace('some_tool', `tool_${i}`),
          }));
          for (const file of files) {
            mkdirSync(dirname(join(dir, file.path)), { recursive: true });
            writeFileSync(join(dir, file.path), file.text);
          }
          const runtime = await loadRegistry(dir);
          const diffSide = parseSnapshot(files, [], DEFAULT_CONFIG).registry;
          const names = (tools: { name: string }[]) => tools.map((t) => t.name).sort();
          expect(names(runtime.tools)).toEqual(names(diffSide.tools));
          // a refused name is reported, never opened, on both sides
          const refusedPaths = (findings: { code: string; path: string }[]) =>
            findings
              .filter((f) => f.code === 'path-refused')
              .map((f) => f.path)
              .sort();
          expect(refusedPaths(runtime.findings)).toEqual(refusedPaths(diffSide.findings));
          const read = await readRegistrySources(dir);
          const refused = new Set(refusedPaths(diffSide.findings));
          expect(read.files.map((f) => f.path).sort()).toEqual(
            files
              .map((f) => f.path)
              .filter((path) => !refused.has(path))
              .sort(),
          );
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
