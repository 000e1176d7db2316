// The GitHub Action's entry (bundled into action/dist/index.js): the same `check` as the CLI, with the action's
// inputs read and its outputs, annotations and errors written through @actions/core.
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import { isCommentMode } from '../core/gate/comment-mode.js';
import { runCheck } from '../gate/check.js';
import type { CheckResult } from '../gate/check.js';
import { REPORT_MODES } from '../gate/publish.js';
import type { ReportMode } from '../gate/publish.js';
import { AgentgateError, UsageError } from '../errors.js';
import { versionText } from '../model/build-info.js';
import { readBuildInfo } from '../load/read-build-info.js';
import { runReleaseAction } from './release.js';

const input = (name: string): string => core.getInput(name).trim();

function reportMode(): ReportMode {
  const value = input('report') || 'statuses';
  if (!(REPORT_MODES as readonly string[]).includes(value))
    throw new UsageError(
      `input report: ${JSON.stringify(value.slice(0, 40))} is not one of ${REPORT_MODES.join(', ')}`,
    );
  return value as ReportMode;
}

function commentMode() {
  const value = input('comment') || 'on-change';
  if (!isCommentMode(value))
    throw new UsageError(
      `input comment: ${JSON.stringify(value.slice(0, 40))} is not one of always, on-change, on-failure, never`,
    );
  return value;
}

/** The full report goes to a file in the runner's temp folder: an output names the file, never holds the report. */
function reportJsonPath(): string {
  const dir = process.env.RUNNER_TEMP || tmpdir();
  return join(dir, `agentgate-report-${process.env.GITHUB_RUN_ID ?? process.pid}.json`);
}

function setOutputs(result: CheckResult): void {
  const figures = result.figures;
  core.setOutput('data-state', result.dataState ?? '');
  core.setOutput('control-state', result.controlState ?? '');
  core.setOutput('digest', result.digest ?? '');
  core.setOutput('report-json', result.files.reportJson ?? '');
  core.setOutput('max-radius', figures?.maxRadius ?? '');
  core.setOutput('required-signoffs', String(figures?.requiredSignoffs ?? 0));
  core.setOutput('signoffs-present', String(figures?.signoffsPresent ?? 0));
  core.setOutput('flows-added', JSON.stringify(figures?.flowsAdded ?? []));
  core.setOutput('comment-url', result.commentUrl ?? '');
  core.setOutput('sarif-file', result.files.sarif ?? '');
}

/** Which agentgate runs: the recorded build, and the commit the workflow pinned (the committed bundle cannot know it). */
function announceBuild(): void {
  const build = readBuildInfo();
  const ref = process.env.GITHUB_ACTION_REF ?? '';
  const pinned =
    build.commit === null && /^[0-9a-f]{40}$/.test(ref)
      ? ` [action ${process.env.GITHUB_ACTION_REPOSITORY ?? ''}@${ref}]`
      : '';
  core.info(`agentgate ${versionText(build).replace('\n', '; ')}${pinned}`);
}

export async function main(): Promise<number> {
  announceBuild();
  const env: NodeJS.ProcessEnv = { ...process.env };
  const token = input('token');
  if (token) {
    core.setSecret(token);
    env.AGENTGATE_TOKEN = token;
  }
  const cwd = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), input('working-directory') || '.');
  const command = input('command') || 'check';
  if (command === 'release') return release(cwd, token);
  if (command !== 'check') {
    core.error(`input command: ${JSON.stringify(command.slice(0, 40))} is not one of check, release`, {
      title: 'agentgate',
    });
    return 2;
  }
  let result: CheckResult;
  try {
    const sarif = input('sarif');
    result = await runCheck({
      dryRun: input('dry-run') === 'true',
      cwd,
      env,
      report: reportMode(),
      comment: commentMode(),
      appSlug: input('app-slug') || undefined,
      floor: input('floor') ? resolve(cwd, input('floor')) : undefined,
      reportJson: reportJsonPath(),
      sarif: sarif ? resolve(cwd, sarif) : undefined,
      print: (line) => process.stdout.write(`${line}\n`),
      warn: (line) => core.warning(line),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    core.setOutput('control-state', 'error');
    core.setOutput('data-state', 'error');
    core.setOutput('digest', '');
    core.error(message, { title: 'agentgate' });
    return error instanceof AgentgateError ? error.exitCode : 2;
  }
  setOutputs(result);
  return result.exitCode;
}

/** `command: release`: cut one plane's release after merge; the workflow's next step pushes the tag. */
async function release(cwd: string, token: string): Promise<number> {
  // --require-signed reads sign-offs from GitHub with the same token as check
  if (token) process.env.AGENTGATE_TOKEN = token;
  try {
    return await runReleaseAction(
      { cwd, plane: input('plane'), out: input('out'), requireSigned: input('require-signed') === 'true' },
      (outputs) => {
        for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
      },
      (line) => process.stdout.write(`${line}\n`),
    );
  } catch (error) {
    core.setOutput('released', 'false');
    core.error(error instanceof Error ? error.message : String(error), { title: 'agentgate release' });
    return error instanceof AgentgateError ? error.exitCode : 2;
  }
}

process.exitCode = await main();
