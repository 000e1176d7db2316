import { describe, expect, it } from 'vitest';
import { decideBuild, parseBuildInfo, versionText } from '../../src/model/build-info.js';
import type { BuildInfo } from '../../src/model/build-info.js';

const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

describe('decideBuild', () => {
  it('a clean tree at the commit tag v<version> names is a release', () => {
    const info = decideBuild('0.2.0', { kind: 'git', commit: SHA, dirty: false, tagCommit: SHA }, 'acme/ag');
    expect(info).toEqual({
      name: 'agentgate',
      version: '0.2.0',
      commit: SHA,
      release: true,
      reason: null,
      repository: 'acme/ag',
    });
    expect(versionText(info)).toBe(`0.2.0 (${SHA})`);
  });

  it.each([
    ['a dirty tree', { dirty: true, tagCommit: SHA }, 'the working tree had uncommitted changes'],
    ['no tag', { dirty: false, tagCommit: null }, 'no tag v0.2.0 in this clone'],
    ['a tag on another commit', { dirty: false, tagCommit: OTHER }, 'tag v0.2.0 names bbbbbbbbbbbb'],
  ])('%s is not a release, and --version says why', (_what, state, why) => {
    const info = decideBuild('0.2.0', { kind: 'git', commit: SHA, ...state });
    expect(info.release).toBe(false);
    expect(info.reason).toContain(why);
    expect(versionText(info)).toBe(`0.2.0-dev (${SHA})\nnot a release: ${info.reason}`);
  });

  it('no git: commit unknown, not a release', () => {
    const info = decideBuild('0.2.0', { kind: 'no-git', reason: 'git was not available' });
    expect(info).toMatchObject({ commit: null, release: false });
    expect(versionText(info)).toBe(
      '0.2.0-dev (commit unknown)\nnot a release: git was not available: commit unknown',
    );
  });

  it('a sha256 repository commit is recorded as unknown, never as a release', () => {
    const long = 'c'.repeat(64);
    const info = decideBuild('0.2.0', { kind: 'git', commit: long, dirty: false, tagCommit: long });
    expect(info).toMatchObject({ commit: null, release: false });
  });

  it('a repository name that is not OWNER/NAME is dropped', () => {
    const state = { kind: 'git' as const, commit: SHA, dirty: false, tagCommit: SHA };
    expect(decideBuild('0.2.0', state, 'acme/ag\n- run: evil').repository).toBeNull();
    expect(decideBuild('0.2.0', state, '../x').repository).toBeNull();
  });
});

describe('parseBuildInfo: a recorded file is trusted only as far as it is well formed', () => {
  const good: BuildInfo = {
    name: 'agentgate',
    version: '0.2.0',
    commit: SHA,
    release: true,
    reason: null,
    repository: null,
  };

  it('reads back what decideBuild wrote', () => {
    expect(parseBuildInfo(JSON.parse(JSON.stringify(good)), '9.9.9')).toEqual(good);
  });

  it.each([
    ['a short commit', { ...good, commit: 'abc1234' }],
    ['an upper-case commit', { ...good, commit: SHA.toUpperCase() }],
    ['release as a string', { ...good, release: 'true' }],
    ['a release that also says why not', { ...good, reason: 'dirty' }],
    ['no commit', { ...good, commit: undefined }],
  ])('%s is not a release', (_what, value) => {
    const info = parseBuildInfo(value, '9.9.9');
    expect(info.release).toBe(false);
    expect(versionText(info)).toMatch(/^0\.2\.0-dev \(/);
  });

  it.each([null, 'text', 42, [], {}])('%j is a dev build of the package version', (value) => {
    const info = parseBuildInfo(value, '9.9.9');
    expect(info).toMatchObject({ version: '9.9.9', commit: null, release: false });
  });

  it('a reason with line breaks or escapes prints on one line', () => {
    const info = parseBuildInfo({ ...good, release: false, reason: 'a\nb\u001b[31mc' }, '9.9.9');
    expect(versionText(info).split('\n')).toHaveLength(2);
    expect(versionText(info)).not.toContain('\u001b');
  });

  it('a version that is not semver falls back to the package version', () => {
    expect(parseBuildInfo({ ...good, version: '1.0\n' }, '9.9.9').version).toBe('9.9.9');
  });
});
