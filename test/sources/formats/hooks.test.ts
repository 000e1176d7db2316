import { describe, expect, it } from 'vitest';
import { claudePluginHooksAdapter } from '../../../src/sources/formats/claude-plugin-hooks.js';
import { copilotHooksAdapter } from '../../../src/sources/formats/copilot-hooks.js';
import { cursorHooksAdapter } from '../../../src/sources/formats/cursor-hooks.js';
import { kiroHooksAdapter } from '../../../src/sources/formats/kiro-hooks.js';
import { windsurfHooksAdapter } from '../../../src/sources/formats/windsurf-hooks.js';
import { createSourceLookup } from '../../../src/sources/lookup.js';
import type { SourceAdapter } from '../../../src/sources/kit/types.js';

const parse = (adapter: SourceAdapter, path: string, text: string) => adapter.parse({ path, oid: 'x', text });
const rules = (adapter: SourceAdapter, path: string, value: unknown) =>
  parse(adapter, path, JSON.stringify(value)).permissions.map((rule) => rule.rule);

describe('hook files', () => {
  it('reads a plugin hooks.json: one rule per event x matcher x command, the script as executed file', () => {
    const model = parse(
      claudePluginHooksAdapter,
      'plugins/guard/hooks/hooks.json',
      JSON.stringify({
        description: 'guards',
        hooks: {
          PreToolUse: [
            { matcher: 'Bash', hooks: [{ type: 'command', command: '${CLAUDE_PLUGIN_ROOT}/bin/check.sh' }] },
            {
              matcher: 'Edit|Write',
              hooks: [{ type: 'command', command: 'true', if: 'Bash(git commit:*)' }],
            },
          ],
        },
      }),
    );
    expect(model.permissions.map((rule) => rule.rule)).toEqual([
      'hooks.PreToolUse[Bash]=${CLAUDE_PLUGIN_ROOT}/bin/check.sh',
      'hooks.PreToolUse[Edit|Write]=true {"if":"Bash(git commit:*)"}',
    ]);
    expect(model.executables?.map((file) => [file.path, file.radius])).toEqual([
      ['plugins/guard/bin/check.sh', 'privileged'],
    ]);
    expect(model.findings).toEqual([]);
  });

  it('reads Cursor, Copilot (both shells) and Windsurf flat hook lists', () => {
    expect(
      rules(cursorHooksAdapter, '.cursor/hooks.json', {
        version: 1,
        hooks: { preToolUse: [{ command: 'a.sh', matcher: 'Shell', failClosed: true }] },
      }),
    ).toEqual(['hooks.preToolUse[Shell]=a.sh {"failClosed":true}']);
    expect(
      rules(copilotHooksAdapter, '.github/hooks/h.json', {
        version: 1,
        hooks: { sessionStart: [{ type: 'command', bash: 'x.sh', powershell: 'x.ps1', timeoutSec: 5 }] },
      }),
    ).toEqual(['hooks.sessionStart[*]=x.sh {"powershell":"x.ps1","timeoutSec":5}']);
    expect(
      rules(windsurfHooksAdapter, '.windsurf/hooks.json', { hooks: { pre_run_command: [{ command: 'g' }] } }),
    ).toEqual(['hooks.pre_run_command[*]=g']);
  });

  it('reads a Kiro IDE hook: a shell command on every matching event', () => {
    expect(
      rules(kiroHooksAdapter, '.kiro/hooks/lint.kiro.hook', {
        name: 'lint',
        when: { type: 'fileEdited', patterns: ['**/*.py'] },
        then: { type: 'runCommand', command: 'ruff check' },
      }),
    ).toEqual(['hooks.fileEdited[["**/*.py"]]=ruff check {"type":"runCommand"}']);
  });

  it('turns hostile shapes into rules and findings, never a throw', () => {
    expect(parse(cursorHooksAdapter, '.cursor/hooks.json', '{"hooks": ').findings[0]?.code).toBe(
      'source-parse',
    );
    expect(parse(cursorHooksAdapter, '.cursor/hooks.json', '[1]').findings[0]?.code).toBe('source-shape');
    expect(rules(cursorHooksAdapter, '.cursor/hooks.json', { hooks: { stop: 'rm -rf /' } })).toEqual([
      'hooks.stop=rm -rf /',
    ]);
    expect(rules(cursorHooksAdapter, '.cursor/hooks.json', { hooks: 7 })).toEqual(['hooks=7']);
    const dup = parse(
      windsurfHooksAdapter,
      '.windsurf/hooks.json',
      '{"hooks": {}, "hooks": {"a": [{"command": "b"}]}}',
    );
    expect(dup.findings.map((finding) => finding.code)).toContain('source-duplicate-key');
    const extra = parse(
      copilotHooksAdapter,
      '.github/hooks/a.json',
      '{"hooks": {}, "__proto__": {"x": 1}, "surprise": 1}',
    );
    expect(extra.permissions.map((rule) => rule.rule)).toContain('surprise=1');
    expect(extra.findings.map((finding) => finding.code)).toContain('unknown-authority-key');
  });

  it('is found at every hook path, and Copilot and Kiro hooks are never read as plugin hooks', () => {
    const lookup = createSourceLookup();
    expect(lookup('hooks/hooks.json')?.id).toBe('claude-plugin-hooks');
    expect(lookup('plugin/hooks/hooks.json')?.id).toBe('claude-plugin-hooks');
    expect(lookup('.github/hooks/hooks.json')?.id).toBe('copilot-hooks');
    expect(lookup('.kiro/hooks/hooks.json')?.id).toBe('kiro-hooks');
    expect(lookup('.windsurf/hooks.json')?.id).toBe('windsurf-hooks');
    expect(lookup('.cursor/hooks.json')?.id).toBe('cursor-hooks');
  });
});
