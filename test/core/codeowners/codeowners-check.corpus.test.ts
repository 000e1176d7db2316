import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBlockOwners, upsertBlock } from '../../../src/core/codeowners/codeowners-block.js';
import { checkCodeowners } from '../../../src/core/codeowners/codeowners-check.js';
import { parseConfig } from '../../../src/core/plane/config.js';
import { sharedFixture } from '../../helpers/shared-fixtures.js';
import { join } from 'node:path';

const config = parseConfig(null, 'agentgate.yaml').config;
// the public CODEOWNERS corpus, read where it lies (never copied into the project)
const CORPUS = sharedFixture('codeowners');
const fixtures = readdirSync(CORPUS).filter((name) => name.endsWith('.txt'));

const check = (text: string | null, path = '.github/CODEOWNERS') =>
  checkCodeowners({ codeowners: text === null ? null : { path, text }, config });

describe('the public CODEOWNERS corpus', () => {
  it.each(fixtures)(
    '%s: no registry owner before, clean after the block is written, the original kept byte for byte',
    (name) => {
      const original = readFileSync(join(CORPUS, name), 'utf8');
      const before = check(original);
      const control = before.findings.filter((f) => f.severity === 'error').map((f) => f.code);
      expect(control.some((code) => code === 'plane-unowned' || code === 'fused-ownership')).toBe(true);

      const owners = { prompt: ['@acme/prompt-eng'], tool: ['@acme/security'] };
      const written = upsertBlock(original, { config, owners, codeownersPath: '.github/CODEOWNERS' });
      if (written.kind !== 'ok') throw new Error('unterminated');
      expect(written.text.startsWith(original)).toBe(true);
      expect(check(written.text).findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(readBlockOwners(written.text, config)).toEqual(owners);
      const again = upsertBlock(written.text, { config, owners, codeownersPath: '.github/CODEOWNERS' });
      expect(again).toEqual({ kind: 'ok', text: written.text, changed: false, overrides: written.overrides });
    },
  );
});
