import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPackagePin } from '../../../src/sources/kit/package-pins.js';

const kind = (command: string, args: string[]) => checkPackagePin(command, args).kind;

describe('checkPackagePin', () => {
  it.each([
    ['npx', ['-y', '@scope/pkg']],
    ['npx', ['pkg']],
    ['npx', ['pkg@latest']],
    ['npx', ['-y', 'pkg@^1.2.0']],
    ['bunx', ['-y', 'pkg']],
    ['pnpm', ['dlx', 'pkg']],
    ['npm', ['exec', '--', 'pkg']],
    ['uvx', ['mcp-server-fetch']],
    ['uvx', ['--from', 'git+https://github.com/x/y', 'y']],
    ['pipx', ['run', 'pkg']],
    ['uv', ['tool', 'run', 'pkg']],
    ['docker', ['run', '-i', '--rm', '-e', 'TOKEN', 'ghcr.io/x/y:latest']],
    ['docker', ['run', '-i', 'x/y']],
    ['/usr/local/bin/npx', ['-y', 'pkg']],
    ['npx.cmd', ['pkg']],
  ])('flags %s %j as unpinned', (command, args) => {
    expect(kind(command, args)).toBe('unpinned');
  });

  it.each([
    ['npx', ['-y', '@scope/pkg@1.2.3']],
    ['npx', ['-p', 'pkg@1.0.0', 'pkg-cli']],
    ['bunx', ['pkg@0.1.0-beta.2']],
    ['uvx', ['mcp-server-fetch==2025.4.7']],
    ['uvx', ['--from', 'pkg==1.2.3', 'cli']],
    ['pipx', ['run', '--spec', 'pkg==1.0.0', 'cli']],
    ['docker', ['run', '-i', '--rm', 'x/y@sha256:' + 'a'.repeat(64)]],
  ])('accepts %s %j as pinned', (command, args) => {
    expect(kind(command, args)).toBe('pinned');
  });

  it.each([
    ['node', ['server.js']],
    ['npx', ['./local/bin.js']],
    ['npx', ['${CLAUDE_PLUGIN_ROOT}/x']],
    ['docker', ['compose', 'up']],
    ['gh', ['aw', 'mcp-server']],
    ['npx', []],
  ])('leaves %s %j alone', (command, args) => {
    expect(kind(command, args)).toBe('not-a-launcher');
  });

  it('pins exactly when an exact version is given (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
    const version = fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99)).map((v) => v.join('.'));
    fc.assert(
      fc.property(name, version, fc.boolean(), (pkg, ver, yes) => {
        const flags = yes ? ['-y'] : [];
        expect(kind('npx', [...flags, `${pkg}@${ver}`])).toBe('pinned');
        expect(kind('npx', [...flags, pkg])).toBe('unpinned');
        expect(kind('uvx', [`${pkg}==${ver}`])).toBe('pinned');
        expect(kind('uvx', [pkg])).toBe('unpinned');
      }),
    );
  });
});
