// A product repository worked on with Claude Code: project settings with permission rules, hooks and env, a few
// subagents, slash commands and a skill, a project `.mcp.json`, and a CLAUDE.md.
import type { Files, Shape } from '../shape.js';
import { json, withFrontMatter } from '../shape.js';

const settings = (allow: string[], extra: Record<string, unknown> = {}) =>
  json({
    permissions: {
      allow,
      deny: ['Read(./.env)', 'Read(./secrets/**)', 'Bash(git push --force:*)'],
    },
    env: { MAX_THINKING_TOKENS: '8000' },
    hooks: {
      PostToolUse: [
        {
          matcher: 'Edit|Write',
          hooks: [{ type: 'command', command: '"$CLAUDE_PROJECT_DIR"/.claude/hooks/format.sh' }],
        },
      ],
    },
    ...extra,
  });

const ALLOW = [
  'Bash(npm run test:*)',
  'Bash(npm run lint)',
  'Bash(git status)',
  'Bash(git diff:*)',
  'Read',
  'Grep',
  'Glob',
];

const reviewer = (description: string) =>
  withFrontMatter(
    `name: code-reviewer\ndescription: ${description}\ntools: Read, Grep, Glob`,
    'You review the staged change. Point at the line, say why it is wrong, suggest the fix.',
  );

const releaseCommand = (body: string) =>
  withFrontMatter(
    'description: Prepare a release branch\nallowed-tools: Bash(git checkout:*), Bash(npm version:*)',
    body,
  );

const CLAUDE_MD = [
  '# Shop frontend',
  '',
  'Run `npm run test:unit` before every commit. Components live in `src/components`, one folder each.',
  '',
].join('\n');

const FILES: Files = {
  'package.json': json({ name: 'shop-frontend', private: true, scripts: { 'test:unit': 'vitest' } }),
  'src/cart.ts': 'export const total = (prices: number[]) => prices.reduce((a, b) => a + b, 0);\n',
  'CLAUDE.md': CLAUDE_MD,
  '.claude/settings.json': settings(ALLOW),
  '.claude/hooks/format.sh': '#!/bin/sh\nnpx prettier --write "$1"\n',
  '.claude/agents/code-reviewer.md': reviewer('Reviews a staged change for bugs and style'),
  '.claude/agents/test-writer.md': withFrontMatter(
    'name: test-writer\ndescription: Writes unit tests for a component\ntools: Read, Edit, Bash(npm run test:*)',
    'Write the smallest test that fails without the change. Run it.',
  ),
  '.claude/commands/release.md': releaseCommand(
    'Create `release/<version>` from main, bump the version, and stop before pushing.',
  ),
  '.claude/commands/explain.md': withFrontMatter(
    'description: Explain a file\nargument-hint: <path>',
    'Explain what $ARGUMENTS does, top to bottom, in plain words.',
  ),
  '.claude/skills/changelog/SKILL.md': withFrontMatter(
    'name: changelog\ndescription: Writes the changelog entry for the current branch',
    'Read `git log main..HEAD`. Write one line per user-facing change under Unreleased.',
  ),
  '.mcp.json': json({
    mcpServers: {
      errors: {
        type: 'http',
        url: 'https://errors.example.com/mcp',
        headers: { Authorization: 'Bearer ${ERRORS_TOKEN}' },
      },
    },
  }),
};

export const CLAUDE_PRODUCT: Shape = {
  name: 'claude code product repository',
  files: FILES,
  prs: [
    {
      title: 'Release command stops before tagging too',
      files: {
        '.claude/commands/release.md': releaseCommand(
          'Create `release/<version>` from main, bump the version, and stop before tagging or pushing.',
        ),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Clearer description of the code reviewer',
      files: {
        '.claude/agents/code-reviewer.md': reviewer('Reviews the staged change for bugs, naming and style'),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'CLAUDE.md names the end-to-end suite',
      files: {
        'CLAUDE.md': `${CLAUDE_MD}End-to-end tests run with \`npm run test:e2e\`; they need a browser.\n`,
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Let Claude list files without asking',
      files: { '.claude/settings.json': settings([...ALLOW, 'Bash(ls:*)']) },
      // a read-only command: read radius, one sign-off
      expected: { signoffs: 1, paths: 0 },
    },
    {
      title: 'Stop adding the co-author trailer',
      files: { '.claude/settings.json': settings(ALLOW, { includeCoAuthoredBy: false }) },
      expected: { signoffs: 0, paths: 0 },
    },
  ],
};
