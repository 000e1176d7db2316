import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/actions/init.js';
import { parseConfig } from '../../src/core/plane/config.js';
import { runCli } from '../helpers/run-cli.js';
import { createTempRepo } from '../helpers/temp-repo.js';
import type { TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo;
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
// the test build is not a release: it pins the Action it is told to
const PIN = `acme/agentgate@${'d'.repeat(40)}`;
const init = (...args: string[]) => runCli(['init', '--action-ref', PIN, ...args], { cwd: repo.dir });

beforeEach(async () => {
  repo = await createTempRepo();
  repo.write('README.md', '# an agent\n');
  await repo.commit('initial');
});
afterEach(() => repo.cleanup());

describe('agentgate init proposes what the repository already has (issue 11 item 6)', () => {
  it('takes the owners CODEOWNERS names instead of demanding flags, and says where they come from', () => {
    repo.write('.github/CODEOWNERS', '/registry/prompts/ @acme/prompt-eng\n/.claude/ @acme/security\n');
    repo.write('.claude/settings.json', '{"permissions":{"allow":["WebFetch"]}}');
    repo.write('.claude/agents/web.md', '---\nname: web\ntools: WebFetch\n---\nBrowse.\n');
    const result = init('--force');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'proposed  prompts -> @acme/prompt-eng  (from .github/CODEOWNERS line 1 "/registry/prompts/")',
    );
    expect(result.stdout).toContain(
      'proposed  tools -> @acme/security  (from .github/CODEOWNERS line 2 "/.claude/")',
    );
    expect(runCli(['codeowners', '--check'], { cwd: repo.dir }).code).toBe(0);
  });

  it('detects the client sources, names them in the config, and writes no example manifests', () => {
    repo.write('.mcp.json', '{"mcpServers":{"docs":{"type":"http","url":"https://d.example.com/mcp"}}}');
    repo.write('.github/agents/triage.agent.md', "---\ntools: ['search']\n---\nTriage.\n");
    const result = init('--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'found     2 client source file(s): .github/agents/triage.agent.md, .mcp.json',
    );
    expect(read('agentgate.yaml')).toContain('#   .mcp.json');
    expect(existsSync(join(repo.dir, 'registry/tools/example.yaml'))).toBe(false);
    expect(parseConfig(read('agentgate.yaml'), 'agentgate.yaml').errors).toEqual([]);
    // the sources are owned by the tool owner in the block, and validate reads them
    expect(read('.github/CODEOWNERS')).toContain('/.mcp.json @acme/security');
    expect(runCli(['validate'], { cwd: repo.dir }).stdout).toContain('1 server, 1 agent');
  });

  it('detects hook, marketplace and instruction files as client sources', () => {
    repo.write('.cursor/hooks.json', '{"version":1,"hooks":{"stop":[{"command":"./n.sh"}]}}');
    repo.write('.claude-plugin/marketplace.json', '{"name":"m","plugins":[{"name":"a","source":"./a"}]}');
    repo.write('AGENTS.md', '# Rules\n');
    const result = init('--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'found     3 client source file(s): .claude-plugin/marketplace.json, .cursor/hooks.json, AGENTS.md',
    );
    expect(read('.github/CODEOWNERS')).toContain('/.cursor/hooks.json @acme/security');
  });

  it('lists every rule its block would override and, without --force, writes nothing', () => {
    const original = '* @acme/platform\n/.github/agents/ @acme/security\n';
    repo.write('.github/CODEOWNERS', original);
    repo.write('.mcp.json', '{"mcpServers":{}}');
    repo.write('.github/agents/triage.agent.md', "---\ntools: ['search']\n---\nTriage.\n");
    const refused = init('--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(
      /^override {2}\.github\/CODEOWNERS: overrides line 1 "\*" \(@acme\/platform\) for registry\/prompts\/x\.md, .* and \d+ more$/m,
    );
    expect(refused.stdout).toContain(
      'override  .github/CODEOWNERS: overrides line 2 "/.github/agents/" (@acme/security) for .github/agents/triage.agent.md',
    );
    expect(refused.stderr).toContain("agentgate's block would override 2 existing rule(s)");
    expect(refused.stderr).toContain('--force');
    expect(read('.github/CODEOWNERS')).toBe(original);
    expect(existsSync(join(repo.dir, 'agentgate.yaml'))).toBe(false);
    expect(existsSync(join(repo.dir, '.github/workflows/agentgate.yml'))).toBe(false);

    const forced = init('--prompt-owner', '@acme/prompt-eng', '--tool-owner', '@acme/security', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('overrides 2 earlier rule(s), named in the block');
    expect(read('.github/CODEOWNERS').startsWith(original)).toBe(true);
    expect(read('.github/CODEOWNERS')).toMatch(/^# overrides line 1 "\*" \(@acme\/platform\) for /m);
    expect(runCli(['codeowners', '--check'], { cwd: repo.dir }).code).toBe(0);
  });

  it('a catch-all owner alone is not proposed for both planes: the error says what CODEOWNERS gave', () => {
    repo.write('.github/CODEOWNERS', '* @acme/platform\n');
    const result = init();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('CODEOWNERS gives the text to @acme/platform');
    expect(existsSync(join(repo.dir, 'agentgate.yaml'))).toBe(false);
  });

  it('on a terminal, an empty answer accepts the proposal', async () => {
    repo.write(
      '.github/CODEOWNERS',
      '/registry/prompts/ @acme/prompt-eng\n/registry/tools/ @acme/security\n',
    );
    const questions: string[] = [];
    const io = {
      interactive: true,
      ask: async (q: string) => (questions.push(q), ''),
      print: () => undefined,
    };
    expect(await runInit({ actionRef: PIN }, repo.dir, io)).toBe(0);
    expect(questions).toEqual([
      'Owner of the text (data plane: the prompts), e.g. @org/docs-team [@acme/prompt-eng]: ',
      'Owner of the authority (control plane: the tools and the gate files), e.g. @org/security [@acme/security]: ',
    ]);
  });
});

describe('agentgate init proposes sign-off counts its signers can meet (issue 13 item 2)', () => {
  it('one signer: never a privileged count of 2', () => {
    const result = init('--prompt-owner', '@alice', '--tool-owner', '@bob');
    expect(result.code).toBe(0);
    const { config } = parseConfig(read('agentgate.yaml'), 'agentgate.yaml');
    expect(config.planes.control.signoffs).toMatchObject({
      read: 1,
      write: 1,
      irreversible: 1,
      privileged: 1,
    });
    expect(result.stdout).toContain('sign-offs fitted to 1 signer(s)');
  });

  it('two people keep the default of 2; a team (size unknown) keeps the defaults', () => {
    init('--prompt-owner', '@alice', '--tool-owner', '@bob @carol');
    expect(
      parseConfig(read('agentgate.yaml'), 'agentgate.yaml').config.planes.control.signoffs.privileged,
    ).toBe(2);
    init('--prompt-owner', '@alice', '--tool-owner', '@acme/security', '--force');
    expect(
      parseConfig(read('agentgate.yaml'), 'agentgate.yaml').config.planes.control.signoffs.privileged,
    ).toBe(2);
  });
});
