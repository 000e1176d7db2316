import { describe, expect, it } from 'vitest';
import { parseToolManifest } from '../../src/parse/tool-manifest.js';
import { manifestFixture } from './fixture.js';

describe('the client-transports fixture', () => {
  it('parses every document into a server with the inferred transport type', () => {
    const { servers, findings } = parseToolManifest(manifestFixture('mcp-client-transports.yaml'));
    expect(findings).toEqual([]);
    expect(servers.map((s) => [s.name, s.transport.type, s.tools === undefined])).toEqual([
      ['typeless-stdio', 'stdio', false],
      ['typeless-remote', 'http', true],
      ['copilot-local', 'stdio', true],
      ['streamable', 'http', true],
    ]);
    expect(servers[1]!.credentials).toEqual([{ name: 'Authorization', scopes: [] }]);
  });
});
