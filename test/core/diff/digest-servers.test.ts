import { describe, expect, it } from 'vitest';
import { computeDigest } from '../../../src/core/diff/digest.js';
import type { DigestInput } from '../../../src/core/diff/digest.js';
import { diffServerPairs } from '../../../src/core/diff/diff-servers.js';
import { makeServer } from '../../helpers/make-server.js';

const empty: DigestInput = {
  toolChanges: [],
  baseTools: new Map(),
  headTools: new Map(),
  gateFiles: [],
  bindings: [],
};

describe('computeDigest: servers and unmodelled files', () => {
  it('leaves digests of other changes alone when no server or unmodelled file changed', () => {
    expect(computeDigest({ ...empty, servers: [], unmodelled: [] })).toBe(computeDigest(empty));
  });

  it('moves with a server change, with an env value change, and not with its location', () => {
    const base = makeServer();
    const a = computeDigest({ ...empty, servers: diffServerPairs([], [base]) });
    const moved = makeServer({ source: { path: 'registry/tools/other.yaml', line: 40 } });
    expect(computeDigest({ ...empty, servers: diffServerPairs([], [moved]) })).toBe(a);
    expect(a).not.toBe(computeDigest(empty));
    const env = (value: string) =>
      makeServer({ transport: { type: 'stdio', command: 'srv', env: { MODE: value } } });
    expect(computeDigest({ ...empty, servers: diffServerPairs([base], [env('a')]) })).not.toBe(
      computeDigest({ ...empty, servers: diffServerPairs([base], [env('b')]) }),
    );
  });

  it('keeps the client file of a client-config server: which client reads it matters', () => {
    const at = (path: string) => makeServer({ origin: 'mcp-json', source: { path, line: 1 } });
    expect(computeDigest({ ...empty, servers: diffServerPairs([], [at('.vscode/mcp.json')]) })).not.toBe(
      computeDigest({ ...empty, servers: diffServerPairs([], [at('.cursor/mcp.json')]) }),
    );
  });

  it('moves with the blob id of an unmodelled file', () => {
    const file = (after: string) => ({
      ...empty,
      unmodelled: [{ path: 'registry/tools/x.py', before: 'a', after }],
    });
    expect(computeDigest(file('b'))).not.toBe(computeDigest(file('c')));
  });
});
