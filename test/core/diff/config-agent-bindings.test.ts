import { describe, expect, it } from 'vitest';
import { diffTrees } from '../../helpers/diff-trees.js';

// Agents written in client configs bind tools like agent files do: a Kiro agent gaining a tool or a Roo mode
// gaining a group is a control-plane binding change that needs sign-off; losing one is a revocation.
const roomodes = (groups: string) =>
  `customModes:\n  - slug: docs\n    name: Docs\n    roleDefinition: Writes docs.\n    groups: ${groups}\n`;
const kiro = (tools: string[]) => JSON.stringify({ name: 'dev', tools });

describe('config agents in the diff', () => {
  it('a Roo mode gaining the command group is a binding gain with sign-off', () => {
    const report = diffTrees(
      { '.roomodes': roomodes('[read]') },
      { '.roomodes': roomodes('[read, command]') },
    );
    expect(report.planes.control.changed).toBe(true);
    expect(report.planes.control.bindings).toEqual([
      expect.objectContaining({ agent: 'roo:modes/docs', added: ['command'] }),
    ]);
    expect(report.planes.control.narrowingOnly).toBe(false);
    expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
    expect(report.planes.control.maxRadius).toBe('privileged');
  });

  it('a Roo mode dropping a group only narrows', () => {
    const report = diffTrees({ '.roomodes': roomodes('[read, edit]') }, { '.roomodes': roomodes('[read]') });
    expect(report.planes.control.bindings).toEqual([
      expect.objectContaining({ agent: 'roo:modes/docs', removed: ['edit'] }),
    ]);
  });

  it('a Kiro agent gaining a tool is a binding gain with sign-off', () => {
    const path = '.kiro/agents/dev.json';
    const report = diffTrees({ [path]: kiro(['fs_read']) }, { [path]: kiro(['fs_read', 'execute_bash']) });
    expect(report.planes.control.bindings).toEqual([
      expect.objectContaining({ agent: 'kiro:agents/dev', added: ['execute_bash'] }),
    ]);
    expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
    expect(report.findings.map((finding) => finding.code)).not.toContain('unknown-tool-binding');
  });

  it('a Kiro agent naming an undeclared server is held: unknown binding, irreversible', () => {
    const path = '.kiro/agents/dev.json';
    const report = diffTrees({ [path]: kiro(['fs_read']) }, { [path]: kiro(['fs_read', '@nowhere']) });
    expect(report.planes.control.bindings).toEqual([
      expect.objectContaining({ agent: 'kiro:agents/dev', added: ['nowhere/*'] }),
    ]);
    expect(report.findings.map((finding) => finding.code)).toContain('unknown-tool-binding');
    expect(report.planes.control.maxRadius).toBe('irreversible');
  });
});
