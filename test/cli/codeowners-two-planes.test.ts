import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/actions/init.js';
import type { CodeownersReport } from '../../src/core/codeowners/codeowners-check.js';
import type { DiffReport } from '../../src/model/types.js';
import { ownersOf, parseCodeowners } from '../../src/parse/codeowners.js';
import { proposePr } from '../helpers/propose-pr.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

// CODEOWNERS that keeps the two planes apart, in real repositories' shapes (written in this project's words):
// a Copilot agent catalogue and a Claude Code product repository. A file whose body is text and whose front
// matter grants goes to the data owner (the control-plane check holds its grants); a config, settings file,
// hook, manifest, lock or gate file goes to the control owner.

const PIN = `acme/agentgate@${'d'.repeat(40)}`;
const DATA = '@acme/docs';
const CONTROL = '@acme/security';
const OWNERS = ['--prompt-owner', DATA, '--tool-owner', CONTROL];
let repo: TempRepo;

const cli = (...args: string[]) => runCli(args, { cwd: repo.dir });
const init = (...args: string[]) => cli('init', '--action-ref', PIN, ...args);
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const ownerOf = (path: string) =>
  ownersOf(parseCodeowners(read('.github/CODEOWNERS'), '.github/CODEOWNERS').rules, path).join(' ');
const agent = (tools: string, text: string) => `---\ndescription: ${text}\ntools: ${tools}\n---\n${text}\n`;

const CATALOGUE: Record<string, string> = {
  'agents/triage.agent.md': agent("['search', 'github/*']", 'Sort new issues.'),
  'agents/reviewer.agent.md': agent("['search']", 'Review pull requests.'),
  '.github/agents/release.agent.md': agent("['runCommands']", 'Cut a release.'),
  'prompts/summarize.prompt.md': '---\nmode: agent\n---\nSummarize the thread.\n',
  'instructions/.github/instructions/ts.instructions.md': '---\napplyTo: "**/*.ts"\n---\nUse strict mode.\n',
  '.github/copilot-instructions.md': 'Be brief.\n',
  'skills/changelog/SKILL.md': '---\nname: changelog\ndescription: Write the changelog.\n---\nSteps.\n',
  '.vscode/mcp.json': '{"servers":{"github":{"type":"http","url":"https://api.githubcopilot.com/mcp/"}}}',
  '.github/hooks/guard.json': '{"version":1,"hooks":{"preToolUse":[{"type":"command","bash":"./guard.sh"}]}}',
  '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
  '.github/workflows/copilot-setup-steps.yml': 'on: workflow_dispatch\njobs:\n  copilot-setup-steps: {}\n',
  '.github/workflows/label.md': '---\non: issues\npermissions: read-all\n---\nLabel the issue.\n',
  '.github/workflows/label.lock.yml': '# gh-aw-metadata: {"schema_version":"v3"}\nname: label\n',
};

const CLAUDE_REPO: Record<string, string> = {
  '.claude/agents/reviewer.md':
    '---\nname: reviewer\ndescription: Reviews.\ntools: Read, Grep\n---\nReview.\n',
  '.claude/commands/release.md': '---\nallowed-tools: Bash(git tag:*)\n---\nTag the release.\n',
  '.claude/skills/pdf/SKILL.md': '---\nname: pdf\ndescription: Fill forms.\n---\nRun scripts/fill.py.\n',
  '.claude/skills/pdf/scripts/fill.py': 'print("fill")\n',
  '.claude/settings.json': '{"permissions":{"allow":["Bash(npm test:*)"]},"hooks":{}}',
  '.mcp.json': '{"mcpServers":{"docs":{"type":"http","url":"https://docs.example.com/mcp"}}}',
  'CLAUDE.md': '# House rules\n',
  'plugins/lint/.claude-plugin/plugin.json': '{"name":"lint"}',
  'plugins/lint/agents/linter.md': '---\nname: linter\ndescription: Lints.\ntools: Read\n---\nLint.\n',
  'plugins/lint/hooks/hooks.json': '{"hooks":{"Stop":[{"hooks":[{"type":"command","command":"./n.sh"}]}]}}',
};

async function seed(files: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(files)) repo.write(path, text);
  await repo.commit('agents');
}

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('README.md', '# agents\n');
});
afterEach(() => repo.cleanup());

describe('a Copilot agent catalogue with a catch-all CODEOWNERS', () => {
  beforeEach(async () => {
    repo.write('.github/CODEOWNERS', '* @acme/maintainers\n/docs/ @acme/writers\n');
    await seed(CATALOGUE);
  });

  it('init lists the catch-all it would override and writes nothing without --force', () => {
    const refused = init(...OWNERS);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/would override 1 existing rule\(s\).*--force/);
    expect(refused.stdout).toMatch(
      /^override {2}\.github\/CODEOWNERS: overrides line 1 "\*" \(@acme\/maintainers\)/m,
    );
    // the /docs/ rule gives nothing agentgate routes: it is not listed, and nothing was written
    expect(refused.stdout).not.toContain('line 2');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('with --force, text goes to the data owner and authority to the control owner; --check agrees', () => {
    const forced = init(...OWNERS, '--force');
    expect(forced.code).toBe(0);
    for (const path of [
      'agents/triage.agent.md',
      '.github/agents/release.agent.md',
      'prompts/summarize.prompt.md',
      'instructions/.github/instructions/ts.instructions.md',
      '.github/copilot-instructions.md',
      'skills/changelog/SKILL.md',
      '.github/workflows/label.md',
    ])
      expect([path, ownerOf(path)]).toEqual([path, DATA]);
    for (const path of [
      '.vscode/mcp.json',
      '.github/hooks/guard.json',
      '.github/workflows/ci.yml',
      '.github/workflows/copilot-setup-steps.yml',
      '.github/workflows/label.lock.yml',
      '.github/workflows/agentgate.yml',
      'agentgate.yaml',
      '.github/CODEOWNERS',
    ])
      expect([path, ownerOf(path)]).toEqual([path, CONTROL]);
    // a rule agentgate does not route keeps its owners
    expect(ownerOf('docs/guide.md')).toBe('@acme/writers');

    expect(cli('codeowners', '--check').code).toBe(0);
    const report = JSON.parse(cli('codeowners', '--check', '--format', 'json').stdout) as CodeownersReport;
    for (const source of report.sources)
      expect([source.path, source.owners]).toEqual([source.path, [source.plane === 'data' ? DATA : CONTROL]]);
    expect(report.sources.filter((source) => source.plane === 'data').length).toBe(8);
    expect(report.findings.filter((finding) => finding.severity !== 'info')).toEqual([]);
  });

  it('a text edit of an agent file is data plane alone, and the data owner owns the file', async () => {
    expect(init(...OWNERS, '--force').code).toBe(0);
    await repo.commit('agentgate');
    const text: DiffReport = await proposePr(repo, {
      'agents/triage.agent.md': agent("['search', 'github/*']", 'Sort and label new issues.'),
    });
    expect(text.planes.control.changed).toBe(false);
    expect(text.planes.data.files.map((file) => file.path)).toEqual(['agents/triage.agent.md']);
    expect(ownerOf('agents/triage.agent.md')).toBe(DATA);
  });
});

describe('a Claude Code repository without CODEOWNERS', () => {
  beforeEach(async () => {
    await seed(CLAUDE_REPO);
  });

  it('init asks for owners in terms of the files it found, with no registry assumed', async () => {
    const questions: string[] = [];
    const printed: string[] = [];
    const answers = [DATA, CONTROL];
    const io = {
      interactive: true,
      ask: async (question: string) => (questions.push(question), answers.shift() ?? ''),
      print: (line: string) => printed.push(line),
    };
    expect(await runInit({ actionRef: PIN }, repo.dir, io)).toBe(0);
    expect(questions[0]).toMatch(/^Owner of the text \(data plane: \.claude\/agents\/reviewer\.md, /);
    expect(questions[0]).toContain('and 2 more');
    expect(questions[0]).not.toContain('registry');
    expect(questions[1]).toMatch(
      /^Owner of the authority \(control plane: \.claude\/settings\.json, \.mcp\.json, /,
    );
    expect(questions[1]).not.toContain('registry');
    expect(printed).toContainEqual(expect.stringMatching(/^text {6}\.claude\/agents\/reviewer\.md/));
  });

  it('init routes each file by what it is, and codeowners --check passes', () => {
    const result = init(...OWNERS);
    expect(result.code).toBe(0);
    for (const path of [
      '.claude/agents/reviewer.md',
      '.claude/commands/release.md',
      '.claude/skills/pdf/SKILL.md',
      'CLAUDE.md',
      'plugins/lint/agents/linter.md',
    ])
      expect([path, ownerOf(path)]).toEqual([path, DATA]);
    for (const path of [
      '.claude/settings.json',
      '.mcp.json',
      // a skill's scripts run: they stay with the control owner, beside the skill's data-owned text
      '.claude/skills/pdf/scripts/fill.py',
      'plugins/lint/.claude-plugin/plugin.json',
      'plugins/lint/hooks/hooks.json',
      'agentgate.yaml',
    ])
      expect([path, ownerOf(path)]).toEqual([path, CONTROL]);
    expect(cli('codeowners', '--check').code).toBe(0);
  });

  it('--check warns when agent files only the control owner can approve hold every text edit', () => {
    expect(init(...OWNERS).code).toBe(0);
    const text = read('.github/CODEOWNERS');
    repo.write('.github/CODEOWNERS', `${text}/.claude/agents/ ${CONTROL}\n`);
    const result = cli('codeowners', '--check', '--format', 'json');
    const report = JSON.parse(result.stdout) as CodeownersReport;
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'source-owner-mismatch',
        message: expect.stringContaining('.claude/agents/reviewer.md hold text beside what they grant'),
      }),
    ]);
  });
});
