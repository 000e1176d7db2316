import { describe, expect, it } from 'vitest';
import { registryBindingKind } from '../../../src/core/agents/registry-bindings.js';
import { validateRegistry } from '../../../src/core/checks/validate-registry.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import type { DiffReport } from '../../../src/model/types.js';
import { diffTrees } from '../../helpers/diff-trees.js';
import type { Files } from '../../helpers/diff-trees.js';

// A registry prompt may bind a whole server or one of its tools. `validate` and composition resolve such a binding
// with the resolver the diff and the runtime use: `srv/*` is validated and composed exactly like the tools it grants.

const SERVER =
  'apiVersion: agentgate/v1\nkind: McpServer\nname: srv\n' +
  'transport: { command: srv-bin }\negress: [api.example.com]\n' +
  'tools:\n' +
  '  - { name: read_ticket, effect: read, untrustedInput: true }\n' +
  '  - { name: delete_repo, effect: irreversible }\n';
const prompt = (tools: string[]) =>
  `---\nid: triage\nversion: 1\ntools: [${tools.join(', ')}]\n---\nTriage.\n`;
const tree = (tools: string[]): Files => ({
  'registry/tools/srv.yaml': SERVER,
  'registry/prompts/triage.md': prompt(tools),
});
const base = tree(['read_ticket']);
const flowsOf = (report: DiffReport) =>
  report.planes.control.flows.added.map(({ agent, kind, sources, sinks }) => ({
    agent,
    kind,
    sources,
    sinks,
  }));
const bindingErrors = (report: DiffReport) =>
  report.findings.filter((finding) => finding.code === 'unknown-tool-binding');

describe('registry prompt bindings resolve once', () => {
  const explicit = diffTrees(base, tree(['read_ticket', 'delete_repo']));

  it('the explicit tools compose an untrusted-to-action path (the reference)', () => {
    expect(flowsOf(explicit)).toEqual([
      expect.objectContaining({ agent: 'triage', kind: 'untrusted-to-action' }),
    ]);
  });

  it.each(['srv/*', 'mcp__srv', 'srv', '"*"'])(
    '%s composes like the tools it grants and validates',
    (binding) => {
      const report = diffTrees(base, tree([binding]));
      expect(flowsOf(report)).toEqual(flowsOf(explicit));
      expect(bindingErrors(report)).toEqual([]);
    },
  );

  it('srv/tool binds that tool alone: no path without the sink', () => {
    const report = diffTrees(base, tree(['srv/read_ticket']));
    expect(flowsOf(report)).toEqual([]);
    expect(bindingErrors(report)).toEqual([]);
  });

  it('a server nobody declares is still an unknown binding, and composes nothing', () => {
    const report = diffTrees(base, tree(['other/*']));
    expect(flowsOf(report)).toEqual([]);
    expect(bindingErrors(report)).toHaveLength(1);
    expect(bindingErrors(report)[0]!.message).toContain('other/*');
  });

  it('validate, given the shared resolver, accepts what the runtime grants and refuses the rest', () => {
    const files = Object.entries(tree(['srv/*', 'mcp__srv__delete_repo', '"*"', 'nope/*'])).map(
      ([path, text]) => ({ path, text, oid: text }),
    );
    const { registry } = parseSnapshot(files, [], DEFAULT_CONFIG);
    const findings = validateRegistry(registry, { bindingKind: registryBindingKind(registry) });
    const refused = findings.filter((f) => f.code === 'unknown-tool-binding');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toContain('nope/*');
  });
});
