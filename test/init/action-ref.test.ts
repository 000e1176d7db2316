import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AGENTGATE_ACTION_SHA, DEFAULT_ACTION_REF, parseActionRef } from '../../src/init/action-ref.js';
import { workflowTemplate } from '../../src/init/templates/workflow.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PINNED = /^(?:\.\/[\w.\-/]*|[A-Za-z0-9][\w.-]*\/[\w.\-/]+@[0-9a-f]{40})$/;

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: { uses?: string; run?: string }[] }>;
}

describe('parseActionRef', () => {
  it('accepts a full commit sha, with or without a path inside the repository', () => {
    const sha = 'b'.repeat(40);
    expect(parseActionRef(`acme/agentgate@${sha}`)).toMatchObject({
      kind: 'pinned',
      use: { uses: `acme/agentgate@${sha}` },
    });
    expect(parseActionRef(`acme/tools/agentgate@${sha}`).kind).toBe('pinned');
    expect(parseActionRef('./')).toMatchObject({ kind: 'local', path: '', use: { uses: './' } });
    expect(parseActionRef('./.github/actions/agentgate/')).toMatchObject({
      kind: 'local',
      path: '.github/actions/agentgate',
    });
  });

  it('the default names a release by its sha and says which release it is', () => {
    expect(DEFAULT_ACTION_REF).toMatch(/^[\w-]+\/[\w.-]+@[0-9a-f]{40}$/);
    const parsed = parseActionRef(DEFAULT_ACTION_REF);
    expect(parsed.kind === 'pinned' && parsed.use.comment).toMatch(/^agentgate v\d/);
  });

  it('the default commit runs the action on node24 (a shallow clone must say it lacks the commit)', () => {
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    // git itself must work here: a missing git, or a folder that is not a repository, fails this test
    const shallow = git('rev-parse', '--is-shallow-repository');
    expect(shallow.error, 'git could not run').toBeUndefined();
    expect(shallow.status, `git rev-parse failed: ${shallow.stderr}`).toBe(0);
    const shown = git('cat-file', 'blob', `${AGENTGATE_ACTION_SHA}:action.yml`);
    if (shown.status !== 0 && shallow.stdout.trim() === 'true') {
      // only a shallow clone may lack the release commit; it must be missing, not unreadable for another reason
      expect(git('cat-file', '-e', `${AGENTGATE_ACTION_SHA}^{commit}`).status).not.toBe(0);
      return;
    }
    expect(shown.status, `git cat-file ${AGENTGATE_ACTION_SHA}:action.yml failed: ${shown.stderr}`).toBe(0);
    expect(shown.stdout).toMatch(/using: node24/);
  });

  it('property: whatever it accepts is one token that is a full sha or a path inside the repository', () => {
    const pieces = fc.constantFrom(
      'acme',
      'agentgate',
      '/',
      '@',
      '.',
      '..',
      './',
      'v1',
      '\n',
      ' ',
      '#',
      '$',
      '-',
    );
    const hex = fc.stringMatching(/^[0-9a-fA-F]{0,41}$/);
    const nearlyValid = fc
      .tuple(
        fc.constantFrom('acme', 'a-b', '-x', ''),
        fc.constantFrom('agentgate', 'x.y/sub', '..', ''),
        fc.stringMatching(/^[0-9a-f]{40}$/),
        fc.constantFrom('', '\n', ' x', '#', '0'),
      )
      .map(([owner, repo, sha, tail]) => `${owner}/${repo}@${sha}${tail}`);
    const candidate = fc.oneof(
      fc.string(),
      nearlyValid,
      fc.array(fc.oneof(pieces, hex), { maxLength: 8 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(candidate, (value) => {
        const parsed = parseActionRef(value);
        if (parsed.kind === 'invalid') {
          expect(parsed.reason).toMatch(/^--action-ref: /);
          expect([...parsed.reason].some((ch) => ch.charCodeAt(0) < 0x20)).toBe(false);
          return;
        }
        expect(parsed.use.uses).toMatch(PINNED);
        expect(parsed.use.uses.split('/')).not.toContain('..');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the workflows', () => {
  const workflowDir = `${ROOT}.github/workflows/`;
  const files = readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name));

  it("this repository's agentgate workflow is the one init writes, with the action at ./", () => {
    const local = parseActionRef('./');
    if (local.kind !== 'local') throw new Error('./ must parse');
    expect(readFileSync(`${workflowDir}agentgate.yml`, 'utf8')).toBe(workflowTemplate(local.use));
  });

  it.each(files)('%s pins every action by full sha and installs no package by name', (name) => {
    const workflow = parse(readFileSync(`${workflowDir}${name}`, 'utf8')) as Workflow;
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.uses !== undefined) expect(step.uses).toMatch(PINNED);
        if (step.run !== undefined) expect(step.run).not.toMatch(/\bnpx\b|\bnpm (?:i|install|ci|exec)\b/);
      }
    }
  });

  it('the template answers pull requests, reviews, comments and the merge queue', () => {
    const workflow = parse(
      workflowTemplate({ uses: `acme/agentgate@${'c'.repeat(40)}`, comment: 'x' }),
    ) as Workflow;
    expect(Object.keys(workflow.on).sort()).toEqual(
      ['issue_comment', 'merge_group', 'pull_request_review', 'pull_request_target'].sort(),
    );
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(
      steps.filter((step) => step.uses !== undefined).every((step) => PINNED.test(step.uses ?? '')),
    ).toBe(true);
  });

  it('action.yml runs on node24', () => {
    const action = parse(readFileSync(`${ROOT}action.yml`, 'utf8')) as { runs: { using: string } };
    expect(action.runs.using).toBe('node24');
  });
});
