import { cutRelease } from '../../release/release.js';
import type { ReleaseResult } from '../../release/release.js';
import { revealInvisible } from '../../render/markdown-escape.js';
import { UsageError } from '../../errors.js';

export interface ReleaseCommandOptions {
  plane: 'data' | 'control';
  ref?: string;
  out: string;
  requireSigned?: boolean;
  tag: boolean;
  format: 'text' | 'json';
}

/** Exit 0: released, or nothing changed; 1: --require-signed found an unsigned capability change. */
export async function runRelease(options: ReleaseCommandOptions, cwd: string): Promise<number> {
  if (options.requireSigned && options.plane !== 'control')
    throw new UsageError('--require-signed applies to --plane control: data releases need no sign-off');
  const verify = options.requireSigned
    ? (await import('../../release/require-signed.js')).verifySignedRange(cwd)
    : undefined;
  const result = await cutRelease({
    cwd,
    plane: options.plane,
    ref: options.ref,
    out: options.out,
    tag: options.tag,
    verify,
  });
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(summarize(result), null, 2)}\n`);
  else process.stdout.write(`${describe(result)}\n`);
  return result.kind === 'refused' ? 1 : 0;
}

function summarize(result: ReleaseResult) {
  if (result.kind === 'released')
    return {
      released: true,
      plane: result.plane,
      version: result.version,
      tag: result.tag,
      file: result.file,
      digest: result.bundle.digest,
      commit: result.bundle.commit,
    };
  if (result.kind === 'unchanged')
    return {
      released: false,
      plane: result.plane,
      version: result.version,
      commit: result.commit,
      reason: 'unchanged',
    };
  return {
    released: false,
    plane: result.plane,
    version: result.version,
    reason: 'unsigned',
    unsigned: result.unsigned,
  };
}

function describe(result: ReleaseResult): string {
  if (result.kind === 'unchanged')
    return `${result.plane} plane unchanged since ${result.version === null ? 'the start' : `v${result.version}`}: nothing released`;
  if (result.kind === 'refused')
    return [
      `refused: ${result.plane} v${result.version} holds capability changes without a sign-off on their digest`,
      ...result.unsigned.map((line) => `  ${revealInvisible(line)}`),
    ].join('\n');
  const lines = [
    `released ${result.plane} plane v${result.version} at ${result.bundle.commit.slice(0, 12)}: ${result.file}`,
    result.tag ? `tagged ${result.tag}` : 'no tag (--no-tag)',
    ...result.bundle.changelog.map((line) => `  ${revealInvisible(line)}`),
  ];
  return lines.join('\n');
}
