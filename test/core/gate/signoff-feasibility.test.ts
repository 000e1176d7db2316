import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/plane/config.js';
import { findUnsatisfiableSignoffs } from '../../../src/core/gate/signoff-feasibility.js';

function check(text: string | null, signers?: string[], from: 'signers' | 'reviewers' = 'signers') {
  const { config, errors } = parseConfig(text, 'agentgate.yaml');
  expect(errors).toEqual([]);
  return findUnsatisfiableSignoffs({
    config,
    configPath: 'agentgate.yaml',
    configText: text,
    signers: signers ?? config.planes.control.signers,
    from,
  });
}

describe('findUnsatisfiableSignoffs', () => {
  it('calls one signer against the default privileged count of 2 a deadlock, at the signers line', () => {
    const text = 'version: 1\nplanes:\n  control:\n    signers: ["@alice"]\n';
    const findings = check(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      code: 'signoff-unsatisfiable',
      path: 'agentgate.yaml',
      line: 4,
      field: 'planes.control.signoffs.privileged',
    });
    expect(findings[0]?.message).toContain('cannot be satisfied: 1 signer configured');
  });

  it('names the line of a count that is written, for every count over the signers', () => {
    const text = [
      'version: 1',
      'planes:',
      '  control:',
      '    signers: [alice, bob]',
      '    signoffs:',
      '      irreversible: 3',
      '      privileged: 3',
      '      narrowing: 5',
      '',
    ].join('\n');
    const findings = check(text);
    expect(findings.map((f) => [f.field, f.line])).toEqual([
      ['planes.control.signoffs.irreversible', 6],
      ['planes.control.signoffs.privileged', 7],
      ['planes.control.signoffs.narrowing', 8],
    ]);
    expect(findings[0]?.message).toContain('2 signers configured');
  });

  it('never calls a team a deadlock: its size is unknown offline', () => {
    expect(check('planes:\n  control:\n    signers: ["@acme/security"]\n')).toEqual([]);
    expect(check('planes:\n  control:\n    signers: [alice, "@acme/security"]\n')).toEqual([]);
  });

  it('leaves no signers at all to the gate (its own note), and lets counts that fit pass', () => {
    expect(check(null, [])).toEqual([]);
    expect(check('planes:\n  control:\n    signers: [a, b]\n')).toEqual([]);
    expect(check('planes:\n  control:\n    signers: [a]\n    signoffs: { privileged: 1 }\n')).toEqual([]);
  });

  it('counts one person once however written, and drops what cannot sign (emails)', () => {
    const text = 'planes:\n  control:\n    signers: [alice, "@Alice", "alice@example.com"]\n';
    const findings = check(text);
    expect(findings.map((f) => f.field)).toEqual(['planes.control.signoffs.privileged']);
    expect(findings[0]?.message).toContain('1 signer configured');
  });

  it('points at the reviewers line when the reviewers are the signers', () => {
    const text = 'planes:\n  control:\n    reviewers: [carol]\n';
    const [finding] = check(text, ['carol'], 'reviewers');
    expect(finding).toMatchObject({ line: 3, field: 'planes.control.signoffs.privileged' });
  });

  it('property: a finding for exactly the counts above the number of distinct users, none with a team', () => {
    const login = fc.constantFrom('ann', 'Ann', 'bob', 'cid', 'dee', '@eve');
    fc.assert(
      fc.property(
        fc.array(login, { maxLength: 5 }),
        fc.boolean(),
        fc.record({
          read: fc.nat(6),
          write: fc.nat(6),
          irreversible: fc.nat(6),
          privileged: fc.nat(6),
          narrowing: fc.nat(6),
        }),
        (users, team, counts) => {
          const signers = team ? [...users, '@acme/sec'] : users;
          const yaml = `planes:\n  control:\n    signers: ${JSON.stringify(signers)}\n    signoffs: ${JSON.stringify(counts)}\n`;
          const distinct = new Set(users.map((u) => u.replace(/^@/, '').toLowerCase())).size;
          const expected =
            team || distinct === 0
              ? []
              : Object.entries(counts)
                  .filter(([, n]) => n > distinct)
                  .map(([key]) => `planes.control.signoffs.${key}`);
          const got = check(yaml).map((f) => f.field);
          expect(got).toEqual(expected);
        },
      ),
    );
  });
});
