import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ghAwBodyHash,
  isGhAwLockPath,
  lockOfWorkflow,
  readGhAwFacts,
  readLockHeader,
  workflowOfLock,
} from '../../../src/sources/formats/gh-aw-lock.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const MD = '.github/workflows/triage.md';
const header = (meta: unknown, rest = 'name: triage\non: issues\n') =>
  `# gh-aw-metadata: ${JSON.stringify(meta)}\n# gh-aw-manifest: {"version":1}\n# generated, do not edit\n${rest}`;

describe('gh-aw lock paths', () => {
  it('pairs a lock with the .md beside it, at any depth under .github/workflows', () => {
    expect(isGhAwLockPath('.github/workflows/triage.lock.yml')).toBe(true);
    expect(isGhAwLockPath('.github/workflows/team/triage.lock.yml')).toBe(true);
    expect(isGhAwLockPath('.github/workflows/triage.yml')).toBe(false);
    expect(isGhAwLockPath('app/.github/workflows/triage.lock.yml')).toBe(false);
    expect(isGhAwLockPath('.github/workflows/triage.lock.yaml')).toBe(false);
    expect(workflowOfLock('.github/workflows/triage.lock.yml')).toBe(MD);
    expect(lockOfWorkflow(MD)).toBe('.github/workflows/triage.lock.yml');
  });
});

describe('readLockHeader', () => {
  it('reads a v4 header: its body hash, and whether the lock reads the .md when it runs', () => {
    const hash = sha('Triage the issue.');
    const text = header(
      { schema_version: 'v4', frontmatter_hash: 'f'.repeat(64), body_hash: hash },
      `jobs:\n  agent:\n    env:\n      PROMPT: "{{#runtime-import ${MD}}}"\n`,
    );
    expect(readLockHeader(text, MD)).toEqual({
      kind: 'read',
      schema: 'v4',
      bodyHash: hash,
      importsBody: true,
      shape: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // the shape leaves the body hash out: a lock recompiled for another body alone keeps it
    const other = text.replace(hash, sha('Other text.'));
    const shapeOf = (lock: string) => {
      const read = readLockHeader(lock, MD);
      return read.kind === 'read' ? read.shape : null;
    };
    expect(shapeOf(other)).toBe(shapeOf(text));
    expect(shapeOf(`${text}x: 1\n`)).not.toBe(shapeOf(text));
  });

  it('reads a v3 header that records no body hash; a runtime import of another file does not count', () => {
    const text = header(
      { schema_version: 'v3', frontmatter_hash: 'a'.repeat(64) },
      'x: "{{#runtime-import .github/workflows/other.md}}"\ny: "{{#runtime-import .github/workflows/triageXmd}}"\n',
    );
    expect(readLockHeader(text, MD)).toEqual({
      kind: 'read',
      schema: 'v3',
      bodyHash: null,
      importsBody: false,
      shape: sha(text),
    });
  });

  it('holds what it cannot read: no header, broken JSON, odd shapes, a v4 without its body hash', () => {
    const cases: [string, RegExp][] = [
      ['name: hand written\non: push\n', /no "# gh-aw-metadata:" line/],
      ['# gh-aw-metadata: {"schema_version":"v4",\n', /not JSON/],
      ['# gh-aw-metadata: ["v4"]\n', /not a JSON object/],
      ['# gh-aw-metadata: null\n', /not a JSON object/],
      [header({ frontmatter_hash: 'a'.repeat(64) }), /no schema_version/],
      [header({ schema_version: 4, body_hash: 'a'.repeat(64) }), /no schema_version/],
      [header({ schema_version: 'v4', body_hash: 'A'.repeat(64) }), /not a sha256/],
      [header({ schema_version: 'v4', body_hash: 42 }), /not a sha256/],
      [header({ schema_version: 'v4', frontmatter_hash: 'a'.repeat(64) }), /should record a body_hash/],
      [header({ schema_version: 'v9' }), /should record a body_hash/],
      [`${'#\n'.repeat(25)}# gh-aw-metadata: {"schema_version":"v3"}\n`, /first 20 lines/],
    ];
    for (const [text, reason] of cases) {
      const read = readLockHeader(text, MD);
      expect(read.kind, text).toBe('unknown');
      if (read.kind === 'unknown') expect(read.reason).toMatch(reason);
    }
  });

  it('reads the header after a byte-order mark, and never takes a prototype key for a field', () => {
    const hash = sha('x');
    expect(readLockHeader(`\uFEFF${header({ schema_version: 'v4', body_hash: hash })}`, MD)).toMatchObject({
      kind: 'read',
      bodyHash: hash,
    });
    const proto = '# gh-aw-metadata: {"__proto__":{"schema_version":"v3"}}\n';
    expect(readLockHeader(proto, MD).kind).toBe('unknown');
  });

  it('says on which line the header it could not read is', () => {
    const read = readLockHeader('# first\n# second\n# gh-aw-metadata: {oops}\n', MD);
    expect(read).toMatchObject({ kind: 'unknown', line: 3 });
  });
});

describe('ghAwBodyHash', () => {
  it('hashes the body with its surrounding white space trimmed', () => {
    expect(ghAwBodyHash('\n\n  Triage the issue.\n\t\n')).toBe(sha('Triage the issue.'));
    expect(ghAwBodyHash('Triage  the issue.')).not.toBe(sha('Triage the issue.'));
  });

  it("trims as Go's TrimSpace does, not as JavaScript's trim", () => {
    // U+0085 is white space to Go and not to JavaScript; U+FEFF the other way round
    expect(ghAwBodyHash('\u0085body\u00a0\u3000')).toBe(sha('body'));
    expect(ghAwBodyHash('\uFEFFbody')).toBe(sha('\uFEFFbody'));
    expect(ghAwBodyHash('body\r\n')).toBe(sha('body'));
    expect(ghAwBodyHash('a\r\nb')).toBe(sha('a\r\nb'));
  });

  it('trims a huge run of spaces in one pass', () => {
    const start = Date.now();
    expect(ghAwBodyHash(`${' '.repeat(1_000_000)}x${' '.repeat(1_000_000)}`)).toBe(sha('x'));
    expect(Date.now() - start).toBeLessThan(2000);
  });
});

describe('readGhAwFacts', () => {
  it('digests a workflow by its front matter meaning and its body', () => {
    const read = (text: string) => readGhAwFacts({ path: MD, oid: '1', text });
    const a = read('---\non: issues\nengine: copilot\n---\n\nTriage.\n');
    const comment = read('---\n# a comment\non:   issues\nengine: copilot\n---\nTriage.');
    const engine = read('---\non: issues\nengine: claude\n---\nTriage.\n');
    expect(a).toEqual({ kind: 'workflow', frontMatter: expect.any(String), bodyHash: sha('Triage.') });
    expect(comment).toEqual(a);
    expect(engine).not.toEqual(a);
  });

  it('keeps a front matter that does not parse by its bytes, and a file without one by its whole text', () => {
    const broken = readGhAwFacts({ path: MD, oid: '1', text: '---\non: [issues\n---\nBody\n' });
    const other = readGhAwFacts({ path: MD, oid: '1', text: '---\non: [pulls\n---\nBody\n' });
    expect(broken).toMatchObject({ kind: 'workflow', bodyHash: sha('Body') });
    expect(broken).not.toEqual(other);
    expect(readGhAwFacts({ path: MD, oid: '1', text: 'Just text\n' })).toEqual({
      kind: 'workflow',
      frontMatter: null,
      bodyHash: sha('Just text'),
    });
    expect(readGhAwFacts({ path: '.github/workflows/ci.yml', oid: '1', text: 'on: push\n' })).toBeUndefined();
  });
});
