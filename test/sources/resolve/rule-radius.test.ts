import { describe, expect, it } from 'vitest';
import type { PermissionRule } from '../../../src/model/types.js';
import { claudeSettingsAdapter } from '../../../src/sources/formats/claude-settings.js';
import { ghAwWorkflowsAdapter } from '../../../src/sources/formats/gh-aw-workflows.js';
import { ruleRadius } from '../../../src/sources/resolve/rule-radius.js';
import { markdown, sourceFile } from '../fixture.js';

const settingsRadii = (value: unknown) =>
  claudeSettingsAdapter
    .parse(sourceFile('.claude/settings.json', JSON.stringify(value)))
    .permissions.map((rule: PermissionRule) => [
      rule.rule,
      ruleRadius(rule, { servers: [{ name: 'docs' }] }),
    ]);

describe('ruleRadius', () => {
  it('a client rule has the radius of the tool it names', () => {
    expect(
      settingsRadii({
        permissions: {
          allow: [
            'Bash(npm test:*)',
            'Read(./src/**)',
            'WebFetch(domain:x)',
            'Edit',
            'mcp__docs__search',
            'Nonsense',
          ],
        },
      }),
    ).toEqual([
      ['Bash(npm test:*)', 'write'],
      ['Read(./src/**)', 'read'],
      ['WebFetch(domain:x)', 'read'],
      ['Edit', 'write'],
      ['mcp__docs__search', 'irreversible'],
      ['Nonsense', 'irreversible'],
    ]);
  });

  it('gated settings: hooks and bypassPermissions are privileged, approving servers irreversible', () => {
    expect(
      settingsRadii({
        permissions: { defaultMode: 'bypassPermissions', additionalDirectories: ['../x'] },
        enableAllProjectMcpServers: true,
        enabledMcpjsonServers: ['docs'],
        hooks: { Stop: [{ hooks: [{ type: 'command', command: 'x' }] }] },
        includeCoAuthoredBy: true,
        cleanupPeriodDays: 30,
      }),
    ).toEqual([
      ['defaultMode=bypassPermissions', 'privileged'],
      ['additionalDirectories=../x', 'write'],
      ['enableAllProjectMcpServers=true', 'irreversible'],
      ['enabledMcpjsonServers=docs', 'irreversible'],
      ['hooks.Stop[*]=x', 'privileged'],
      // includeCoAuthoredBy only decides a commit trailer: inert, no rule
      ['cleanupPeriodDays=30', 'write'],
    ]);
    expect(settingsRadii({ permissions: { defaultMode: 'acceptEdits' } })).toEqual([
      ['defaultMode=acceptEdits', 'write'],
    ]);
  });

  it('gh-aw: a write token is privileged, safe outputs irreversible, bash commands privileged', () => {
    const model = ghAwWorkflowsAdapter.parse(
      sourceFile(
        '.github/workflows/a.md',
        markdown(
          'permissions:\n  contents: write\n  issues: read\nsafe-outputs:\n  add-comment:\ntools:\n  bash: [git]\nnetwork: defaults',
        ),
      ),
    );
    expect(model.permissions.map((rule) => [rule.rule, ruleRadius(rule)])).toEqual([
      ['bash(git)', 'privileged'],
      ['permissions.contents=write', 'privileged'],
      ['permissions.issues=read', 'read'],
      ['safe-outputs.add-comment=null', 'irreversible'],
      ['network=defaults', 'write'],
    ]);
  });
});
