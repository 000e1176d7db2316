import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareScopeSets, scopeCovers, scopeSetCovers } from '../../../src/core/radius/scopes.js';

describe('scopeCovers', () => {
  it('covers a scope with itself', () => {
    expect(scopeCovers('billing:refund', 'billing:refund')).toBe(true);
  });

  it('lets a * segment stand for one whole segment', () => {
    expect(scopeCovers('billing:*', 'billing:refund')).toBe(true);
    expect(scopeCovers('*:read', 'repo:read')).toBe(true);
    expect(scopeCovers('repo:*:read', 'repo:contents:read')).toBe(true);
    expect(scopeCovers('billing:*', 'payments:refund')).toBe(false);
  });

  it('lets *:* cover every two-segment scope', () => {
    expect(scopeCovers('*:*', 'billing:refund')).toBe(true);
    expect(scopeCovers('*:*', 'billing:*')).toBe(true);
  });

  it('lets a lone * cover everything', () => {
    for (const scope of ['billing', 'billing:refund', 'repo:contents:read', '*:*', '*']) {
      expect(scopeCovers('*', scope)).toBe(true);
    }
  });

  it('does not cover across a segment-count mismatch (fails closed)', () => {
    expect(scopeCovers('repo:*', 'repo:contents:read')).toBe(false);
    expect(scopeCovers('*:*', 'repo:contents:read')).toBe(false);
    expect(scopeCovers('repo', 'repo:status')).toBe(false);
    expect(scopeCovers('repo:contents:read', 'repo:*')).toBe(false);
  });

  it('never lets a specific scope cover a wildcard', () => {
    expect(scopeCovers('billing:read', 'billing:*')).toBe(false);
    expect(scopeCovers('billing:*', '*')).toBe(false);
  });

  it('treats * inside a segment literally and segments case-sensitively', () => {
    expect(scopeCovers('bill*:read', 'billing:read')).toBe(false);
    expect(scopeCovers('Billing:read', 'billing:read')).toBe(false);
  });

  it('scopeSetCovers asks whether any member covers the scope', () => {
    expect(scopeSetCovers(['docs:read', 'billing:*'], 'billing:refund')).toBe(true);
    expect(scopeSetCovers(['docs:read'], 'billing:refund')).toBe(false);
    expect(scopeSetCovers([], 'billing:refund')).toBe(false);
  });
});

describe('compareScopeSets', () => {
  it('reports widened when billing:read becomes billing:*', () => {
    expect(compareScopeSets(['billing:read'], ['billing:*'])).toEqual({
      kind: 'widened',
      added: ['billing:*'],
      removed: ['billing:read'],
    });
  });

  it('reports narrowed when billing:* becomes billing:read', () => {
    expect(compareScopeSets(['billing:*'], ['billing:read']).kind).toBe('narrowed');
  });

  it('reports narrowed when a scope is dropped', () => {
    expect(compareScopeSets(['a:read', 'b:read'], ['a:read'])).toEqual({
      kind: 'narrowed',
      added: [],
      removed: ['b:read'],
    });
  });

  it('reports changed when the sets differ but cover the same', () => {
    expect(compareScopeSets(['billing:*'], ['billing:*', 'billing:read'])).toEqual({
      kind: 'changed',
      added: ['billing:read'],
      removed: [],
    });
  });

  it('reports same for equal sets in any order', () => {
    expect(compareScopeSets(['a:read', 'b:read'], ['b:read', 'a:read']).kind).toBe('same');
  });

  it('reports widened when a scope is swapped for one of a different length (fails closed)', () => {
    expect(compareScopeSets(['repo:*'], ['repo:contents:read']).kind).toBe('widened');
    expect(compareScopeSets(['repo:contents:read'], ['repo:*']).kind).toBe('widened');
  });

  it('reports widened over narrowed when both happen', () => {
    expect(compareScopeSets(['a:read'], ['b:read']).kind).toBe('widened');
  });
});

const segment = fc.constantFrom('*', 'billing', 'repo', 'read', 'refund', 'contents');
const scope = fc.oneof(
  fc.constant('*'),
  fc.array(segment, { minLength: 1, maxLength: 3 }).map((segments) => segments.join(':')),
);

describe('scope containment is a partial order (properties)', () => {
  it('is reflexive', () => {
    fc.assert(fc.property(scope, (s) => scopeCovers(s, s)));
  });

  it('is antisymmetric', () => {
    fc.assert(
      fc.property(scope, scope, (a, b) => {
        if (scopeCovers(a, b) && scopeCovers(b, a)) expect(a).toBe(b);
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(scope, scope, scope, (a, b, c) => {
        if (scopeCovers(a, b) && scopeCovers(b, c)) expect(scopeCovers(a, c)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never reports widened when the new set is a subset of the old', () => {
    fc.assert(
      fc.property(
        fc.array(scope, { maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 6 }),
        (before, keep) => {
          const after = before.filter((_, index) => keep[index] ?? true);
          expect(compareScopeSets(before, after).kind).not.toBe('widened');
        },
      ),
    );
  });
});
