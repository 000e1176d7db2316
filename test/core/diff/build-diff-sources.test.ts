import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiffReport } from '../../../src/model/types.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

// Agent files in the pure diff (SPEC 2.4, 3.2, 5, 6): properties over what a change to one may and may not do.

function diff(base: Files, head: Files): DiffReport {
  return diffTrees(base, head);
}

const AGENT = '.claude/agents/a.md';
const TOOLS = ['Read', 'Grep', 'Glob', 'Bash', 'WebFetch', 'WebSearch', 'Edit', 'Write', 'Task', 'mcp__x__y'];
const toolsArb = fc.option(fc.subarray(TOOLS, { minLength: 1 }), { nil: undefined });
const agentFile = (tools: string[] | undefined, body: string) =>
  `---\nname: a\n${tools === undefined ? '' : `tools: ${tools.join(', ')}\n`}---\n${body}\n`;
const bodyArb = fc.string({ maxLength: 40 }).map((text) => text.replace(/-{3}/g, '').replace(/\r/g, ''));
const settings = { '.mcp.json': '{"mcpServers":{"x":{"command":"npx","args":["-y","x-mcp@1.0.0"]}}}' };

describe('agent files in the diff', () => {
  it('property: a text-only edit stays in the data plane and leaves the digest where no change leaves it', () => {
    fc.assert(
      fc.property(toolsArb, bodyArb, bodyArb, (tools, before, after) => {
        const base = { ...settings, [AGENT]: agentFile(tools, `Base ${before}`) };
        const head = { ...settings, [AGENT]: agentFile(tools, `Head ${after}`) };
        const report = diff(base, head);
        expect(report.planes.control.changed).toBe(false);
        expect(report.planes.control.digest).toBe(diff(base, base).planes.control.digest);
        expect(report.planes.data.files).toEqual([{ path: AGENT, status: 'modified' }]);
      }),
      { numRuns: 60 },
    );
  });

  it('property: any change of the tools line reaches the control plane and moves the digest', () => {
    fc.assert(
      fc.property(toolsArb, toolsArb, (before, after) => {
        fc.pre(
          JSON.stringify([...(before ?? ['*'])].sort()) !== JSON.stringify([...(after ?? ['*'])].sort()),
        );
        const base = { ...settings, [AGENT]: agentFile(before, 'Same.') };
        const head = { ...settings, [AGENT]: agentFile(after, 'Same.') };
        const report = diff(base, head);
        expect(report.planes.control.changed).toBe(true);
        expect(report.planes.control.bindings).toHaveLength(1);
        expect(report.planes.control.digest).not.toBe(diff(base, base).planes.control.digest);
        // a gain needs a sign-off; a change that only drops tools is a revocation
        const gained = report.planes.control.bindings[0]!.added.length > 0;
        expect(report.planes.control.narrowingOnly).toBe(!gained);
        expect(report.planes.control.requiredSignoffs > 0).toBe(gained);
      }),
      { numRuns: 80 },
    );
  });

  it('binds a subagent to the servers of the repository: mcp__x__y reaches the unpinned server x', () => {
    const report = diff(
      { ...settings, [AGENT]: agentFile(['WebFetch'], 'Hi.') },
      { ...settings, [AGENT]: agentFile(['WebFetch', 'mcp__x__y'], 'Hi.') },
    );
    expect(report.findings.map((f) => f.code)).not.toContain('unknown-tool-binding');
    // an unpinned stdio server: MCP's defaults and egress anywhere
    expect(report.planes.control.maxRadius).toBe('irreversible');
    expect(report.planes.control.flows.added).toContainEqual(
      expect.objectContaining({ kind: 'untrusted-to-action', agent: 'claude:agents/a', sinks: ['x/y'] }),
    );
  });

  it('counts a binding of a server nobody declares as unknown and irreversible', () => {
    const report = diff(
      { [AGENT]: agentFile(['Read'], 'Hi.') },
      { [AGENT]: agentFile(['Read', 'mcp__nope__t'], 'Hi.') },
    );
    expect(report.findings).toContainEqual(
      expect.objectContaining({ code: 'unknown-tool-binding', path: AGENT }),
    );
    expect(report.planes.control.maxRadius).toBe('irreversible');
  });
});
