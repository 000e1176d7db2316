import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHostSets,
  hostCovers,
  hostSetCovers,
  isInternalHost,
  normalizeHost,
} from '../../../src/core/radius/hosts.js';

describe('hostCovers', () => {
  it('lets * cover every host', () => {
    expect(hostCovers('*', 'api.stripe.com')).toBe(true);
    expect(hostCovers('*', '*.stripe.com')).toBe(true);
  });

  it('lets *.example.com cover subdomains at any depth', () => {
    expect(hostCovers('*.example.com', 'api.example.com')).toBe(true);
    expect(hostCovers('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostCovers('*.example.com', '*.api.example.com')).toBe(true);
  });

  it('does not let *.example.com cover example.com itself or look-alike domains', () => {
    expect(hostCovers('*.example.com', 'example.com')).toBe(false);
    expect(hostCovers('*.example.com', 'evilexample.com')).toBe(false);
    expect(hostCovers('*.example.com', 'example.com.evil.net')).toBe(false);
  });

  it('compares case-insensitively and ignores a trailing dot', () => {
    expect(hostCovers('API.Stripe.com', 'api.stripe.com.')).toBe(true);
    expect(hostCovers('*.Stripe.COM.', 'Api.stripe.com')).toBe(true);
    expect(normalizeHost(' Api.Stripe.com. ')).toBe('api.stripe.com');
  });

  it('never lets a named host cover a wildcard', () => {
    expect(hostCovers('api.stripe.com', '*.stripe.com')).toBe(false);
    expect(hostCovers('*.stripe.com', '*')).toBe(false);
  });

  it('hostSetCovers asks whether any pattern covers the host', () => {
    expect(hostSetCovers(['api.github.com', '*.stripe.com'], 'files.stripe.com')).toBe(true);
    expect(hostSetCovers(['api.github.com'], 'files.stripe.com')).toBe(false);
  });
});

describe('compareHostSets', () => {
  it('reports widened when api.stripe.com becomes *.stripe.com', () => {
    expect(compareHostSets(['api.stripe.com'], ['*.stripe.com'])).toEqual({
      kind: 'widened',
      added: ['*.stripe.com'],
      removed: ['api.stripe.com'],
    });
  });

  it('reports narrowed when a host is dropped or a wildcard tightened', () => {
    expect(compareHostSets(['a.com', 'b.com'], ['a.com']).kind).toBe('narrowed');
    expect(compareHostSets(['*'], ['api.stripe.com']).kind).toBe('narrowed');
  });

  it('reports changed when a covered host is added beside its wildcard', () => {
    expect(compareHostSets(['*.stripe.com'], ['*.stripe.com', 'api.stripe.com']).kind).toBe('changed');
  });

  it('reports same for a respelling that normalizes equal', () => {
    expect(compareHostSets(['API.stripe.com.'], ['api.stripe.com'])).toEqual({
      kind: 'same',
      added: [],
      removed: [],
    });
  });
});

describe('isInternalHost', () => {
  const internal = ['*.corp.example', 'intranet.example'];

  it('is true only when an internal pattern covers the host', () => {
    expect(isInternalHost('wiki.corp.example', internal)).toBe(true);
    expect(isInternalHost('intranet.example', internal)).toBe(true);
    expect(isInternalHost('api.stripe.com', internal)).toBe(false);
    expect(isInternalHost('corp.example', internal)).toBe(false);
  });

  it('never treats * egress as internal unless the internal list contains *', () => {
    expect(isInternalHost('*', internal)).toBe(false);
    expect(isInternalHost('*', [])).toBe(false);
    expect(isInternalHost('*', ['*'])).toBe(true);
  });

  it('does not treat a wildcard wider than the internal pattern as internal', () => {
    expect(isInternalHost('*.example', internal)).toBe(false);
  });
});

const label = fc.constantFrom('api', 'a', 'b', 'example', 'com', 'Example');
const host = fc.oneof(
  fc.constant('*'),
  fc
    .tuple(fc.boolean(), fc.array(label, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([wild, labels, dot]) => `${wild ? '*.' : ''}${labels.join('.')}${dot ? '.' : ''}`),
);

describe('host containment is a partial order (properties)', () => {
  it('is reflexive', () => {
    fc.assert(fc.property(host, (h) => hostCovers(h, h)));
  });

  it('is antisymmetric up to normalization', () => {
    fc.assert(
      fc.property(host, host, (a, b) => {
        if (hostCovers(a, b) && hostCovers(b, a)) expect(normalizeHost(a)).toBe(normalizeHost(b));
      }),
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(host, host, host, (a, b, c) => {
        if (hostCovers(a, b) && hostCovers(b, c)) expect(hostCovers(a, c)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
