import { describe, expect, it } from 'vitest';
import {
  createPathClassification,
  createPathClassifier,
  isGateFile,
  literalPrefixes,
} from '../../../src/core/plane/classify-paths.js';
import { splitChangedFiles } from '../../../src/core/plane/changed-planes.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';

const classify = createPathClassifier(DEFAULT_CONFIG);

describe('path classification', () => {
  it('routes prompts to the data plane and tools to the control plane', () => {
    expect(classify('registry/prompts/support/system.md')).toBe('data');
    expect(classify('registry/prompts/support/examples.jsonl')).toBe('data');
    expect(classify('registry/tools/refund.yaml')).toBe('control');
    expect(classify('src/app.ts')).toBe('none');
  });

  it('treats every gate file as control plane: they change the gates themselves', () => {
    for (const path of [
      'agentgate.yaml',
      'CODEOWNERS',
      '.github/CODEOWNERS',
      'docs/CODEOWNERS',
      '.github/workflows/ci.yml',
      'agentgate.yml',
      '.github/actions/setup/action.yml',
      '.github/actions/x/index.js',
      'action.yml',
      '.gitattributes',
    ]) {
      expect(classify(path)).toBe('control');
    }
  });

  it('treats an agentgate config at any depth, in any case, as a gate file, and nothing merely named like one', () => {
    const classification = createPathClassification(DEFAULT_CONFIG);
    for (const path of [
      'registry/agentgate.yaml',
      'registry/tools/deep/agentgate.yml',
      'src/AgentGate.YAML',
      'packages/a/b/c/agentgate.yml',
    ]) {
      expect(isGateFile(path)).toBe(true);
      expect(classification(path)).toEqual({ kind: 'control', gate: true });
    }
    for (const path of ['registry/agentgate.yaml.bak', 'registry/not-agentgate.yaml', 'agentgate.json']) {
      expect(isGateFile(path)).toBe(false);
    }
  });

  it('refuses a path with a control character, separator or invisible format character, in both planes', () => {
    const classification = createPathClassification(DEFAULT_CONFIG);
    for (const [path, character] of [
      ['registry/tools/x\n.yaml', 'U+000A'],
      ['registry/tools/x\u2028.yaml', 'U+2028'],
      ['x\u0085', 'U+0085'],
      ['registry/prompts/\u202ep.md', 'U+202E'],
      ['a\u200bb', 'U+200B'],
      ['\ufeffagentgate.yaml', 'U+FEFF'],
    ] as const) {
      expect(classification(path)).toEqual({ kind: 'refused', character });
      expect(classify(path)).toBe('control');
      const split = splitChangedFiles([{ path, status: 'added' }], classification);
      expect([split.data.length, split.control.length, split.none.length]).toEqual([1, 1, 0]);
    }
    expect(isGateFile('agentgate.yaml\n')).toBe(false);
    expect(classification('registry/tools/é 𝐚.yaml')).toEqual({ kind: 'control', gate: false });
  });

  it('matches case-insensitively: a case-insensitive checkout makes Registry/Tools the registry', () => {
    expect(classify('Registry/Tools/x.yaml')).toBe('control');
    expect(classify('REGISTRY/prompts/p.md')).toBe('data');
    expect(classify('.GitHub/Workflows/ci.yml')).toBe('control');
  });

  it('gives a path claimed by both planes the stricter control gate', () => {
    const config = structuredClone(DEFAULT_CONFIG);
    config.planes.data.paths = ['registry/**'];
    expect(createPathClassifier(config)('registry/tools/x.yaml')).toBe('control');
  });

  it('puts a manifest moved out of the registry in the control plane', () => {
    const split = splitChangedFiles(
      [{ path: 'attic/x.yaml', oldPath: 'registry/tools/x.yaml', status: 'renamed' }],
      createPathClassification(DEFAULT_CONFIG),
    );
    expect(split.control).toHaveLength(1);
    expect(split.none).toHaveLength(0);
  });

  it('narrows git listings to the literal directories of the globs', () => {
    expect(literalPrefixes(['registry/tools/**', 'registry/prompts/**/*.md'])).toEqual([
      'registry/prompts',
      'registry/tools',
    ]);
    expect(literalPrefixes(['**/*.tool.yaml'])).toEqual([]);
  });
});
