import { describe, expect, it } from 'vitest';
import { applyFloor } from '../../../src/core/floor/merge-floor.js';
import { parseFloor } from '../../../src/core/floor/parse-floor.js';
import { parseConfig } from '../../../src/core/plane/config.js';
import type { Floor } from '../../../src/core/floor/types.js';

const repoConfig = (text: string) => {
  const { config, errors } = parseConfig(text, 'agentgate.yaml');
  expect(errors).toEqual([]);
  return config;
};

const floorOf = (text: string): Floor => {
  const parsed = parseFloor(text, 'org floor');
  if (parsed.kind !== 'ok') throw new Error(parsed.message);
  return parsed.floor;
};

const FLOOR = `version: 1
planes:
  control:
    signoffs: { privileged: 2, irreversible: 1 }
    maxRadius: irreversible
    signers: ["@acme/security"]
    internalHosts: [api.acme.internal, db.acme.internal]
    paths: ["registry/tools/**", "tools/**"]
radius:
  actions: { refund: irreversible }
waivers:
  - { tool: read_ticket, code: radius-assumed, owner: "@acme/security", reason: known, expires: "2099-01-01" }
`;

describe('a floor only tightens', () => {
  it('takes the higher sign-off count, the lower maxRadius and only the floor signers', () => {
    const repo = repoConfig(`planes:
  control:
    signoffs: { privileged: 0, irreversible: 3 }
    maxRadius: privileged
    signers: ["@mallory"]
`);
    const { config, rules } = applyFloor(repo, floorOf(FLOOR));
    expect(config.planes.control.signoffs.privileged).toBe(2);
    expect(config.planes.control.signoffs.irreversible).toBe(3);
    expect(config.planes.control.maxRadius).toBe('irreversible');
    expect(config.planes.control.signers).toEqual(['@acme/security']);
    const privileged = rules.find((r) => r.key === 'planes.control.signoffs.privileged');
    expect(privileged).toMatchObject({
      floor: 2,
      repository: 0,
      effective: 2,
      tightened: true,
      from: 'org floor',
    });
    expect(rules.find((r) => r.key === 'planes.control.signoffs.irreversible')?.tightened).toBe(false);
  });

  it('keeps a stricter repository value', () => {
    const repo = repoConfig(`planes:
  control:
    maxRadius: read
`);
    expect(applyFloor(repo, floorOf(FLOOR)).config.planes.control.maxRadius).toBe('read');
  });

  it('intersects allow lists and unions governed paths', () => {
    const repo = repoConfig(`planes:
  control:
    internalHosts: [api.acme.internal, evil.example.com]
    paths: ["agents/**"]
`);
    const { config } = applyFloor(repo, floorOf(FLOOR));
    expect(config.planes.control.internalHosts).toEqual(['api.acme.internal']);
    expect(config.planes.control.paths).toEqual(['agents/**', 'registry/tools/**', 'tools/**']);
  });

  it('takes waivers only from the floor', () => {
    const repo = repoConfig(`waivers:
  - { tool: admin, code: effect-understated, owner: "@mallory", reason: trust me, expires: "2099-01-01" }
`);
    const { config, rules } = applyFloor(repo, floorOf(FLOOR));
    expect(config.waivers.map((w) => w.tool)).toEqual(['read_ticket']);
    expect(rules.find((r) => r.key === 'waivers')?.tightened).toBe(true);
  });

  it('keeps the higher radius of an action, and a repository cannot talk one down', () => {
    const repo = repoConfig(`radius:
  actions: { refund: read, export: privileged }
`);
    const { config } = applyFloor(repo, floorOf(FLOOR));
    expect(config.radius.actions.refund).toBe('irreversible');
    expect(config.radius.actions.export).toBe('privileged');
  });

  it('constrains nothing with a key it leaves out', () => {
    const repo = repoConfig(`planes:
  data:
    versionBump: warn
`);
    const { config, rules } = applyFloor(repo, floorOf('planes:\n  control:\n    maxRadius: write\n'));
    expect(config.planes.data.versionBump).toBe('warn');
    expect(rules.map((r) => r.key)).toEqual(['planes.control.maxRadius']);
  });

  it('keeps a source the floor names switched on', () => {
    const repo = repoConfig('sources:\n  claude-code: false\n');
    const { config } = applyFloor(repo, floorOf('sources:\n  claude-code: { paths: ["agents/**"] }\n'));
    expect(config.sources?.['claude-code']).toEqual({ enabled: true, paths: ['agents/**'] });
  });

  it('a second floor keeps only the signers and waivers both allow', () => {
    const first = applyFloor(repoConfig(''), floorOf(FLOOR)).config;
    const second = floorOf(
      'planes:\n  control:\n    signers: ["@acme/security", "@acme/other"]\nwaivers: []\n',
    );
    const { config } = applyFloor(first, second, true);
    expect(config.planes.control.signers).toEqual(['@acme/security']);
    expect(config.waivers).toEqual([]);
  });

  it('does not change the config it was given', () => {
    const repo = repoConfig('planes:\n  control:\n    maxRadius: privileged\n');
    applyFloor(repo, floorOf(FLOOR));
    expect(repo.planes.control.maxRadius).toBe('privileged');
  });
});

describe('parseFloor', () => {
  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['planes: [1, 2]\n', /floor org floor:\d+/],
    ['planes:\n  control:\n    maxRadius: godmode\n', /maxRadius|radius/],
    ['unknown: 1\n', /unknown/],
    ['a: [\n', /floor/],
    ['- 1\n- 2\n', /floor/],
  ])('refuses %j', (text, message) => {
    const parsed = parseFloor(text, 'org floor');
    expect(parsed.kind).toBe('invalid');
    if (parsed.kind === 'invalid') expect(parsed.message).toMatch(message);
  });
});
