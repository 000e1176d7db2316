import { describe, expect, it } from 'vitest';
import { claudeAgentsAdapter } from '../../../src/sources/formats/claude-agents.js';
import { copilotAgentsAdapter } from '../../../src/sources/formats/copilot-agents.js';
import { resolveAgentBindings } from '../../../src/sources/resolve/agent-bindings.js';
import { markdown, sourceFile } from '../fixture.js';

describe('resolveAgentBindings', () => {
  it('a subagent gaining Bash beside WebFetch reaches a privileged shell and an untrusted fetcher', () => {
    const agent = claudeAgentsAdapter.parse(
      sourceFile('.claude/agents/a.md', markdown('name: a\ntools: WebFetch, Bash')),
    ).agents[0]!;
    const { resolutions, findings } = resolveAgentBindings(agent, {});
    expect(findings).toEqual([]);
    expect(
      resolutions.map(
        (resolution) =>
          resolution.kind === 'builtin' && [
            resolution.entry.name,
            resolution.entry.radius,
            resolution.entry.untrustedInput,
          ],
      ),
    ).toEqual([
      ['WebFetch', 'read', true],
      ['Bash', 'privileged', true],
    ]);
  });

  it("a Copilot agent's own mcp-servers resolve its server/* binding; an unknown name is a finding", () => {
    const model = copilotAgentsAdapter.parse(
      sourceFile(
        '.github/agents/a.agent.md',
        markdown("tools: ['ops/*', 'runCommand']\nmcp-servers:\n  ops:\n    url: https://ops.example.com"),
      ),
    );
    const { resolutions, findings } = resolveAgentBindings(model.agents[0]!, { servers: model.servers });
    expect(resolutions[0]).toMatchObject({ kind: 'server', server: 'ops' });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'unknown-tool-binding',
        severity: 'warning',
        tool: 'copilot:agents/a',
      }),
    ]);
    expect(findings[0]!.message).toContain('did you mean "runCommands"?');
  });

  it('a registry prompt resolves against registry tools only', () => {
    const prompt = {
      id: 'support/system',
      tools: ['Bash', 'issue_refund'],
      text: '',
      meta: {},
      source: { path: 'p.md', line: 2 },
    };
    const { findings } = resolveAgentBindings(prompt, { registryTools: ['issue_refund'] });
    expect(findings.map((finding) => finding.message)).toEqual([expect.stringContaining('binds "Bash"')]);
  });
});
