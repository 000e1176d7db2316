// `scope` names each file once over its permission rules: a gh-aw workflow or a settings file holds dozens, and
// repeating `path:line` on each of them buried the rules themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const SETTINGS = '.claude/settings.json';
const WORKFLOW = '.github/workflows/triage.md';

beforeAll(async () => {
  repo = await createTempRepo();
  repo.write(
    SETTINGS,
    `${JSON.stringify({ permissions: { allow: ['Bash(git status)', 'Bash(curl:*)'], deny: ['Read(./.env)'] } }, null, 2)}\n`,
  );
  repo.write(
    WORKFLOW,
    '---\non:\n  issues:\n    types: [opened]\npermissions:\n  contents: read\n  issues: read\nsafe-outputs:\n  add-comment:\n---\n\nTriage the issue.\n',
  );
  await repo.commit('rules in two files');
});
afterAll(() => repo.cleanup());

const rulesSection = (text: string, heading: string) => text.slice(text.indexOf(heading));

describe('scope prints a location once', () => {
  it('text: one heading per scope and file, each rule with its line only', () => {
    const result = runCli(['scope'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    const rules = rulesSection(result.stdout, 'permission rules (');
    expect(rules.split(SETTINGS)).toHaveLength(2);
    expect(rules.split(WORKFLOW)).toHaveLength(2);
    expect(rules).toContain(`  claude:settings  ${SETTINGS}`);
    expect(rules).toMatch(/PRIVILEGED +allow Bash\(curl:\*\) {2}line \d+/);
    expect(rules).not.toMatch(/\.json:\d/);
    // the group holding the highest rule leads
    expect(rules.indexOf(SETTINGS)).toBeLessThan(rules.indexOf(WORKFLOW));
  });

  it('Markdown: one table per scope and file with a line column', () => {
    const result = runCli(['scope', '--format', 'markdown'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    const rules = rulesSection(result.stdout, '### permission rules');
    expect(rules).toContain(`\`claude:settings\` in \`${SETTINGS}\``);
    expect(rules.split(SETTINGS)).toHaveLength(2);
    expect(rules).toContain('| **privileged** | allow | `Bash(curl:*)` |');
  });
});
