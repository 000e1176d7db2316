import { describe, expect, it } from 'vitest';
import { discoverResult, inRevision, speaksStateless } from '../../src/runtime/mcp-stateless.js';

const GUARD = { name: 'agentgate-guard', version: '1' };
const envelope = (revision: unknown) => ({ _meta: { 'io.modelcontextprotocol/protocolVersion': revision } });

describe('the stateless revision', () => {
  it('is named only by the exact revision in the request envelope', () => {
    expect(speaksStateless(envelope('2026-07-28'))).toBe(true);
    for (const other of ['2025-11-25', '2026-07-28 ', ['2026-07-28'], 20260728, null]) {
      expect(speaksStateless(envelope(other))).toBe(false);
    }
    expect(speaksStateless({ 'io.modelcontextprotocol/protocolVersion': '2026-07-28' })).toBe(false);
    expect(speaksStateless(undefined)).toBe(false);
    expect(speaksStateless({ _meta: 'x' })).toBe(false);
  });

  it('leaves results to older revisions as they were', () => {
    const result = { content: [], isError: true };
    expect(inRevision(envelope('2025-11-25'), result, GUARD)).toBe(result);
    expect(inRevision(undefined, result, GUARD, true)).toBe(result);
  });

  it('marks a stateless result complete, keeps its own _meta, and never lets a listing be cached', () => {
    const call = inRevision(envelope('2026-07-28'), { content: [], _meta: { progress: 1 } }, GUARD);
    expect(call).toEqual({
      content: [],
      resultType: 'complete',
      _meta: { progress: 1, 'io.modelcontextprotocol/serverInfo': GUARD },
    });
    const list = inRevision(envelope('2026-07-28'), { tools: [] }, GUARD, true);
    expect(list).toMatchObject({ tools: [], resultType: 'complete', ttlMs: 0, cacheScope: 'private' });
  });

  it('answers discovery with the stateless revision and the tools capability only', () => {
    expect(discoverResult(GUARD, undefined)).toEqual({
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
      supportedVersions: ['2026-07-28'],
      capabilities: { tools: { listChanged: true } },
      _meta: { 'io.modelcontextprotocol/serverInfo': GUARD },
    });
    expect(discoverResult(GUARD, 'be brief')).toMatchObject({ instructions: 'be brief' });
  });
});
