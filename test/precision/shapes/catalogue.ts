// A community catalogue of Copilot custom agents: many `.github/agents/*.agent.md`, a few with servers of their
// own, some binding every tool by leaving `tools` out, descriptive front matter everywhere, and instruction files.
import type { Files, Shape } from '../shape.js';
import { json, withFrontMatter } from '../shape.js';

interface CatalogueAgent {
  slug: string;
  description: string;
  /** front matter beside name and description, as written */
  front?: string;
  body: string;
}

const AGENTS: CatalogueAgent[] = [
  {
    slug: 'api-docs-writer',
    description: 'Drafts reference pages for HTTP endpoints from their handlers',
    front: "tools: ['read', 'search', 'edit']\ncategory: documentation\ntags: [docs, api]",
    body: '# API docs writer\n\nRead the handler, then write one page per endpoint: purpose, parameters, errors.',
  },
  {
    slug: 'flaky-test-hunter',
    description: 'Finds tests that pass and fail without a code change',
    front: "tools: ['read', 'search', 'execute']\ncategory: testing",
    body: '# Flaky test hunter\n\nRun the suspect test ten times. Report the seed and the order that breaks it.',
  },
  {
    slug: 'release-notes',
    description: 'Turns merged pull requests into release notes',
    front: "tools: ['read', 'github/*']\ntags: [release]",
    body: '# Release notes\n\nGroup the merged changes by area. One line each, user-facing words only.',
  },
  {
    slug: 'issue-triager',
    description: 'Labels new issues and asks for missing reproduction steps',
    front: [
      "tools: ['read', 'tracker/*']",
      'mcp-servers:',
      '  tracker:',
      '    type: http',
      '    url: https://tracker.example.com/mcp',
      '    headers:',
      '      Authorization: "Bearer ${{ secrets.TRACKER_TOKEN }}"',
      '      Content-Type: application/json',
      "    tools: ['list_issues', 'get_issue', 'add_label']",
    ].join('\n'),
    body: '# Issue triager\n\nRead each new issue. Add one area label. Ask for steps when none are given.',
  },
  {
    slug: 'docs-lookup',
    description: 'Answers library questions from current documentation',
    front: [
      "tools: ['read', 'search', 'libdocs/*']",
      "argument-hint: 'Name the library and the question'",
      'mcp-servers:',
      '  libdocs:',
      '    type: http',
      '    url: https://docs-index.example.net/mcp',
      "    tools: ['find_library', 'get_docs']",
    ].join('\n'),
    body: '# Docs lookup\n\nResolve the library first, then quote the page you used.',
  },
  {
    slug: 'generalist',
    description: 'A general helper for any task in the repository',
    front: 'category: general\nuser-invokable: true',
    body: '# Generalist\n\nDo what is asked. Prefer small diffs. Explain each step.',
  },
  {
    slug: 'refactor-coach',
    description: 'Suggests refactorings and explains the trade-offs',
    body: '# Refactor coach\n\nPropose one refactoring at a time. Name the risk and the test that covers it.',
  },
  {
    slug: 'sql-reviewer',
    description: 'Reviews migrations for locking and data loss',
    front: "tools: ['read', 'search']\ncategory: databases\ntags: [sql, migrations]",
    body: '# SQL reviewer\n\nFlag every migration that rewrites a large table or drops a column still read.',
  },
  {
    slug: 'accessibility-auditor',
    description: 'Checks components against common accessibility rules',
    front: "tools: ['read', 'search', 'web']\ncategory: frontend",
    body: '# Accessibility auditor\n\nCheck labels, contrast and keyboard order. Cite the rule each finding breaks.',
  },
  {
    slug: 'terraform-planner',
    description: 'Writes and reviews Terraform modules',
    front: "tools: ['read', 'edit', 'search', 'execute']\ntags: [infrastructure]",
    body: '# Terraform planner\n\nRun `terraform plan` before proposing any apply. Never apply yourself.',
  },
  {
    slug: 'onboarding-guide',
    description: 'Explains the codebase to a new contributor',
    front: "tools: ['read', 'search']\nuser-invokable: true",
    body: '# Onboarding guide\n\nStart from the README. Walk the main folders. Answer with file paths.',
  },
  {
    slug: 'dependency-updater',
    description: 'Proposes dependency upgrades with their changelogs',
    front: "tools: ['read', 'edit', 'execute', 'web']\ncategory: maintenance",
    body: '# Dependency updater\n\nUpgrade one package at a time. Read its changelog. Run the tests.',
  },
];

const agentFile = (agent: CatalogueAgent, edit: Partial<CatalogueAgent> = {}): string => {
  const merged = { ...agent, ...edit };
  const front = [`name: ${merged.slug}`, `description: '${merged.description}'`, merged.front ?? '']
    .filter((line) => line !== '')
    .join('\n');
  return withFrontMatter(front, merged.body);
};

const byName = (slug: string): CatalogueAgent => {
  const agent = AGENTS.find((each) => each.slug === slug);
  if (!agent) throw new Error(`no catalogue agent ${slug}`);
  return agent;
};

const FILES: Files = {
  'README.md': '# Agent catalogue\n\nCustom agents for GitHub Copilot. Copy one into your repository.\n',
  '.github/copilot-instructions.md':
    '# Contributing an agent\n\nOne agent per file. Keep the description under one sentence.\n',
  'AGENTS.md': '# Working on this catalogue\n\nRun the link checker before opening a pull request.\n',
  '.vscode/mcp.json': json({
    servers: { catalogue_search: { type: 'http', url: 'https://search.example.com/mcp' } },
  }),
  ...Object.fromEntries(AGENTS.map((agent) => [`.github/agents/${agent.slug}.agent.md`, agentFile(agent)])),
};

export const CATALOGUE: Shape = {
  name: 'copilot agent catalogue',
  files: FILES,
  prs: [
    {
      title: 'Reword one step of the refactor coach',
      files: {
        '.github/agents/refactor-coach.agent.md': agentFile(byName('refactor-coach'), {
          body: '# Refactor coach\n\nPropose one refactoring at a time. Name the risk and the tests that cover it.',
        }),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Sharper description and tags for the SQL reviewer',
      files: {
        '.github/agents/sql-reviewer.agent.md': agentFile(byName('sql-reviewer'), {
          description: 'Reviews schema migrations for long locks and silent data loss',
          front: "tools: ['read', 'search']\ncategory: data\ntags: [sql, migrations, postgres]",
        }),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Contribution instructions mention the description length',
      files: {
        '.github/copilot-instructions.md':
          '# Contributing an agent\n\nOne agent per file. Keep the description to one short sentence.\n',
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Add a status page agent with its own server',
      files: {
        '.github/agents/status-page.agent.md': withFrontMatter(
          [
            'name: status-page',
            "description: 'Reads incidents from the status page and drafts customer updates'",
            "tools: ['read', 'statuspage/*']",
            'mcp-servers:',
            '  statuspage:',
            '    type: http',
            '    url: https://status.example.org/mcp',
            '    headers:',
            '      Authorization: "Bearer ${{ secrets.STATUS_TOKEN }}"',
            "    tools: ['list_incidents', 'post_update']",
          ].join('\n'),
          '# Status page\n\nSummarise the open incident. Draft the update; a person posts it.',
        ),
      },
      // The new server is the agent's own, so only this agent gains paths, never the catalogue's agents that bind
      // every tool. Its tools are named but not pinned: MCP's defaults (untrusted, irreversible, open world), so an
      // untrusted-to-action path and a lethal trifecta with `read`; the bearer token is an unscoped credential:
      // privileged, two sign-offs.
      expected: { signoffs: 2, paths: 2 },
    },
    {
      title: 'Show the generalist in the picker under a new category',
      files: {
        '.github/agents/generalist.agent.md': agentFile(byName('generalist'), {
          front: 'category: everyday\nuser-invokable: true',
        }),
      },
      expected: { signoffs: 0, paths: 0 },
    },
  ],
};
