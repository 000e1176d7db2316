import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/parse/yaml.js';
import { SCHEMAS, SCHEMA_NAMES, toolSchema } from '../../src/schemas/index.js';
import { manifestFixture } from './fixture.js';

function compile(schema: object) {
  const ajv = new Ajv({ strict: false });
  addFormatsModule.default(ajv);
  return ajv.compile(schema);
}

describe('published schemas', () => {
  it.each(SCHEMA_NAMES)('%s has $id, title and compiles as draft-07', (name) => {
    const schema = SCHEMAS[name];
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(String(schema.$id)).toMatch(new RegExp(`/${name}\\.json$`));
    expect(typeof schema.title).toBe('string');
    expect(() => compile(schema)).not.toThrow();
  });

  it('describes every field of a Tool for editors', () => {
    const properties = toolSchema.properties as Record<string, { description?: string }>;
    const undescribed = Object.entries(properties)
      .filter(([, field]) => !field.description)
      .map(([key]) => key);
    expect(undescribed).toEqual([]);
  });

  it('the tool schema editors use accepts both kinds and rejects a typo', () => {
    const validate = compile(SCHEMAS.tool);
    for (const name of ['valid-tool.yaml', 'mcp-server.yaml']) {
      expect(validate(parseYaml(manifestFixture(name).text).documents[0]!.value)).toBe(true);
    }
    expect(validate({ apiVersion: 'agentgate/v1', kind: 'Tool', name: 'a', aproval: 'human' })).toBe(false);
  });

  it('the intent schema requires a tool and refuses unknown keys', () => {
    const validate = compile(SCHEMAS.intent);
    expect(
      validate({
        tool: 'a',
        args: {},
        reason: 'r',
        changeRequest: 'CHG-1',
        timestamp: '2025-01-01T00:00:00Z',
      }),
    ).toBe(true);
    expect(validate({ args: {} })).toBe(false);
    expect(validate({ tool: 'a', sudo: true })).toBe(false);
  });
});
