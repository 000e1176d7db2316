import { defineConfig } from 'vitest/config';

// Only the tests that read the third-party corpus where it lies (../shared/fixtures beside the repository):
// `npm run test:corpus`. Each is named `*.corpus.test.ts`; `npm test` leaves them out.
export default defineConfig({
  test: {
    include: ['test/**/*.corpus.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/corpus-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
