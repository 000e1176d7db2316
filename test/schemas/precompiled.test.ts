import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileLazily } from '../../src/parse/validators.js';
import { parseYamlStrict } from '../../src/parse/yaml.js';
import type { ValidatorName } from '../../src/schemas/validator-specs.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const precompiled = createRequire(import.meta.url)(
  join(ROOT, 'dist/schemas/validators.standalone.cjs'),
) as Record<ValidatorName, ValidateFunction>;
const runtime = compileLazily();

function documents(dir: string): unknown[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .flatMap((entry) =>
      parseYamlStrict(readFileSync(join(entry.parentPath, entry.name), 'utf8')).documents.map((d) => d.value),
    );
}

const verdict = (validate: ValidateFunction, value: unknown) => ({
  valid: validate(value),
  errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`),
});

describe('the validators shipped precompiled', () => {
  const manifests = [
    ...documents(join(ROOT, 'registry/tools')),
    ...documents(join(ROOT, 'test/fixtures/manifests')),
  ];
  const broken = manifests.map((doc) => ({ ...(doc as object), effect: 'catastrophic', aproval: 'none' }));

  it.each(['tool', 'mcpServer'] as const)(
    'judge every manifest exactly as the runtime-compiled %s validator',
    (name) => {
      for (const doc of [...manifests, ...broken]) {
        expect(verdict(precompiled[name], doc)).toEqual(verdict(runtime[name], doc));
      }
    },
  );

  it('judge configs exactly as the runtime-compiled config validator', () => {
    for (const doc of [
      { version: 1 },
      { version: 2 },
      { version: 1, planes: { control: { maxRadius: 'huge' } } },
    ]) {
      expect(verdict(precompiled.config, doc)).toEqual(verdict(runtime.config, doc));
    }
  });
});
