import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { BuildInfo } from '../../src/model/build-info.js';
import { runInitOrg } from '../../src/cli/actions/init-org.js';
import { parseConfig } from '../../src/core/plane/config.js';
import { parseFloor } from '../../src/core/floor/parse-floor.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agentgate-org-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const PATHS = [
  'floor.yaml',
  '.github/workflows/agentgate-required.yml',
  '.github/workflows/agentgate-inventory.yml',
];
const read = (path: string) => readFileSync(join(dir, 'central', path), 'utf8');

function usesOf(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => usesOf(v, out));
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'uses' && typeof inner === 'string') out.push(inner);
      else usesOf(inner, out);
    }
  return out;
}

// the agentgate that writes the central repository pins itself when it is a release
const RELEASE: BuildInfo = {
  name: 'agentgate',
  version: '0.2.0',
  commit: 'c'.repeat(40),
  release: true,
  reason: null,
  repository: 'agentgate/agentgate',
};

describe('init --org', () => {
  it('refuses to pin a build that is not a release, naming --action-ref', () => {
    const dev: BuildInfo = { ...RELEASE, release: false, reason: 'the tree is dirty' };
    expect(() => runInitOrg({ dir: 'dev' }, dir, () => undefined, dev)).toThrow(/--action-ref/);
  });

  it('writes the floor and two workflows that parse, pin every action by full sha and bound the matrix', () => {
    const lines: string[] = [];
    expect(runInitOrg({ dir: 'central', maxJobs: '40' }, dir, (l) => lines.push(l), RELEASE)).toBe(0);
    expect(lines.join('\n')).toContain('agentgate-inventory.yml');
    const floor = parseFloor(read('floor.yaml'), 'floor.yaml');
    expect(floor.kind).toBe('ok');
    expect(parseConfig(read('floor.yaml'), 'floor.yaml').errors).toEqual([]);
    for (const path of PATHS.slice(1)) {
      const workflow = parse(read(path)) as { jobs: Record<string, unknown>; permissions: unknown };
      const uses = usesOf(workflow.jobs);
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses)
        expect(use, `${path}: ${use}`).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/);
      expect(workflow.permissions).toBeTruthy();
      expect(uses.some((u) => u.startsWith('actions/create-github-app-token@'))).toBe(true);
    }
    const inventory = parse(read(PATHS[2]!)) as {
      env: Record<string, string>;
      jobs: Record<
        string,
        { strategy?: { matrix: unknown; 'fail-fast': boolean }; steps?: { run?: string }[] }
      >;
    };
    expect(inventory.env.MAX_JOBS).toBe('40');
    expect(inventory.jobs.inventory?.strategy?.['fail-fast']).toBe(false);
    const text = read(PATHS[2]!);
    expect(text).toContain('/installation/repositories');
    expect(text).toContain('x-ratelimit-remaining');
    expect(text).toContain('--upload');
    expect(text).toContain('inventory merge');
    const required = read(PATHS[1]!);
    expect(required).toContain('floor: .agentgate-central/floor.yaml');
    expect(required).toMatch(/Evaluate mode/);
  });

  it('defaults to 256 jobs and refuses more, or anything not a whole number', () => {
    runInitOrg({ dir: 'central' }, dir, () => undefined, RELEASE);
    expect((parse(read(PATHS[2]!)) as { env: Record<string, string> }).env.MAX_JOBS).toBe('256');
    for (const bad of ['257', '0', '-1', '1.5', 'many', '1e3'])
      expect(() => runInitOrg({ dir: 'other', maxJobs: bad }, dir, () => undefined, RELEASE)).toThrow(
        /--max-jobs/,
      );
  });

  it('overwrites nothing without --force, and refuses a local action', () => {
    runInitOrg({ dir: 'central' }, dir, () => undefined, RELEASE);
    expect(() => runInitOrg({ dir: 'central' }, dir, () => undefined, RELEASE)).toThrow(/--force/);
    expect(runInitOrg({ dir: 'central', force: true }, dir, () => undefined, RELEASE)).toBe(0);
    expect(() => runInitOrg({ dir: 'x', actionRef: './' }, dir, () => undefined, RELEASE)).toThrow(/40-hex/);
    expect(() =>
      runInitOrg({ dir: 'x', actionRef: 'acme/agentgate@v1' }, dir, () => undefined, RELEASE),
    ).toThrow(/sha/);
  });
});
