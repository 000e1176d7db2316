import { describe, expect, it } from 'vitest';
import { isGateFile } from '../../../src/core/plane/classify-paths.js';
import { diffTrees } from '../../helpers/diff-trees.js';

const workflow = (body: string, permissions = 'read-all') =>
  `---\non:\n  issues:\n    types: [opened]\npermissions: ${permissions}\ntools:\n  github:\n    toolsets: [issues]\n---\n${body}\n`;
const PATH = '.github/workflows/triage.md';

describe('a gh-aw workflow is split by meaning, though it sits under .github/workflows', () => {
  it('one word changed in the prompt body is data plane: no sign-off, the text listed', () => {
    const report = diffTrees(
      { [PATH]: workflow('Label each new issue.') },
      { [PATH]: workflow('Label every new issue.') },
    );
    expect(report.planes.control.changed).toBe(false);
    expect(report.planes.control.requiredSignoffs).toBe(0);
    expect(report.planes.data.files.map((file) => file.path)).toEqual([PATH]);
    expect(report.planes.data.prompts).toEqual([
      expect.objectContaining({ id: 'gh-aw:workflows/triage', change: 'modified', versionAfter: null }),
    ]);
    expect(report.findings.filter((finding) => finding.code === 'version-not-bumped')).toEqual([]);
  });

  it('a front-matter change reaches the control plane and its sign-offs', () => {
    const report = diffTrees(
      { [PATH]: workflow('Label each new issue.') },
      { [PATH]: workflow('Label each new issue.', '\n  contents: write') },
    );
    expect(report.planes.control.changed).toBe(true);
    expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
  });

  it('the compiled lock and every other workflow file stay gate files', () => {
    expect(isGateFile('.github/workflows/triage.lock.yml')).toBe(true);
    expect(isGateFile('.github/workflows/ci.yml')).toBe(true);
    expect(isGateFile(PATH)).toBe(false);
    expect(isGateFile('.github/actions/setup/action.yml')).toBe(true);
  });
});
