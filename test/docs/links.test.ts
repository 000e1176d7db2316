import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => `docs/${n}`),
];

/** Markdown link and image targets, outside code blocks and code spans. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)|<(https?:[^>]+)>|^\[[^\]]+\]:\s*(\S+)/gm)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? '',
  );
}

describe('the documentation', () => {
  it('the README starts with the demo and the test command', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const commands = readme
      .split('```sh\n')[1]
      ?.split('\n')
      .slice(0, 2)
      .map((l) => l.split('#')[0]?.trim());
    expect(commands).toEqual(['npm ci && npm run demo', 'npm ci && npm test']);
  });

  it.each(pages)('%s links only to files inside the repository, and they exist', (page) => {
    for (const target of linkTargets(readFileSync(join(ROOT, page), 'utf8'))) {
      expect(target).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      const path = target.split('#')[0] ?? '';
      if (path === '') continue;
      const absolute = resolve(dirname(join(ROOT, page)), path);
      expect(relative(ROOT, absolute).startsWith('..')).toBe(false);
      expect(existsSync(absolute)).toBe(true);
    }
  });

  it('documents the formats, the commands, the JSON output, the exit codes and the threat model', () => {
    const docs = Object.fromEntries(
      ['formats', 'commands', 'json-output', 'security', 'github'].map((n) => [
        n,
        readFileSync(join(ROOT, `docs/${n}.md`), 'utf8'),
      ]),
    );
    for (const heading of [
      '## Tool manifest',
      '## MCP server',
      '## Prompt',
      '## Config',
      '## Eval results',
      '## Intent',
      '## Decision log',
    ])
      expect(docs.formats).toContain(heading);
    expect(docs.commands).toContain('## Exit codes');
    expect(docs['json-output']).toContain('schemaVersion');
    for (let n = 1; n <= 14; n += 1) expect(docs.security).toMatch(new RegExp(`^ ?${n}\\. \\*\\*`, 'm'));
    expect(docs.github).toContain('## Who can post a status');
    expect(docs.github).toContain('## Merge queues');
  });
});
