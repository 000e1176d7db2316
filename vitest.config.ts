import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tests that read the third-party corpus beside the repository (../shared/fixtures) run under
    // `npm run test:corpus` (vitest.corpus.config.ts): `npm test` passes in a fresh clone with nothing beside it
    exclude: ['**/node_modules/**', '**/*.corpus.test.ts'],
    // builds dist/ when it is missing or older than the sources: tests that drive the CLI never run a stale build
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
