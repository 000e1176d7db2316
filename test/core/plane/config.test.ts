import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, parseConfig } from '../../../src/core/plane/config.js';

describe('parseConfig', () => {
  it('gives the SPEC defaults without a config file', () => {
    const { config, errors, warnings } = parseConfig(null, 'agentgate.yaml');
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config.planes.data.paths).toEqual(['registry/prompts/**']);
    expect(config.planes.control.paths).toEqual(['registry/tools/**']);
    expect(config.planes.data.versionBump).toBe('required');
    expect(config.planes.control.signoffs).toEqual({
      none: 0,
      read: 1,
      write: 1,
      irreversible: 1,
      privileged: 2,
      narrowing: 0,
    });
    expect(config.planes.control.maxRadius).toBe('privileged');
    expect(config.waivers).toEqual([]);
  });

  it('returns a copy: changing it does not change the defaults', () => {
    const { config } = parseConfig('', 'agentgate.yaml');
    config.planes.data.paths.push('x/**');
    expect(DEFAULT_CONFIG.planes.data.paths).toEqual(['registry/prompts/**']);
    expect(Object.isFrozen(DEFAULT_CONFIG.planes)).toBe(true);
  });

  it('merges user values over the defaults, key by key', () => {
    const text = [
      'version: 1',
      'planes:',
      '  data:',
      '    versionBump: warn',
      '    eval: { results: eval/results.json, maxPassRateDrop: 0.02 }',
      '  control:',
      '    signers: ["@acme/security"]',
      '    signoffs: { privileged: 3 }',
      '    maxRadius: irreversible',
      'radius:',
      '  actions: { refund: privileged }',
      'waivers:',
      '  - { tool: issue_refund, code: effect-understated, owner: "@alice", reason: migration, expires: 2030-01-31 }',
    ].join('\n');
    const { config, errors } = parseConfig(text, 'agentgate.yaml');
    expect(errors).toEqual([]);
    expect(config.planes.data).toEqual({
      paths: ['registry/prompts/**'],
      reviewers: [],
      versionBump: 'warn',
      eval: { results: 'eval/results.json', maxPassRateDrop: 0.02 },
    });
    expect(config.planes.control.signers).toEqual(['@acme/security']);
    expect(config.planes.control.signoffs).toEqual({
      none: 0,
      read: 1,
      write: 1,
      irreversible: 1,
      privileged: 3,
      narrowing: 0,
    });
    expect(config.planes.control.maxRadius).toBe('irreversible');
    expect({ ...config.radius.actions }).toEqual({ refund: 'privileged' });
    expect(config.waivers).toEqual([
      {
        tool: 'issue_refund',
        code: 'effect-understated',
        owner: '@alice',
        reason: 'migration',
        expires: '2030-01-31',
      },
    ]);
  });

  it.each([
    [
      'planes:\n  control:\n    maxRadius: huge\n',
      3,
      'planes.control.maxRadius',
      'must be one of none, read, write, irreversible, privileged',
    ],
    ['radius:\n  actions:\n    refund: dangerous\n', 3, 'radius.actions.refund', 'must be one of'],
    [
      'waivers:\n  - { tool: a, code: b, owner: c, reason: d, expires: 31/01/2030 }\n',
      2,
      'waivers.0.expires',
      'must be a date (YYYY-MM-DD)',
    ],
    [
      'waivers:\n  - { kind: prompt, tool: a, code: b, owner: c, reason: d, expires: 2030-01-01 }\n',
      2,
      'waivers.0.kind',
      'must be one of tool, server, agent',
    ],
    [
      'waivers:\n  - { tool: a, code: b, owner: c, reason: d, expires: 2030-02-30 }\n',
      2,
      'waivers.0.expires',
      'must be a date',
    ],
    [
      'waivers:\n  - { tool: a, code: b, reason: d, expires: 2030-01-01 }\n',
      2,
      'waivers.0.owner',
      'required field is missing',
    ],
    [
      'planes:\n  control:\n    signofs: { read: 2 }\n',
      3,
      'planes.control.signofs',
      "did you mean 'signoffs'?",
    ],
    [
      'planes:\n  data:\n    versionBump: sometimes\n',
      3,
      'planes.data.versionBump',
      'must be one of required, warn, off',
    ],
    ['version: 2\n', 1, 'version', 'must be 1'],
  ])('rejects %j at line %i, field %s', (text, line, field, message) => {
    const { errors, config } = parseConfig(text, 'agentgate.yaml');
    expect(errors[0]).toMatchObject({
      severity: 'error',
      code: 'schema',
      path: 'agentgate.yaml',
      line,
      field,
    });
    expect(errors[0]!.message).toContain(`agentgate.yaml:${line}: field '`);
    expect(errors[0]!.message).toContain(message);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    [
      'a tab in a control glob',
      'planes:\n  control:\n    paths: ["registry/tools/**", "x\\t@mallory"]\n',
      'planes.control.paths.1',
      3,
      'U+0009',
    ],
    [
      'a line break in a data glob',
      'planes:\n  data:\n    paths: ["a\\n* @mallory"]\n',
      'planes.data.paths.0',
      3,
      'U+000A',
    ],
    [
      'a bidi override in a sources glob',
      'sources:\n  mcp-config:\n    paths: ["conf/\\u202e.json"]\n',
      'sources.mcp-config.paths.0',
      3,
      'U+202E',
    ],
  ])(
    'refuses %s: a CODEOWNERS line written from it could name another owner',
    (_label, yaml, field, line, character) => {
      const { errors, config } = parseConfig(`version: 1\n${yaml}`, 'agentgate.yaml');
      expect(errors).toEqual([
        expect.objectContaining({
          code: 'schema',
          path: 'agentgate.yaml',
          line: line + 1,
          field,
          message: expect.stringContaining(character),
        }),
      ]);
      expect(config).toEqual(DEFAULT_CONFIG);
    },
  );

  it('reports YAML errors and more than one document', () => {
    expect(parseConfig('a: 1\na: 2\n', 'agentgate.yaml').errors[0]).toMatchObject({
      code: 'duplicate-key',
      line: 2,
    });
    expect(parseConfig('version: 1\n---\nversion: 1\n', 'agentgate.yaml').errors[0]).toMatchObject({
      code: 'schema',
      line: 3,
    });
  });

  it('warns when a higher radius needs fewer sign-offs', () => {
    const { warnings, errors } = parseConfig(
      'planes:\n  control:\n    signoffs: { privileged: 0 }\n',
      'agentgate.yaml',
    );
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['signoffs-decreasing', 3]]);
  });

  it('keeps an action named __proto__ as data', () => {
    const { config, errors } = parseConfig('radius:\n  actions:\n    __proto__: read\n', 'agentgate.yaml');
    expect(errors).toEqual([]);
    expect(Object.keys(config.radius.actions)).toEqual(['__proto__']);
  });

  it('reads sources.<kind>.inert as a list of key names, beside enabled and paths', () => {
    const { config, errors } = parseConfig(
      'sources:\n  copilot:\n    inert: [owner-team, escalation]\n  claude-code:\n    paths: [x/**]\n',
      'agentgate.yaml',
    );
    expect(errors).toEqual([]);
    expect(config.sources?.copilot).toEqual({
      enabled: true,
      paths: [],
      inert: ['owner-team', 'escalation'],
    });
    expect(config.sources?.['claude-code']).toEqual({ enabled: true, paths: ['x/**'] });
  });

  it.each([
    ['a key that is not a string', 'sources:\n  copilot:\n    inert: [1]\n'],
    ['an empty key', 'sources:\n  copilot:\n    inert: [""]\n'],
    ['a key with a space', 'sources:\n  copilot:\n    inert: ["owner team"]\n'],
    ['a key twice', 'sources:\n  copilot:\n    inert: [a, a]\n'],
    ['a single key, not a list', 'sources:\n  copilot:\n    inert: owner\n'],
  ])('refuses sources inert with %s, naming the source', (_name, text) => {
    const { errors } = parseConfig(text, 'agentgate.yaml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 'schema', path: 'agentgate.yaml' });
    expect(String(errors[0]?.field)).toMatch(/^sources\.copilot/u);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('warns, naming the line, when a key listed inert is one the client reads as authority (it stays control)', () => {
    const { errors, warnings } = parseConfig(
      'sources:\n  claude-code:\n    inert:\n      - owner-team\n      - permissions\n  copilot-agents:\n    inert: [tools]\n',
      'agentgate.yaml',
    );
    expect(errors).toEqual([]);
    expect(warnings.map((w) => [w.code, w.line, w.field])).toEqual([
      ['inert-key-is-authority', 5, 'sources.claude-code.inert.1'],
      ['inert-key-is-authority', 7, 'sources.copilot-agents.inert.0'],
    ]);
  });
});
