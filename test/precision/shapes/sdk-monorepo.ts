// A large SDK monorepo: instruction files at the root and in packages (AGENTS.md, CLAUDE.md, path-scoped Copilot
// instructions), Claude Code skills nested by area with a script a skill runs, and one project server.
import type { Files, Shape } from '../shape.js';
import { json, withFrontMatter } from '../shape.js';

const codegenSkill = (allowed: string, body: string) =>
  withFrontMatter(
    [
      'name: codegen',
      'description: Regenerates the typed clients from the API description',
      `allowed-tools: ${allowed}`,
    ].join('\n'),
    body,
  );

const CODEGEN_BODY = [
  '# Regenerate the clients',
  '',
  'Run `python scripts/generate.py` from this folder. Commit the generated files with the spec change.',
].join('\n');

const REVIEW_BODY = '# API review\n\nEvery public method needs a docstring, an example and a changelog line.';

const reviewSkill = (body = REVIEW_BODY) =>
  withFrontMatter('name: api-review\ndescription: Reviews a change to the public API', body);

const FILES: Files = {
  'AGENTS.md':
    '# SDK monorepo\n\nEach package builds on its own. Run `make test` inside the package you change.\n',
  'CLAUDE.md': '@AGENTS.md\n\nPrefer small pull requests, one package each.\n',
  'packages/python/AGENTS.md': '# Python SDK\n\nUse `uv run pytest`. Type hints on every public function.\n',
  'packages/typescript/CLAUDE.md': '# TypeScript SDK\n\nUse `pnpm test`. No default exports.\n',
  '.github/instructions/python.instructions.md': withFrontMatter(
    "applyTo: 'packages/python/**'",
    'Follow PEP 8. Keep imports sorted.',
  ),
  '.github/copilot-instructions.md': 'Generated files under `gen/` are never edited by hand.\n',
  '.claude/skills/clients/codegen/SKILL.md': codegenSkill('Bash(python scripts/generate.py:*)', CODEGEN_BODY),
  '.claude/skills/clients/codegen/scripts/generate.py': 'print("generating clients")\n',
  '.claude/skills/review/api-review/SKILL.md': reviewSkill(),
  '.mcp.json': json({ mcpServers: { 'api-spec': { type: 'http', url: 'https://spec.example.dev/mcp' } } }),
  'packages/python/src/client.py': 'class Client:\n    pass\n',
};

export const SDK_MONOREPO: Shape = {
  name: 'sdk monorepo with nested skills',
  files: FILES,
  prs: [
    {
      title: 'Python package notes mention ruff',
      files: {
        'packages/python/AGENTS.md':
          '# Python SDK\n\nUse `uv run pytest` and `uv run ruff check`. Type hints on every public function.\n',
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'API review asks for a deprecation note',
      files: {
        '.claude/skills/review/api-review/SKILL.md': reviewSkill(
          `${REVIEW_BODY}\nA removed method gets a deprecation note one release before.`,
        ),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Python instructions: docstrings in Google style',
      files: {
        '.github/instructions/python.instructions.md': withFrontMatter(
          "applyTo: 'packages/python/**'",
          'Follow PEP 8. Keep imports sorted. Write docstrings in Google style.',
        ),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'Codegen skill says where the spec lives',
      files: {
        '.claude/skills/clients/codegen/SKILL.md': codegenSkill(
          'Bash(python scripts/generate.py:*)',
          `${CODEGEN_BODY}\nThe API description is \`spec/openapi.yaml\`.`,
        ),
      },
      expected: { signoffs: 0, paths: 0 },
    },
    {
      title: 'The generator script prints which client it writes',
      files: {
        '.claude/skills/clients/codegen/scripts/generate.py':
          'for name in ["python", "typescript"]:\n    print("generating", name)\n',
      },
      // The script is what the skill's rule runs unasked (`Bash(python …)`, an interpreter: privileged), so its
      // edit is control plane at that radius: two sign-offs.
      expected: { signoffs: 2, paths: 0 },
    },
  ],
};
