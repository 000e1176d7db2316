// What a release is built from and what a new user reads first agree with package.json.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const pkg = JSON.parse(read('package.json')) as { version: string; files: string[] };

describe('release files', () => {
  it('the version is semver and the CHANGELOG has its section (the release notes come from it)', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(read('CHANGELOG.md')).toMatch(
      new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    );
    expect(pkg.files).toContain('dist');
  });

  it('the README installs this version from a release, checks its sha256, and never by the npm name', () => {
    const readme = read('README.md');
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const lines = firstBlock.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines[0]).toMatch(/^npm ci && npm run demo\b/);
    expect(lines[1]).toMatch(/^npm ci && npm test\b/);
    expect(lines[2]).toContain(`V=${pkg.version};`);
    expect(lines[2]).toMatch(/sha256sum -c .*SHA256SUMS && npm install -g \.\/agentgate-\$V\.tgz$/);
    // the one mention is the warning itself
    expect(readme.replace('Never `npm install agentgate`', '')).not.toMatch(
      /npm (?:i|install)(?: -g)? agentgate\b(?!-)/,
    );
  });

  it('the pre-commit hooks run the agentgate on PATH', () => {
    const hooks = parse(read('.pre-commit-hooks.yaml')) as { id: string; entry: string; language: string }[];
    expect(hooks.map((hook) => hook.id)).toEqual(['agentgate-validate', 'agentgate-diff']);
    for (const hook of hooks) {
      expect(hook.entry).toMatch(/^agentgate /);
      expect(hook.language).toBe('system');
    }
    expect(hooks[1]?.entry).toBe('agentgate diff --fail-on control');
  });
});
