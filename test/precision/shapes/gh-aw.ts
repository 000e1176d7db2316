// A collection of GitHub Agentic Workflows: each `.github/workflows/<name>.md` (front matter = what the agent may
// do, body = its prompt) beside the `.lock.yml` gh-aw compiles from it, and an ordinary CI workflow.
import type { Files, Shape } from '../shape.js';
import { withFrontMatter } from '../shape.js';

const TRIAGE_FRONT = (permissions: string, labelsMax = 3) =>
  [
    'on:',
    '  issues:',
    '    types: [opened]',
    permissions,
    'engine: copilot',
    'tools:',
    '  github:',
    '    toolsets: [issues, labels]',
    'safe-outputs:',
    '  add-labels:',
    `    max: ${labelsMax}`,
    '  add-comment:',
    'timeout-minutes: 10',
  ].join('\n');

const TRIAGE_BODY = [
  '# Triage new issues',
  '',
  'Read the issue. Pick at most three labels from the repository labels. If the report has no steps to',
  'reproduce, ask for them in one friendly comment.',
].join('\n');

const TRIAGE_OUTPUTS = (labelsMax: number) => `{"add-labels":{"max":${labelsMax}},"add-comment":{}}`;

const triage = (permissions = 'permissions: read-all', body = TRIAGE_BODY, labelsMax = 3) =>
  withFrontMatter(TRIAGE_FRONT(permissions, labelsMax), body);

const REPORT_BODY = [
  '# Weekly activity report',
  '',
  'Summarise the issues and pull requests of the last seven days. Open one discussion with the summary.',
].join('\n');

const report = (body = REPORT_BODY) =>
  withFrontMatter(
    [
      'on:',
      '  schedule: weekly',
      'permissions:',
      '  contents: read',
      '  issues: read',
      '  pull-requests: read',
      'engine: claude',
      'tools:',
      '  github:',
      '    toolsets: [issues, pull_requests]',
      'safe-outputs:',
      '  create-discussion:',
      '    category: reports',
    ].join('\n'),
    body,
  );

/**
 * What gh-aw compiles: a plain Actions workflow that loads the prompt from the `.md` at run time and carries the
 * safe-output limits of the front matter.
 */
const lock = (name: string, safeOutputs = '{}') =>
  [
    `name: "${name}"`,
    'on:',
    '  workflow_dispatch:',
    'permissions: {}',
    'jobs:',
    '  agent:',
    '    runs-on: ubuntu-latest',
    '    permissions:',
    '      contents: read',
    '    steps:',
    '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8',
    `      - run: echo "runs ${name}"`,
    '        env:',
    `          SAFE_OUTPUTS: '${safeOutputs}'`,
    '',
  ].join('\n');

const FILES: Files = {
  'README.md': '# Agentic workflows\n\nIssue triage and a weekly report, written as gh-aw workflows.\n',
  '.github/workflows/issue-triage.md': triage(),
  '.github/workflows/issue-triage.lock.yml': lock('Issue triage', TRIAGE_OUTPUTS(3)),
  '.github/workflows/weekly-report.md': report(),
  '.github/workflows/weekly-report.lock.yml': lock('Weekly report'),
  '.github/workflows/ci.yml': [
    'name: ci',
    'on: [push]',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - run: echo test',
    '',
  ].join('\n'),
};

export const GH_AW: Shape = {
  name: 'gh-aw workflow collection',
  files: FILES,
  prs: [
    {
      title: 'Triage prompt: one friendly comment becomes one short comment',
      files: {
        '.github/workflows/issue-triage.md': triage(
          'permissions: read-all',
          TRIAGE_BODY.replace('one friendly comment', 'one short comment'),
        ),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Weekly report also lists new contributors',
      files: {
        '.github/workflows/weekly-report.md': report(
          `${REPORT_BODY}\nName everyone whose first pull request was merged this week.`,
        ),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Triage reads only issues and contents',
      files: {
        '.github/workflows/issue-triage.md': triage('permissions:\n  contents: read\n  issues: read'),
      },
      // read-all to two scoped reads takes authority away: a revocation
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Triage may add up to five labels',
      files: {
        '.github/workflows/issue-triage.md': triage('permissions: read-all', TRIAGE_BODY, 5),
        '.github/workflows/issue-triage.lock.yml': lock('Issue triage', TRIAGE_OUTPUTS(5)),
      },
      // A wider safe output (irreversible: one sign-off) and the recompiled lock beside it. The lock is what
      // Actions runs with the workflow's token, a gate file, so the change is held at privileged: two sign-offs.
      expected: { signoffs: 2, paths: 0 },
    },
    {
      title: 'README links the gh-aw docs',
      files: {
        'README.md':
          '# Agentic workflows\n\nIssue triage and a weekly report, written as gh-aw workflows (see the gh-aw docs).\n',
      },
      expected: { signoffs: 0, paths: 0 },
    },
  ],
};
