import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';

let home: string;
afterEach(() => rmSync(home, { recursive: true, force: true }));

function run(env: Record<string, string> = {}) {
  return runCli(['validate'], { cwd: home, env: { XDG_CACHE_HOME: home, ...env } });
}
const cacheFiles = () => readdirSync(join(home, 'agentgate')).filter((f) => f.endsWith('.v8'));

// `validate` is a hot command: it starts through the cached-data loader on every Node
describe('the cached-data start: where the cache lives and how it is kept (every Node)', () => {
  it('writes a per-user, per-command cache on the first run and starts from it afterwards', () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    const first = run();
    expect(first.code).toBe(0);
    const [file] = cacheFiles();
    expect(file).toMatch(/^cli-[0-9a-f]{16}-validate-[0-9a-f]{32}\.v8$/);
    const path = join(home, 'agentgate', file as string);
    expect(statSync(path).mode & 0o077).toBe(0);
    expect(statSync(join(home, 'agentgate')).mode & 0o077).toBe(0);
    const written = statSync(path).mtimeMs;
    const second = run();
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(path).mtimeMs).toBe(written);
  });

  it("removes other builds' week-old caches when it writes its own", () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    run();
    const stale = join(home, 'agentgate', 'cli-0123456789abcdef-v20.0.0-x64-schema.v8');
    const unrelated = join(home, 'agentgate', 'notes.txt');
    writeFileSync(stale, 'old');
    const monthAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    utimesSync(stale, monthAgo, monthAgo);
    writeFileSync(unrelated, 'kept');
    for (const file of cacheFiles()) if (!stale.endsWith(file)) rmSync(join(home, 'agentgate', file));
    expect(run().code).toBe(0);
    expect(readdirSync(join(home, 'agentgate')).sort()).toEqual([
      expect.stringMatching(/^cli-[0-9a-f]{16}-validate-[0-9a-f]{32}\.v8$/),
      'notes.txt',
    ]);
    expect(cacheFiles()).not.toContain('cli-0123456789abcdef-v20.0.0-x64-schema.v8');
  });

  it("keeps another build's recent cache: two installed versions do not evict each other on every start", () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    run();
    const other = join(home, 'agentgate', 'cli-0123456789abcdef-v20.0.0-x64-schema.v8');
    writeFileSync(other, 'another install, used today');
    for (const file of cacheFiles()) if (!other.endsWith(file)) rmSync(join(home, 'agentgate', file));
    expect(run().code).toBe(0);
    expect(cacheFiles()).toContain('cli-0123456789abcdef-v20.0.0-x64-schema.v8');
    expect(cacheFiles()).toHaveLength(2);
  });

  it('survives a corrupt cache: V8 refuses it, the CLI compiles and rewrites it', () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    const clean = run();
    const [file] = cacheFiles();
    const path = join(home, 'agentgate', file as string);
    writeFileSync(path, Buffer.alloc(4096, 0xab));
    const again = run();
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(clean.stdout);
    expect(statSync(path).size).not.toBe(4096);
  });

  it('neither reads nor writes a cache in a directory others can write to, or when switched off', () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    run();
    for (const file of cacheFiles()) rmSync(join(home, 'agentgate', file));
    chmodSync(join(home, 'agentgate'), 0o777);
    expect(run().code).toBe(0);
    expect(cacheFiles()).toEqual([]);
    rmSync(join(home, 'agentgate'), { recursive: true });
    expect(run({ AGENTGATE_NO_CODE_CACHE: '1' }).code).toBe(0);
    expect(readdirSync(home)).toEqual([]);
  });
});

/** A private copy of the entry and `validate`'s single file, so that a test can edit the source it starts. */
function copyCli(into: string): string {
  const bin = join(into, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const name of ['agentgate.js', 'cached-start.cjs', 'code-cache-dir.cjs', 'cli-validate.cjs'])
    copyFileSync(join(dirname(CLI_PATH), name), join(bin, name));
  writeFileSync(join(into, 'package.json'), '{"type":"module"}');
  return bin;
}

describe('the cached-data start of the hot commands (every Node)', () => {
  const validate = (bin: string, env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(bin, 'agentgate.js'), 'validate'], {
      cwd: home,
      env: { ...process.env, XDG_CACHE_HOME: join(home, 'cache'), ...env },
      encoding: 'utf8',
    });
  const caches = () => readdirSync(join(home, 'cache', 'agentgate')).filter((f) => f.endsWith('.v8'));

  it('never runs a cache made for another source of the same length (V8 checks only the length)', () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    const bin = copyCli(join(home, 'cli'));
    const first = validate(bin);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^ok: /);
    expect(caches()).toHaveLength(1);
    // the same length, one letter changed in what the command prints
    const file = join(bin, 'cli-validate.cjs');
    const before = readFileSync(file, 'utf8');
    const after = before.replace('`ok: ${', '`OK: ${');
    expect(after).not.toBe(before);
    expect(after.length).toBe(before.length);
    writeFileSync(file, after);
    const edited = validate(bin);
    expect(edited.status).toBe(0);
    expect(edited.stdout).toMatch(/^OK: /);
    // a cache of its own, made for the edited source, beside the first one
    expect(caches()).toHaveLength(2);
    expect(validate(bin).stdout).toMatch(/^OK: /);
    expect(caches()).toHaveLength(2);
  });

  it('keeps one cache per set of Node options: a cache is read only under the options it was made with', () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    const bin = copyCli(join(home, 'cli'));
    expect(validate(bin).status).toBe(0);
    expect(validate(bin, { NODE_OPTIONS: '--max-old-space-size=300' }).status).toBe(0);
    const [a, b, ...rest] = caches();
    expect(rest).toEqual([]);
    expect(a).toMatch(/^cli-[0-9a-f]{16}-validate-[0-9a-f]{32}\.v8$/);
    expect(b).toMatch(/^cli-[0-9a-f]{16}-validate-[0-9a-f]{32}\.v8$/);
    expect(a).not.toBe(b);
  });

  it('uses the cache it wrote: a second start writes nothing', () => {
    home = mkdtempSync(join(tmpdir(), 'agentgate-cache-'));
    const bin = copyCli(join(home, 'cli'));
    const first = validate(bin);
    const [file] = caches();
    const path = join(home, 'cache', 'agentgate', file as string);
    const written = statSync(path).mtimeMs;
    const second = validate(bin);
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(path).mtimeMs).toBe(written);
    expect(statSync(path).mode & 0o077).toBe(0);
  });
});
