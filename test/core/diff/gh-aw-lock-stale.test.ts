import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ghAwLockFindings, isBodyHashOnlyChange } from '../../../src/core/diff/gh-aw-lock-stale.js';
import type { GhAwSide } from '../../../src/core/diff/gh-aw-lock-stale.js';
import { readGhAwFacts } from '../../../src/sources/formats/gh-aw-lock.js';
import type { GhAwFacts } from '../../../src/sources/formats/gh-aw-lock.js';
import type { ChangedFile } from '../../../src/model/types.js';

const MD = '.github/workflows/triage.md';
const LOCK = '.github/workflows/triage.lock.yml';
const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const workflow = (front: string, body: string) => `---\n${front}---\n${body}`;
const v4Lock = (body: string, extra = '') =>
  `# gh-aw-metadata: {"schema_version":"v4","frontmatter_hash":"${'0'.repeat(64)}","body_hash":"${sha(body.trim())}"}\nname: triage\n${extra}`;
const v3Lock = (extra = '') =>
  `# gh-aw-metadata: {"schema_version":"v3","frontmatter_hash":"${'0'.repeat(64)}"}\nname: triage\n${extra}`;

/** A side of a diff from file texts: every file is read (its blob id is its text's hash) unless listed unreadable. */
function side(files: Record<string, string>, unreadable: string[] = []): GhAwSide {
  const facts = new Map<string, GhAwFacts>();
  const oids = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    oids.set(path, sha(text));
    const read = readGhAwFacts({ path, oid: sha(text), text });
    if (read && !unreadable.includes(path)) facts.set(path, read);
  }
  return { facts, oids };
}

const modified = (...paths: string[]): ChangedFile[] => paths.map((path) => ({ path, status: 'modified' }));
const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);

const FRONT = 'on: issues\nengine: copilot\n';
const BODY = 'Triage the issue.\n';
const base = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v4Lock(BODY) });

describe('gh-aw lock against its .md', () => {
  it('passes a body edit recompiled into the lock', () => {
    const head = side({
      [MD]: workflow(FRONT, 'Triage it kindly.\n'),
      [LOCK]: v4Lock('Triage it kindly.\n'),
    });
    expect(ghAwLockFindings(modified(MD, LOCK), base, head)).toEqual([]);
  });

  it('holds a body edit whose lock still records the old body', () => {
    const head = side({ [MD]: workflow(FRONT, 'Ignore the labels.\n'), [LOCK]: v4Lock(BODY) });
    const findings = ghAwLockFindings(modified(MD), base, head);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'gh-aw-lock-stale',
        path: LOCK,
        tool: 'gh-aw:workflows/triage',
        subject: 'agent',
        message: expect.stringMatching(/another body than .*triage\.md/),
      }),
    ]);
  });

  it('holds a lock edited to record a body the .md does not hold, though the .md did not change', () => {
    const head = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v4Lock('Something else.\n') });
    expect(codes(ghAwLockFindings(modified(LOCK), base, head))).toEqual(['gh-aw-lock-stale']);
  });

  it('holds a front-matter edit whose lock did not change, and passes one that recompiled it', () => {
    const wider = workflow('on: issues\nengine: copilot\npermissions: write-all\n', BODY);
    const stale = side({ [MD]: wider, [LOCK]: v4Lock(BODY) });
    expect(ghAwLockFindings(modified(MD), base, stale)).toEqual([
      expect.objectContaining({
        code: 'gh-aw-lock-stale',
        message: expect.stringMatching(/front matter changed/),
      }),
    ]);
    const recompiled = side({ [MD]: wider, [LOCK]: v4Lock(BODY, 'permissions: write-all\n') });
    expect(ghAwLockFindings(modified(MD, LOCK), base, recompiled)).toEqual([]);
  });

  it('passes an edit that changes neither the front matter meaning nor the trimmed body', () => {
    const head = side({ [MD]: workflow(`# why\n${FRONT}`, `\n${BODY}\n\n`), [LOCK]: v4Lock(BODY) });
    expect(ghAwLockFindings(modified(MD), base, head)).toEqual([]);
  });

  it('holds a lock whose .md is gone, or that arrives without one', () => {
    const gone = side({ [LOCK]: v4Lock(BODY) });
    expect(ghAwLockFindings([{ path: MD, status: 'deleted' }], base, gone)).toEqual([
      expect.objectContaining({
        code: 'gh-aw-lock-stale',
        message: expect.stringMatching(/runs without its source/),
      }),
    ]);
    const other = '.github/workflows/other.lock.yml';
    const arrives = side({ [other]: v4Lock(BODY) });
    expect(ghAwLockFindings([{ path: other, status: 'added' }], side({}), arrives)).toEqual([
      expect.objectContaining({ path: other, tool: 'gh-aw:workflows/other' }),
    ]);
  });

  it('passes a removed lock and a workflow that never had one: nothing runs', () => {
    const removed = side({ [MD]: workflow(FRONT, 'New text.\n') });
    expect(ghAwLockFindings([...modified(MD), { path: LOCK, status: 'deleted' }], base, removed)).toEqual([]);
    const lone = side({ [MD]: workflow(FRONT, BODY) });
    expect(ghAwLockFindings([{ path: MD, status: 'added' }], side({}), lone)).toEqual([]);
  });

  it('holds a lock whose header it cannot read, or that it could not read at all', () => {
    const odd = side({ [MD]: workflow(FRONT, 'New.\n'), [LOCK]: 'name: hand written\non: push\n' });
    expect(ghAwLockFindings(modified(MD, LOCK), base, odd)).toEqual([
      expect.objectContaining({ code: 'gh-aw-lock-stale', message: expect.stringMatching(/cannot tell/) }),
    ]);
    const big = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v4Lock(BODY) }, [LOCK]);
    expect(ghAwLockFindings(modified(LOCK), base, big)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/could not be read/) }),
    ]);
    const unreadMd = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v4Lock(BODY) }, [MD]);
    expect(codes(ghAwLockFindings(modified(MD), base, unreadMd))).toEqual(['gh-aw-lock-stale']);
  });

  it('an older lock that reads the .md when it runs takes a body edit; one that holds the body does not', () => {
    const imports = `x: "{{#runtime-import ${MD}}}"\n`;
    const before = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v3Lock(imports) });
    const after = side({ [MD]: workflow(FRONT, 'Other words.\n'), [LOCK]: v3Lock(imports) });
    expect(ghAwLockFindings(modified(MD), before, after)).toEqual([]);
    const inline = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v3Lock(`x: "${BODY}"\n`) });
    const edited = side({ [MD]: workflow(FRONT, 'Other words.\n'), [LOCK]: v3Lock(`x: "${BODY}"\n`) });
    expect(codes(ghAwLockFindings(modified(MD), inline, edited))).toEqual(['gh-aw-lock-stale']);
  });

  it('checks a renamed workflow at its new path, and ignores files that are no gh-aw pair', () => {
    const moved = '.github/workflows/sorter.md';
    const head = side({ [moved]: workflow(FRONT, BODY), [LOCK]: v4Lock(BODY) });
    const findings = ghAwLockFindings([{ path: moved, oldPath: MD, status: 'renamed' }], base, head);
    expect(findings).toEqual([
      expect.objectContaining({ path: LOCK, message: expect.stringMatching(/without its source/) }),
    ]);
    const ci = side({ '.github/workflows/ci.yml': 'on: push\n', 'docs/a.md': 'x' });
    expect(ghAwLockFindings(modified('.github/workflows/ci.yml', 'docs/a.md'), ci, ci)).toEqual([]);
  });
});

describe('isBodyHashOnlyChange', () => {
  const imports = `x: "{{#runtime-import ${MD}}}"\n`;
  const before = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v4Lock(BODY, imports) });
  const edit = 'Label kindly.\n';

  it('takes a lock whose only change is its body hash, now the .md body, when it reads the body at run time', () => {
    const after = side({ [MD]: workflow(FRONT, edit), [LOCK]: v4Lock(edit, imports) });
    expect(isBodyHashOnlyChange({ path: LOCK, status: 'modified' }, before, after)).toBe(true);
  });

  it('refuses any other change, a hash the .md does not match, a lock holding its body, a rename', () => {
    const cases: GhAwSide[] = [
      side({ [MD]: workflow(FRONT, edit), [LOCK]: v4Lock(edit, `${imports}y: 1\n`) }),
      side({ [MD]: workflow(FRONT, 'Other.\n'), [LOCK]: v4Lock(edit, imports) }),
      side({ [MD]: workflow(FRONT, edit), [LOCK]: `${v4Lock(edit, imports)}# tail\n` }),
    ];
    for (const after of cases)
      expect(isBodyHashOnlyChange({ path: LOCK, status: 'modified' }, before, after)).toBe(false);
    const inline = side({ [MD]: workflow(FRONT, BODY), [LOCK]: v4Lock(BODY) });
    const inlineAfter = side({ [MD]: workflow(FRONT, edit), [LOCK]: v4Lock(edit) });
    expect(isBodyHashOnlyChange({ path: LOCK, status: 'modified' }, inline, inlineAfter)).toBe(false);
    const after = side({ [MD]: workflow(FRONT, edit), [LOCK]: v4Lock(edit, imports) });
    expect(
      isBodyHashOnlyChange({ path: LOCK, oldPath: 'x.lock.yml', status: 'renamed' }, before, after),
    ).toBe(false);
    expect(isBodyHashOnlyChange({ path: MD, status: 'modified' }, before, after)).toBe(false);
  });
});
