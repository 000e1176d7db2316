import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSignoffs } from '../../src/init/fit-signoffs.js';

const DEFAULTS = { none: 0, read: 1, write: 1, irreversible: 1, privileged: 2, narrowing: 0 };

describe('fitSignoffs', () => {
  it('never asks more sign-offs than individual signers, and never raises a count', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^@[a-z]{1,8}$/), { minLength: 1, maxLength: 5 }), (signers) => {
        const fit = fitSignoffs(DEFAULTS, signers);
        for (const [radius, count] of Object.entries(fit.counts)) {
          expect(count).toBeLessThanOrEqual(signers.length);
          expect(count).toBeLessThanOrEqual(DEFAULTS[radius as keyof typeof DEFAULTS]);
        }
      }),
    );
  });

  it('keeps the defaults for a team or no signer', () => {
    expect(fitSignoffs(DEFAULTS, ['@acme/security'])).toMatchObject({ kind: 'kept', counts: DEFAULTS });
    expect(fitSignoffs(DEFAULTS, [])).toMatchObject({ kind: 'kept' });
  });
});
