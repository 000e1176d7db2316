// The corpus tests read third-party files where they lie; without them every test would fail on its own ENOENT.
// Say once, plainly, where the corpus was looked for and how to point at it.
import { existsSync } from 'node:fs';
import { SHARED_FIXTURES } from './helpers/shared-fixtures.js';

export default function setup(): void {
  if (existsSync(SHARED_FIXTURES)) return;
  throw new Error(
    `npm run test:corpus reads the third-party corpus at ${SHARED_FIXTURES}, which does not exist: ` +
      'place the shared fixtures beside the repository (../shared/fixtures)',
  );
}
