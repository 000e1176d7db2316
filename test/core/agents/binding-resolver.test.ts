import { describe, expect, it } from 'vitest';
import { bindingRadiusOf, reachAgent } from '../../../src/core/agents/agent-reach.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import { diffTrees } from '../../helpers/diff-trees.js';

const prompt = (tools: string) => `---\nid: support/system\nversion: 1\ntools: ${tools}\n---\nHelp.\n`;
const MCP = JSON.stringify({ mcpServers: { srv: { type: 'http', url: 'https://srv.example.org/mcp' } } });

describe('one resolver for bindings: diff, scope and the runtime agree', () => {
  it.each(['[srv/*]', '[mcp__srv]', '[srv]'])(
    'a registry prompt binding %s counts at the server radius',
    (tools) => {
      const base = { '.mcp.json': MCP, 'registry/prompts/support.md': prompt('[]') };
      const head = {
        ...base,
        'registry/prompts/support.md': prompt(tools).replace('version: 1', 'version: 2'),
      };
      const report = diffTrees(base, head);
      const registry = parseSnapshot(
        Object.entries(head).map(([path, text]) => ({ path, text, oid: text })),
        [],
        DEFAULT_CONFIG,
      ).registry;
      const agent = registry.prompts[0]!;
      const reached = reachAgent(agent, registry).tools[0]!;
      expect(reached.kind).toBe('server');
      expect(report.planes.control.maxRadius).toBe(reached.radius);
      expect(bindingRadiusOf(registry, agent.id, agent.tools![0]!)).toBe(reached.radius);
      expect(report.planes.control.requiredSignoffs).toBeGreaterThan(0);
      expect(report.planes.control.maxRadius).not.toBe('none');
    },
  );
});
