// Every error class agentgate throws carries a stable code beside its exit code: a program reading the JSON or the
// exit may rely on it, so the codes are unique, declared by each class itself, and never change.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AgentgateError, GateFailure, UsageError } from '../src/errors.js';
import { CheckError } from '../src/gate/check.js';
import { MergeGroupError } from '../src/gate/merge-group.js';
import { GitError } from '../src/git/git-error.js';
import { GitHubError } from '../src/github/errors.js';
import { FloorUnavailable } from '../src/load/apply-floors.js';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const CLASSES = {
  AgentgateError,
  UsageError,
  GateFailure,
  GitError,
  GitHubError,
  CheckError,
  MergeGroupError,
  FloorUnavailable,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('error codes', () => {
  it('are stable: each class keeps its code', () => {
    expect(Object.fromEntries(Object.entries(CLASSES).map(([name, cls]) => [name, cls.code]))).toEqual({
      AgentgateError: 'AGENTGATE_ERROR',
      UsageError: 'AGENTGATE_USAGE',
      GateFailure: 'AGENTGATE_GATE_FAILED',
      GitError: 'AGENTGATE_GIT',
      GitHubError: 'AGENTGATE_GITHUB',
      CheckError: 'AGENTGATE_CHECK_FAILED_CLOSED',
      MergeGroupError: 'AGENTGATE_MERGE_GROUP_FAILED_CLOSED',
      FloorUnavailable: 'AGENTGATE_FLOOR_UNAVAILABLE',
    });
  });

  it('are carried by each error beside its exit code', () => {
    expect(new UsageError('x')).toMatchObject({ code: 'AGENTGATE_USAGE', exitCode: 2 });
    expect(new GateFailure('x')).toMatchObject({ code: 'AGENTGATE_GATE_FAILED', exitCode: 1 });
    expect(new GitError('bad-ref', 'x')).toMatchObject({
      code: 'AGENTGATE_GIT',
      exitCode: 2,
      kind: 'bad-ref',
    });
    expect(new GitHubError('x', 500)).toMatchObject({ code: 'AGENTGATE_GITHUB', exitCode: 2 });
    expect(new CheckError('x', 1)).toMatchObject({ code: 'AGENTGATE_CHECK_FAILED_CLOSED', exitCode: 1 });
  });

  it('every subclass in src/ is listed here and declares a code of its own, unique', () => {
    const declared = new Map<string, string>();
    const subclass = /class (\w+) extends (\w+Error|GateFailure)\b[^{]*\{([\s\S]*?)\n\}/g;
    for (const file of sourceFiles(SRC)) {
      for (const [, name, parent, body] of readFileSync(file, 'utf8').matchAll(subclass)) {
        if (parent === 'Error') continue;
        const own = /static override readonly code: string = '([A-Z_]+)'/.exec(body ?? '');
        expect(own, `${name} (${file}) declares no code of its own`).not.toBeNull();
        declared.set(name!, own![1]!);
      }
    }
    expect([...declared.keys()].sort()).toEqual(
      Object.keys(CLASSES)
        .filter((n) => n !== 'AgentgateError')
        .sort(),
    );
    const codes = Object.values(CLASSES).map((cls) => cls.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
