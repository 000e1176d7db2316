import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleDigest } from '../../src/core/release/bundle.js';
import type { ControlBundle, DataBundle } from '../../src/core/release/bundle.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const ADMIN_TOOL = readFileSync(join(ROOT, 'scripts/demo/admin-billing-update.yaml'), 'utf8');
const SUPPORT_PROMPT = 'registry/prompts/support/system.md';
const NO_GITHUB = { AGENTGATE_TOKEN: '', GITHUB_TOKEN: '', GITHUB_REPOSITORY: '' };

let repo: TempRepo;

function release(...args: string[]) {
  const result = runCli(['release', '--out', 'out', '--format', 'json', ...args], {
    cwd: repo.dir,
    env: NO_GITHUB,
  });
  expect(result.stderr).toBe('');
  return { code: result.code, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

function bundle<T>(name: string): T {
  return JSON.parse(readFileSync(join(repo.dir, 'out', name), 'utf8')) as T;
}

const tags = () => repo.git('tag', '--list', 'agentgate/*').split('\n').filter(Boolean);
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');

beforeEach(async () => {
  repo = await createTempRepo();
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(ROOT, path), join(repo.dir, path), { recursive: true });
  await repo.commit('example agents');
});
afterEach(() => repo.cleanup());

describe('agentgate release', () => {
  it('cuts v1 of each plane: prompts without tools in one, tools without prompt text in the other', () => {
    expect(release('--plane', 'data').json).toMatchObject({
      released: true,
      version: 1,
      tag: 'agentgate/data/v1',
    });
    expect(release('--plane', 'control').json).toMatchObject({ released: true, version: 1 });
    const data = bundle<DataBundle>('agentgate-data-v1.json');
    const control = bundle<ControlBundle>('agentgate-control-v1.json');
    expect(data).toMatchObject({
      plane: 'data',
      version: 1,
      previous: null,
      commit: repo.git('rev-parse', 'HEAD'),
    });
    expect(data.prompts.map((p) => p.id)).toContain('support/system');
    const dataText = JSON.stringify(data.prompts);
    expect(dataText).not.toContain('scopes');
    expect(dataText).not.toContain('issue_refund"');
    expect(control.tools.map((t) => t.name)).toContain('issue_refund');
    expect(control.bindings).toContainEqual({
      agent: 'support/system',
      tools: ['issue_refund', 'lookup_order', 'read_ticket', 'send_email'],
    });
    expect(JSON.stringify(control)).not.toContain("You are Acme's customer support agent");
    for (const b of [data, control])
      expect(b.digest).toBe(bundleDigest(b as unknown as Record<string, unknown>));
    expect(tags().sort()).toEqual(['agentgate/control/v1', 'agentgate/data/v1']);
  });

  it('cuts nothing when the plane did not change, and counts versions per plane', async () => {
    release('--plane', 'data');
    release('--plane', 'control');
    expect(release('--plane', 'data')).toMatchObject({
      code: 0,
      json: { released: false, reason: 'unchanged' },
    });

    repo.write(
      SUPPORT_PROMPT,
      read(SUPPORT_PROMPT).replace('version: 4', 'version: 5').replace('concise', 'short'),
    );
    await repo.commit('prompt tweak');
    expect(release('--plane', 'control').json).toMatchObject({ released: false, version: 1 });
    expect(release('--plane', 'data').json).toMatchObject({ released: true, version: 2 });
    const v2 = bundle<DataBundle>('agentgate-data-v2.json');
    expect(v2.previous).toEqual({ version: 1, commit: repo.git('rev-parse', 'HEAD~1') });
    expect(v2.changes.prompts).toEqual([
      expect.objectContaining({ id: 'support/system', versionBefore: '4', versionAfter: '5' }),
    ]);
    expect(v2.changelog.join('\n')).toContain('support/system');
    expect(repo.git('tag', '-l', '--format=%(contents)', 'agentgate/data/v2')).toContain('support/system');
    expect(tags()).not.toContain('agentgate/control/v2');
  });

  it('--no-tag writes the bundle only', () => {
    expect(release('--plane', 'control', '--no-tag').json).toMatchObject({ released: true, tag: null });
    expect(existsSync(join(repo.dir, 'out/agentgate-control-v1.json'))).toBe(true);
    expect(tags()).toEqual([]);
  });
});

describe('agentgate release --require-signed', () => {
  beforeEach(() => {
    release('--plane', 'control');
  });

  it('refuses an escalation it cannot verify on GitHub, naming the change, and writes nothing', async () => {
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    const sha = await repo.commit('admin tool');
    const { code, json } = release('--plane', 'control', '--require-signed');
    expect(code).toBe(1);
    expect(json).toMatchObject({ released: false, reason: 'unsigned' });
    expect(String((json.unsigned as string[])[0])).toContain(sha.slice(0, 12));
    expect(existsSync(join(repo.dir, 'out/agentgate-control-v2.json'))).toBe(false);
    expect(tags()).not.toContain('agentgate/control/v2');
  });

  it('ships a revocation at once: a range that only narrows needs no sign-off', async () => {
    repo.remove('registry/tools/support/send-email.yaml');
    repo.write(SUPPORT_PROMPT, read(SUPPORT_PROMPT).replace(', send_email]', ']'));
    await repo.commit('revoke send_email');
    const { code, json } = release('--plane', 'control', '--require-signed');
    expect(code).toBe(0);
    expect(json).toMatchObject({ released: true, version: 2 });
  });

  it('reaches back past a tag pushed by hand: a bare tag, or one agentgate did not write, is no release', async () => {
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    const sha = await repo.commit('admin tool');
    // a bare tag, then an annotated one with another message: neither starts the range
    repo.git('tag', 'agentgate/control/v2', sha);
    repo.git('tag', '-a', '-m', 'looks official', 'agentgate/control/v3', sha);
    const { code, json } = release('--plane', 'control', '--require-signed');
    expect(code).toBe(1);
    expect(json).toMatchObject({ released: false, reason: 'unsigned', version: 4 });
    expect(String((json.unsigned as string[])[0])).toContain(sha.slice(0, 12));
  });

  it('reaches back past an agentgate-titled tag whose bundle at hand does not verify', async () => {
    const v1 = join(repo.dir, 'out/agentgate-control-v1.json');
    const forged = JSON.parse(read('out/agentgate-control-v1.json')) as Record<string, unknown>;
    repo.write('registry/tools/billing/admin-billing-update.yaml', ADMIN_TOOL);
    const sha = await repo.commit('admin tool');
    repo.git('tag', '-a', '-m', 'agentgate control plane v2', 'agentgate/control/v2', sha);
    forged.version = 2;
    forged.commit = sha;
    writeFileSync(join(repo.dir, 'out/agentgate-control-v2.json'), JSON.stringify(forged));
    expect(existsSync(v1)).toBe(true);
    const { code, json } = release('--plane', 'control', '--require-signed');
    expect(code).toBe(1);
    expect(String((json.unsigned as string[])[0])).toContain(sha.slice(0, 12));
  });

  it('is a usage error on the data plane', () => {
    const result = runCli(['release', '--plane', 'data', '--require-signed'], { cwd: repo.dir });
    expect(result.code).toBe(2);
  });
});
