#!/usr/bin/env node
// Builds a throwaway repository from the bundled example registry, commits the PR from the incident story
// (a "small prompt tweak" plus a new admin tool bound to the support agent, and the internal admin API wired
// into .mcp.json), runs `agentgate diff` on it, then shows the two pipelines: the prompt tweak split off and
// released on its own, while the authority change waits for its sign-offs.
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
  // ...and the same PR wires the internal admin API into the MCP config the agent's client reads
  cpSync(join(root, 'scripts/demo/mcp.json'), join(repo, '.mcp.json'));
  git('add', '-A');
  git('commit', '-q', '-m', 'support: small prompt tweak');
  // what the eval job produced for the PR head (not committed, as in CI)
  writeFileSync(
    join(repo, 'eval/results.json'),
    JSON.stringify({ cases: EVAL_CASES.map(([id, , head]) => ({ id, pass: head })) }, null, 2),
  );

  // the CLI writes to our own stdout and decides colour from it (a terminal, NO_COLOR): piped, no escapes
  const agentgate = (...args) =>
    spawnSync(process.execPath, [join(root, 'dist/bin/agentgate.js'), ...args], {
      cwd: repo,
      env: process.env,
      stdio: 'inherit',
    });
  const heading = (text) => console.log(`\n${'='.repeat(100)}\n${text}\n`);

  heading('1. The pull request: "just a prompt tweak", says its title');
  console.log(`$ git log --oneline main..pr/quick-billing-fix   (in ${repo})`);
  console.log('  support: small prompt tweak\n');
  console.log('$ agentgate diff --base main --head pr/quick-billing-fix\n');
  const diff = agentgate('diff', '--base', 'main', '--head', 'pr/quick-billing-fix');
  console.log(
    `\n(agentgate diff exited ${diff.status}: in CI the control plane waits for the sign-offs above)`,
  );
  if (diff.status !== 0 && diff.status !== 1) process.exitCode = diff.status ?? 2;

  heading('2. The prompt fix need not wait for the security review: split the data-plane part off');
  git('checkout', '-q', 'pr/quick-billing-fix');
  console.log('$ agentgate split --base main --branch pr/quick-billing-fix-prompt\n');
  const split = agentgate('split', '--base', 'main', '--branch', 'pr/quick-billing-fix-prompt');
  if (split.status !== 0) process.exitCode = split.status ?? 2;
  console.log('\n$ agentgate diff --base main --head pr/quick-billing-fix-prompt\n');
  agentgate('diff', '--base', 'main', '--head', 'pr/quick-billing-fix-prompt');

  heading('3. After merge, each plane releases on its own timing');
  git('checkout', '-q', 'main');
  git('merge', '-q', '--ff-only', 'pr/quick-billing-fix-prompt');
  console.log('$ git merge --ff-only pr/quick-billing-fix-prompt   (the data-only PR, merged)');
  console.log('$ agentgate release --plane data --out releases\n');
  const release = agentgate('release', '--plane', 'data', '--out', 'releases');
  if (release.status !== 0) process.exitCode = release.status ?? 2;
  console.log(
    '\nThe admin tool, its binding and the admin MCP server stay on pr/quick-billing-fix until two signers\n' +
      'sign off on its capability digest; `agentgate release --plane control --require-signed` ships them then.',
  );
} finally {
  rmSync(repo, { recursive: true, force: true });
}
