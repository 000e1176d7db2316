import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DEMO = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));

describe('the demo', () => {
  it('piped (not a terminal), writes no colour escapes', () => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const run = spawnSync(process.execPath, [DEMO], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('CONTROL PLANE  changed');
    expect(run.stdout).not.toContain('\u001b[');
  }, 120_000);
});
