import { spawn } from 'node:child_process';
import { CLI_PATH } from './run-cli.js';
import type { CliResult } from './run-cli.js';

/**
 * Runs the built CLI without blocking this process, for tests that serve something to it from here (an MCP
 * server over HTTP on 127.0.0.1). `env` replaces the inherited environment's keys it names.
 */
export function runCliAsync(
  args: string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
