import type { ReleaseResult } from '../release/release.js';
import { revealInvisible } from './markdown-escape.js';

/** The JSON of `agentgate release --format json`. */
export function summarizeRelease(result: ReleaseResult) {
  if (result.kind === 'released')
    return {
      released: true,
      plane: result.plane,
      version: result.version,
      tag: result.tag,
      file: result.file,
      signature: result.signature,
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

/** The text of `agentgate release`. */
export function describeRelease(result: ReleaseResult): string {
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
    ...(result.signature ? [`signed: ${result.signature}`] : []),
    ...result.bundle.changelog.map((line) => `  ${revealInvisible(line)}`),
  ];
  return lines.join('\n');
}
