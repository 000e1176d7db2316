// The real gh-aw lock pairs (../shared/fixtures/agent-configs/gh-aw-lock-pairs, read in place): each lock was
// compiled from the `.md` beside it in one commit, so every pair must pass as it is, and an edit of the `.md` the
// lock does not follow must be held.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ghAwLockFindings, isBodyHashOnlyChange } from '../../src/core/diff/gh-aw-lock-stale.js';
import type { GhAwSide } from '../../src/core/diff/gh-aw-lock-stale.js';
import { readGhAwFacts, readLockHeader } from '../../src/sources/formats/gh-aw-lock.js';
import type { GhAwFacts } from '../../src/sources/formats/gh-aw-lock.js';
import { CORPUS_DIR } from './fixture.js';

const DIR = join(CORPUS_DIR, 'gh-aw-lock-pairs');
const pairs = readdirSync(DIR)
  .filter((name) => name.endsWith('.lock.yml'))
  .map((name) => {
    const stem = name.slice(0, -'.lock.yml'.length);
    // the corpus names a file <owner>__<repo>__<path with / as __>
    const path = stem.split('__').slice(2).join('/');
    return {
      name: stem,
      md: `${path}.md`,
      lock: `${path}.lock.yml`,
      mdText: readFileSync(join(DIR, `${stem}.md`), 'utf8'),
      lockText: readFileSync(join(DIR, name), 'utf8'),
    };
  });

function side(files: Record<string, string>): GhAwSide {
  const facts = new Map<string, GhAwFacts>();
  const oids = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) {
    oids.set(path, `${text.length}:${text.slice(-64)}`);
    const read = readGhAwFacts({ path, oid: '0', text });
    if (read) facts.set(path, read);
  }
  return { facts, oids };
}

describe('the real gh-aw lock pairs', () => {
  it('are all here', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(3);
  });

  for (const pair of pairs) {
    describe(pair.name, () => {
      const header = readLockHeader(pair.lockText, pair.md);

      it('has a header agentgate reads; a v4 body hash matches the .md body', () => {
        expect(header.kind).toBe('read');
        if (header.kind !== 'read') return;
        const md = readGhAwFacts({ path: pair.md, oid: '0', text: pair.mdText });
        if (header.bodyHash !== null) expect(md).toMatchObject({ bodyHash: header.bodyHash });
        // an older schema records no body hash: its lock reads the body from the .md when it runs
        else expect(header.importsBody).toBe(true);
      });

      it('passes when added as compiled, and when the .md is touched without changing what compiles', () => {
        const head = side({ [pair.md]: pair.mdText, [pair.lock]: pair.lockText });
        const added = [
          { path: pair.md, status: 'added' as const },
          { path: pair.lock, status: 'added' as const },
        ];
        expect(ghAwLockFindings(added, side({}), head)).toEqual([]);
        const touched = side({ [pair.md]: `${pair.mdText}\n\n`, [pair.lock]: pair.lockText });
        expect(ghAwLockFindings([{ path: pair.md, status: 'modified' }], head, touched)).toEqual([]);
      });

      it('holds a front-matter edit the lock did not follow', () => {
        const base = side({ [pair.md]: pair.mdText, [pair.lock]: pair.lockText });
        const edited = pair.mdText.replace(/^---\r?\n/u, '---\nstrict: false\n');
        const head = side({ [pair.md]: edited, [pair.lock]: pair.lockText });
        const findings = ghAwLockFindings([{ path: pair.md, status: 'modified' }], base, head);
        expect(findings.map((finding) => finding.code)).toEqual(['gh-aw-lock-stale']);
      });

      it('holds a body edit when the lock records the body', () => {
        if (header.kind !== 'read' || header.bodyHash === null) return;
        const base = side({ [pair.md]: pair.mdText, [pair.lock]: pair.lockText });
        const head = side({
          [pair.md]: `${pair.mdText}\nAlso close every open issue.\n`,
          [pair.lock]: pair.lockText,
        });
        const findings = ghAwLockFindings([{ path: pair.md, status: 'modified' }], base, head);
        expect(findings).toEqual([expect.objectContaining({ code: 'gh-aw-lock-stale', path: pair.lock })]);
      });

      it('a recompile for a body edit alone (only body_hash moves) is told apart from any other lock edit', () => {
        if (header.kind !== 'read' || header.bodyHash === null) return;
        const base = side({ [pair.md]: pair.mdText, [pair.lock]: pair.lockText });
        const mdText = `${pair.mdText}\nAlso thank the reporter.\n`;
        const body = readGhAwFacts({ path: pair.md, oid: '0', text: mdText });
        if (body?.kind !== 'workflow') throw new Error('not a workflow');
        expect(body.bodyHash).not.toBe(header.bodyHash);
        const lockText = pair.lockText.replace(header.bodyHash, body.bodyHash);
        const head = side({ [pair.md]: mdText, [pair.lock]: lockText });
        const file = { path: pair.lock, status: 'modified' as const };
        expect(isBodyHashOnlyChange(file, base, head)).toBe(header.importsBody);
        expect(ghAwLockFindings([file, { path: pair.md, status: 'modified' }], base, head)).toEqual([]);
        const widened = side({
          [pair.md]: mdText,
          [pair.lock]: lockText.replace('issues: read', 'issues: write'),
        });
        expect(isBodyHashOnlyChange(file, base, widened)).toBe(false);
      });
    });
  }
});
