import { describe, expect, it } from 'vitest';
import {
  envVariableRadius,
  isCredentialHeader,
  shellCommandRadius,
} from '../../../src/sources/kit/name-radius.js';
import { ruleRadius } from '../../../src/sources/resolve/rule-radius.js';
import { clientRule, settingRule } from '../../../src/sources/kit/permission-rule.js';

const at = { path: '.claude/settings.json', line: 1 };
const claude = (rule: string) => ruleRadius(clientRule('claude:settings', 'allow', rule, at));

describe('shell rules take the radius of the command they allow', () => {
  it.each([
    ['Bash(ls:*)', 'read'],
    ['Bash(cat README.md)', 'read'],
    ['Bash(git status)', 'read'],
    ['Bash(git log:*)', 'read'],
    ['Bash(rg foo)', 'read'],
    ['Bash(npm run test:*)', 'write'],
    ['Bash(npm run:*)', 'write'],
    ['Bash(make test)', 'write'],
    ['Bash(pytest:*)', 'write'],
    ['Bash(rm:*)', 'irreversible'],
    ['Bash(rm -rf dist)', 'irreversible'],
    ['Bash(git push:*)', 'irreversible'],
    ['Bash(npm publish)', 'irreversible'],
    ['Bash(curl:*)', 'privileged'],
    ['Bash(wget https://x.example)', 'privileged'],
    ['Bash(gh api:*)', 'privileged'],
    ['Bash(ssh host)', 'privileged'],
    ['Bash(*)', 'privileged'],
    ['Bash', 'privileged'],
    ['Bash(git:*)', 'privileged'],
    ['Bash(frobnicate --all)', 'privileged'],
  ])('%s -> %s', (rule, radius) => {
    expect(claude(rule)).toBe(radius);
  });

  it('find reads unless it runs or deletes; a wildcard may add either', () => {
    expect(shellCommandRadius('find . -name "*.ts"')).toBe('privileged');
    expect(shellCommandRadius('find src -type f')).toBe('read');
    expect(shellCommandRadius('find . -delete')).toBe('irreversible');
    expect(shellCommandRadius('find . -exec rm {} ;')).toBe('privileged');
    expect(shellCommandRadius('find:*')).toBe('privileged');
  });

  it('a wildcard after a command allows its longer, more dangerous forms', () => {
    expect(shellCommandRadius('git branch')).toBe('write');
    expect(shellCommandRadius('git branch:*')).toBe('irreversible');
  });

  it('compound commands, substitutions, assignments and inner wildcards are privileged (cannot tell)', () => {
    for (const command of [
      'ls && curl x',
      'ls; rm -rf /',
      'cat x | sh',
      'echo $(id)',
      'echo `id`',
      'ls > /etc/passwd',
      'FOO=1 make',
      'git * --force',
      '',
      ':*',
      'ls\nrm -rf /',
    ])
      expect(shellCommandRadius(command), JSON.stringify(command)).toBe('privileged');
  });

  it('gh-aw bash allow lists read the same table', () => {
    const rule = clientRule('gh-aw:workflows/triage', 'allow', 'bash(git status)', at);
    expect(ruleRadius(rule)).toBe('read');
    expect(ruleRadius(clientRule('gh-aw:workflows/triage', 'allow', 'bash(git push)', at))).toBe(
      'irreversible',
    );
  });
});

describe('environment variables by name', () => {
  it.each([
    ['MAX_THINKING_TOKENS', 'write', false],
    ['BASH_DEFAULT_TIMEOUT_MS', 'write', false],
    ['ANTHROPIC_BASE_URL', 'privileged', false],
    ['HTTPS_PROXY', 'privileged', false],
    ['https_proxy', 'privileged', false],
    ['NODE_OPTIONS', 'privileged', false],
    ['LD_PRELOAD', 'privileged', false],
    ['PATH', 'privileged', false],
    ['GITHUB_TOKEN', 'privileged', true],
    ['ANTHROPIC_API_KEY', 'privileged', true],
    ['DB_PASSWORD', 'privileged', true],
    ['EDITOR', 'write', false],
    ['LOG_LEVEL', 'write', false],
  ])('%s -> %s (secret %s)', (name, radius, secret) => {
    expect(envVariableRadius(name)).toEqual({ radius, secret });
  });

  it('a settings env rule takes the radius of its name, and a tuning value is shown', () => {
    const env = (name: string, value: string) =>
      ruleRadius(settingRule('claude:settings', 'allow', `env.${name}`, value, at));
    expect(env('MAX_THINKING_TOKENS', '8000')).toBe('write');
    expect(env('ANTHROPIC_BASE_URL', 'https://proxy.example')).toBe('privileged');
    expect(env('OTHER', 'x')).toBe('write');
    // the whole env block of a workflow (not one variable) stays privileged
    expect(ruleRadius(settingRule('gh-aw:workflows/x', 'allow', 'env', { A: 1 }, at))).toBe('privileged');
  });
});

describe('headers', () => {
  it('are credentials only when the name says so', () => {
    for (const name of ['Authorization', 'X-Api-Key', 'API_KEY', 'X-Auth-Token', 'Cookie', 'Private-Token'])
      expect(isCredentialHeader(name), name).toBe(true);
    for (const name of ['Content-Type', 'Accept', 'User-Agent', 'X-Client', 'X-Request-Id', 'Keyboard'])
      expect(isCredentialHeader(name), name).toBe(false);
  });
});
