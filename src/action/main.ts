// The GitHub Action's entry (bundled into action/dist/index.js): the same `check` as the CLI, with the
// action's inputs mapped onto its environment and its result written to GITHUB_OUTPUT.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCheck } from '../gate/check.js';
import type { CheckResult } from '../gate/check.js';
import { AgentgateError } from '../errors.js';
import { runReleaseAction } from './release.js';

function input(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function setOutputs(outputs: Record<string, string>): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) return;
  appendFileSync(
    file,
    Object.entries(outputs)
      .map(([key, value]) => `${key}=${value.replace(/[\r\n]/g, ' ')}\n`)
      .join(''),
  );
}

/** Workflow-command text must not smuggle a newline (a second command) out of the message. */
function escapeCommand(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const token = input('token');
  if (token) {
    process.stdout.write(`::add-mask::${escapeCommand(token)}\n`);
    env.AGENTGATE_TOKEN = token;
  }
  const cwd = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), input('working-directory') || '.');
  const command = input('command') || 'check';
  if (command === 'release') {
    if (env.AGENTGATE_TOKEN) process.env.AGENTGATE_TOKEN = env.AGENTGATE_TOKEN;
    try {
      return await runReleaseAction(
        { cwd, plane: input('plane'), out: input('out'), requireSigned: input('require-signed') === 'true' },
        setOutputs,
        (line) => process.stdout.write(`${line}\n`),
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setOutputs({ released: 'false' });
      process.stdout.write(`::error title=agentgate release::${escapeCommand(message)}\n`);
      return error instanceof AgentgateError ? error.exitCode : 2;
    }
  }
  if (command !== 'check') {
    process.stdout.write(
      `::error title=agentgate::${escapeCommand(`input command: expected check or release`)}\n`,
    );
    return 2;
  }
  let result: CheckResult;
  try {
    result = await runCheck({
      dryRun: input('dry-run') === 'true',
      cwd,
      env,
      print: (line) => process.stdout.write(`${line}\n`),
      warn: (line) => process.stdout.write(`::warning::${escapeCommand(line)}\n`),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    setOutputs({ 'control-state': 'error', 'data-state': 'error', digest: '' });
    process.stdout.write(`::error title=agentgate::${escapeCommand(message)}\n`);
    return error instanceof AgentgateError ? error.exitCode : 2;
  }
  setOutputs({
    'data-state': result.dataState ?? '',
    'control-state': result.controlState ?? '',
    digest: result.digest ?? '',
  });
  return result.exitCode;
}

process.exitCode = await main();
