import { closeSync, cpSync, openSync, readFileSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BUNDLE_BYTES } from '../../src/load/load-bundle.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let repo: TempRepo;
let bundlePath: string;

beforeEach(async () => {
  repo = await createTempRepo();
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(ROOT, path), join(repo.dir, path), { recursive: true });
  await repo.commit('example agents');
  const released = runCli(['release', '--plane', 'control', '--out', 'out', '--no-tag'], { cwd: repo.dir });
  expect(released.code).toBe(0);
  bundlePath = join(repo.dir, 'out/agentgate-control-v1.json');
});
afterEach(() => repo.cleanup());

const INTENT_TEXT: Record<string, object> = {
  'describe.json': { tool: 'describe_db_instances', args: { region: 'eu-west-1' } },
  'delete-prod.json': {
    tool: 'delete_db_instance',
    args: { db_instance_id: 'prod-database-main', snapshot_id: 'snap-1' },
    changeRequest: 'CHG-1234',
  },
};

const check = (intent: string, ...args: string[]) => {
  writeFileSync(join(repo.dir, intent), JSON.stringify(INTENT_TEXT[intent]));
  return runCli(['intent', 'check', intent, '--format', 'json', ...args], { cwd: repo.dir });
};

describe('the runtime on a released control bundle', () => {
  it('enforces exactly the bundled tools and policies, without reading the working tree', () => {
    // the working tree loses the tool after the release: the bundle still decides
    repo.remove('registry/tools/cloud/db-instances.yaml');
    expect(check('describe.json', '--bundle', bundlePath).code).toBe(0);
    const prod = check('delete-prod.json', '--bundle', bundlePath);
    expect(prod.code).toBe(1);
    expect(JSON.parse(prod.stdout)).toMatchObject({ decision: 'deny' });
    expect(prod.stdout).toContain('protected');
    // and the working tree alone no longer knows the tool
    expect(JSON.parse(check('describe.json').stdout).decision).toBe('deny');
  });

  it('allows only what an agent of the bundle binds', () => {
    const result = check('describe.json', '--bundle', bundlePath, '--agent', 'support/system');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('tool-not-bound');
  });

  it('refuses a tampered bundle whole, in one line, exit 2', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    bundle.tools = bundle.tools.map((tool: { name: string; policy?: unknown }) =>
      tool.name === 'delete_db_instance' ? { ...tool, policy: undefined } : tool,
    );
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const result = check('delete-prod.json', '--bundle', bundlePath);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain("field 'digest'");
  });

  it('refuses a data bundle and a file that is not JSON', () => {
    expect(runCli(['release', '--plane', 'data', '--out', 'out', '--no-tag'], { cwd: repo.dir }).code).toBe(
      0,
    );
    const data = check('describe.json', '--bundle', join(repo.dir, 'out/agentgate-data-v1.json'));
    expect(data.code).toBe(2);
    expect(data.stderr).toContain("field 'plane'");
    writeFileSync(join(repo.dir, 'junk.json'), '{ not json');
    expect(check('describe.json', '--bundle', join(repo.dir, 'junk.json')).code).toBe(2);
  });

  it('guard refuses a tampered bundle before it starts the server', () => {
    const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
    bundle.bindings = [];
    writeFileSync(bundlePath, JSON.stringify(bundle));
    const marker = join(repo.dir, 'started');
    const result = runCli(
      [
        'guard',
        '--bundle',
        bundlePath,
        '--',
        process.execPath,
        '-e',
        `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
      ],
      { cwd: repo.dir, input: '' },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("field 'digest'");
    expect(() => readFileSync(marker)).toThrow();
  });
});

describe('a bundle re-sealed around hostile contents', () => {
  it('refuses in one line, naming the field, a tool whose fields have the wrong shapes', async () => {
    const { bundleDigest } = await import('../../src/core/release/bundle.js');
    const path = bundlePath;
    const bundle = JSON.parse(readFileSync(path, 'utf8'));
    bundle.tools = bundle.tools.map((tool: { name: string }) =>
      tool.name === 'describe_db_instances'
        ? { name: tool.name, scopes: 'rds:*', inputSchema: 'anything', policy: ['x'], annotations: 7 }
        : tool,
    );
    bundle.digest = bundleDigest(bundle);
    writeFileSync(path, JSON.stringify(bundle));
    const result = check('describe.json', '--bundle', path);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringContaining("field 'tools[1].scopes': must be an array of strings"),
    ]);
  });
});

describe('the bundle size cap', () => {
  /** The released bundle, then JSON whitespace streamed up to `size` bytes: still the same valid bundle. */
  function padBundle(path: string, size: number): void {
    const text = readFileSync(bundlePath);
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, text);
      const spaces = Buffer.alloc(1024 * 1024, ' ');
      for (let left = size - text.length; left > 0; left -= spaces.length)
        writeSync(fd, spaces, 0, Math.min(left, spaces.length));
    } finally {
      closeSync(fd);
    }
  }

  const refusedForSize = (result: { code: number; stdout: string; stderr: string }) => {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('bundle is over 64 MiB')]);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  };

  it('is 64 MiB', () => {
    expect(MAX_BUNDLE_BYTES).toBe(64 * 1024 * 1024);
  });

  it('reads a bundle of exactly the cap and enforces it', () => {
    const path = join(repo.dir, 'padded.json');
    padBundle(path, MAX_BUNDLE_BYTES);
    expect(readFileSync(path).length).toBe(MAX_BUNDLE_BYTES);
    const allowed = check('describe.json', '--bundle', path);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(check('delete-prod.json', '--bundle', path).code).toBe(1);
  });

  it('refuses a bundle one byte over the cap in one line, exit 2', () => {
    // sparse: a valid bundle's bytes, then zeros no disk block holds
    const path = join(repo.dir, 'over.json');
    cpSync(bundlePath, path);
    truncateSync(path, MAX_BUNDLE_BYTES + 1);
    refusedForSize(check('describe.json', '--bundle', path));
  });

  it('judges a file on its size before reading it: 8 GiB is turned away, not loaded', () => {
    const path = join(repo.dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, 8 * 1024 * 1024 * 1024);
    refusedForSize(check('describe.json', '--bundle', path));
  });

  it('stops reading a device that never ends one byte past the cap', () => {
    refusedForSize(check('describe.json', '--bundle', '/dev/zero'));
  });
});
