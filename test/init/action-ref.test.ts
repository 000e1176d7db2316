import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { BuildInfo } from '../../src/model/build-info.js';
import { AGENTGATE_ACTION_REPOSITORY, parseActionRef, pinSelf } from '../../src/init/action-ref.js';
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

  it('a release build pins its own commit and says which release it is', () => {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const pinned = pinSelf(build({ commit, release: true, reason: null }));
    expect(pinned).toEqual({
      kind: 'pinned',
      use: { uses: `${AGENTGATE_ACTION_REPOSITORY}@${commit}`, comment: 'agentgate v0.4.0' },
    });
    const fork = pinSelf(build({ commit, release: true, reason: null, repository: 'acme/agentgate' }));
    expect(fork.kind === 'pinned' && fork.use.uses).toBe(`acme/agentgate@${commit}`);
  });

  it.each([
    ['a dirty tree', { reason: 'the working tree had uncommitted changes' }],
    ['an untagged commit', { reason: 'no tag v0.4.0 in this clone' }],
    ['no git', { commit: null, reason: 'not built from a git clone: commit unknown' }],
    ['a release claim with no commit', { commit: null, release: true, reason: null }],
  ])('a build from %s refuses to pin itself, in one line naming --action-ref', (_what, fields) => {
    const refused = pinSelf(build(fields));
    expect(refused.kind).toBe('invalid');
    const reason = refused.kind === 'invalid' ? refused.reason : '';
    expect(reason).toContain('--action-ref ./.github/actions/agentgate');
    expect(reason).toContain('OWNER/REPO@<40-hex commit sha>');
    expect(reason).toContain('0.4.0-dev');
    expect(reason).not.toContain('\n');
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

function build(fields: Partial<BuildInfo>): BuildInfo {
  return {
    name: 'agentgate',
    version: '0.4.0',
    commit: 'c'.repeat(40),
    release: false,
    reason: 'no tag v0.4.0 in this clone',
    repository: null,
    ...fields,
  };
}

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
    // agentgate's own CI and release build agentgate from its lockfile (npm ci) and try the package they made
    const buildsItself = name === 'ci.yml' || name === 'release.yml';
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) {
        if (step.uses !== undefined) expect(step.uses).toMatch(PINNED);
        if (step.uses !== undefined && !step.uses.startsWith('./'))
          expect(readFileSync(`${workflowDir}${name}`, 'utf8')).toContain(`${step.uses} # v`);
        if (step.run === undefined) continue;
        if (buildsItself)
          expect(step.run).not.toMatch(/\bnpx\b|\bnpm (?:i|install|exec) +(?!--prefix)[a-z@]/);
        else expect(step.run).not.toMatch(/\bnpx\b|\bnpm (?:i|install|ci|exec)\b/);
      }
    }
  });

  it("agentgate's own CI runs .ci/run on pushes and pull requests on the lowest Node engines admits and 24", () => {
    const ci = parse(readFileSync(`${workflowDir}ci.yml`, 'utf8')) as Workflow & {
      jobs: Record<string, { strategy: { matrix: { node: string[] } } }>;
    };
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    const job = Object.values(ci.jobs)[0];
    const engines = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { engines: { node: string } })
      .engines.node;
    const lowest = /(\d+\.\d+\.\d+)/.exec(engines)?.[1];
    expect(job?.strategy.matrix.node).toEqual([lowest, '24']);
    expect(job?.steps.some((step) => step.run === '.ci/run')).toBe(true);
  });

  it("agentgate's own release runs from a tag v*", () => {
    const release = parse(readFileSync(`${workflowDir}release.yml`, 'utf8')) as Workflow;
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
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
