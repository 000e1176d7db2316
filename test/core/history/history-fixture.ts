// A registry with a real first-parent history: tools added, widened, moved and removed, a prompt bound to a tool
// on a branch merged with --no-ff, and a gate file changed.
import { createTempRepo, runTestGit } from '../../helpers/temp-repo.js';
import type { TempRepo } from '../../helpers/temp-repo.js';

export const tool = (
  name: string,
  effect: string,
  scopes: string[],
  extra = '',
): string => `apiVersion: agentgate/v1
kind: Tool
name: ${name}
description: ${name} for tests.
effect: ${effect}
scopes: [${scopes.join(', ')}]
${extra}`;

export const prompt = (version: number, tools: string[], text: string): string => `---
id: support/system
version: ${version}
tools: [${tools.join(', ')}]
---
${text}
`;

export interface HistoryRepo {
  repo: TempRepo;
  /** commit shas by step name */
  shas: Record<'base' | 'refund' | 'widen' | 'prompt' | 'merge' | 'move' | 'config' | 'remove', string>;
}

export async function createHistoryRepo(): Promise<HistoryRepo> {
  const repo = await createTempRepo();
  repo.write('agentgate.yaml', 'version: 1\n');
  repo.write(
    'registry/tools/read-ticket.yaml',
    tool('read_ticket', 'read', ['tickets:read'], 'untrustedInput: true\n'),
  );
  repo.write('registry/prompts/support/system.md', prompt(1, ['read_ticket'], 'You are a support agent.'));
  const base = await repo.commit('base registry');
  repo.write('registry/tools/issue-refund.yaml', tool('issue_refund', 'irreversible', ['billing:refund']));
  const refund = await repo.commit('add issue_refund');
  repo.write(
    'registry/tools/read-ticket.yaml',
    tool('read_ticket', 'read', ['tickets:read', 'tickets:*'], 'untrustedInput: true\n'),
  );
  const widen = await repo.commit('widen read_ticket');
  repo.branch('feature');
  repo.checkout('feature');
  repo.write(
    'registry/prompts/support/system.md',
    prompt(2, ['read_ticket', 'issue_refund'], 'You are a support agent who refunds.'),
  );
  const promptSha = await repo.commit('bind issue_refund');
  repo.checkout('main');
  // dated with the branch's commit, so that history stays in date order
  const date = `@${Date.UTC(2024, 0, 1) / 1000 + 3} +0000`;
  runTestGit(repo.dir, ['merge', '-q', '--no-ff', 'feature', '-m', 'Merge feature'], {
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  });
  const merge = repo.git('rev-parse', 'HEAD');
  repo.move('registry/tools/issue-refund.yaml', 'registry/tools/billing/issue-refund.yaml');
  const move = await repo.commit('move issue_refund');
  repo.write('agentgate.yaml', 'version: 1\nplanes:\n  control:\n    maxRadius: irreversible\n');
  const config = await repo.commit('tighten maxRadius');
  repo.remove('registry/tools/billing/issue-refund.yaml');
  const remove = await repo.commit('remove issue_refund');
  return { repo, shas: { base, refund, widen, prompt: promptSha, merge, move, config, remove } };
}
