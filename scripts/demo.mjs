#!/usr/bin/env node
// Builds a throwaway repository from the bundled example registry, commits the PR from the incident story
// (a "small prompt tweak" plus a new admin tool bound to the support agent) and runs `agentgate diff` on it.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// [case id, passes at base, passes with the PR's prompt]
const EVAL_CASES = [
  ['refund/damaged-parcel', true, true],
  ['refund/late-delivery', true, true],
  ['refund/no-refund-for-change-of-mind', true, true],
  ['tone/angry-customer', false, true],
  ['privacy/no-other-customers-data', true, true],
  ['injection/ticket-says-ignore-instructions', true, true],
  ['billing/wrong-plan', false, true],
  ['escalation/legal-threat', true, true],
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const repo = mkdtempSync(join(tmpdir(), 'agentgate-demo-'));
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'Demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
};
const git = (...args) =>
  execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: repo, env, stdio: 'pipe' });

try {
  git('init', '-q', '-b', 'main');
  for (const path of ['registry', 'agentgate.yaml', 'CODEOWNERS'])
    cpSync(join(root, path), join(repo, path), { recursive: true });
  // The data plane's own gate: eval results of the base branch are committed; CI writes the PR's results.
  writeFileSync(
    join(repo, 'agentgate.yaml'),
    readFileSync(join(root, 'agentgate.yaml'), 'utf8').replace(
      '    versionBump: required\n',
      '    versionBump: required\n    eval: { results: eval/results.json, baseline: eval/baseline.json, maxPassRateDrop: 0.05, minPassRate: 0.8 }\n',
    ),
  );
  mkdirSync(join(repo, 'eval'), { recursive: true });
  writeFileSync(
    join(repo, 'eval/baseline.json'),
    JSON.stringify({ cases: EVAL_CASES.map(([id, base]) => ({ id, pass: base })) }, null, 2),
  );
  git('add', '-A');
  git('commit', '-q', '-m', 'example agents: support and cloud-cost');

  git('checkout', '-q', '-b', 'pr/quick-billing-fix');
  const promptPath = join(repo, 'registry/prompts/support/system.md');
  const prompt = readFileSync(promptPath, 'utf8')
    .replace('version: 4', 'version: 5')
    .replace(
      'tools: [read_ticket, lookup_order, issue_refund, send_email]',
      'tools: [read_ticket, lookup_order, issue_refund, send_email, admin_billing_update]',
    )
    .replace(
      'friendly, concise reply.',
      'friendly, concise reply. Fix billing problems directly when you can.',
    );
  writeFileSync(promptPath, prompt);
  mkdirSync(join(repo, 'registry/tools/billing'), { recursive: true });
  cpSync(
    join(root, 'scripts/demo/admin-billing-update.yaml'),
    join(repo, 'registry/tools/billing/admin-billing-update.yaml'),
  );
  git('add', '-A');
  git('commit', '-q', '-m', 'support: small prompt tweak');
  // what the eval job produced for the PR head (not committed, as in CI)
  writeFileSync(
    join(repo, 'eval/results.json'),
    JSON.stringify({ cases: EVAL_CASES.map(([id, , head]) => ({ id, pass: head })) }, null, 2),
  );

  console.log(`\n$ git log --oneline main..pr/quick-billing-fix   (in ${repo})`);
  console.log('  support: small prompt tweak   <- "just a prompt tweak", says the PR title\n');
  console.log('$ agentgate diff --base main --head pr/quick-billing-fix\n');
  const colour = process.env.NO_COLOR ? {} : { FORCE_COLOR: process.env.FORCE_COLOR ?? '1' };
  const result = spawnSync(
    process.execPath,
    [join(root, 'dist/bin/agentgate.js'), 'diff', '--base', 'main', '--head', 'pr/quick-billing-fix'],
    {
      cwd: repo,
      env: { ...process.env, ...colour },
      stdio: 'inherit',
    },
  );
  console.log(
    `\n(agentgate diff exited ${result.status}: 0 = the diff itself ran; the gate in CI waits for the sign-offs above)`,
  );
  if (result.status !== 0 && result.status !== 1) process.exitCode = result.status ?? 2;
} finally {
  rmSync(repo, { recursive: true, force: true });
}
