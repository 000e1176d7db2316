import { describe, expect, it } from 'vitest';
import { claudeDesktopConfigAdapter } from '../../../src/sources/formats/claude-desktop-config.js';
import { createSourceLookup } from '../../../src/sources/lookup.js';
import { codes, fixture } from '../load-fixture.js';

describe('Claude Desktop claude_desktop_config.json', () => {
  const model = claudeDesktopConfigAdapter.parse(
    fixture('claude-desktop/claude_desktop_config.json', 'examples/claude_desktop_config.json'),
  );

  it('reads every server of a committed example, wherever it sits', () => {
    expect(model.servers.map((s) => [s.name, s.origin])).toEqual([
      ['files', 'claude-desktop-config'],
      ['pinned-image', 'claude-desktop-config'],
    ]);
    expect(createSourceLookup()('examples/claude_desktop_config.json')?.id).toBe('claude-desktop-config');
  });

  it('flags a docker image without a digest, not one pinned by @sha256, and no placeholder as a secret', () => {
    expect(codes(model.findings)).toEqual(['warning:server-package-unpinned:5:mcpServers.files.args']);
    expect(model.findings[0]?.message).toContain('acme/files-mcp:1.2');
  });
});
