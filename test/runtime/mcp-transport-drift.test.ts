import { describe, expect, it } from 'vitest';
import { compareTransports } from '../../src/runtime/mcp-transport-drift.js';

describe('compareTransports', () => {
  const pinned = { type: 'stdio' as const, command: 'npx', args: ['-y', 'server@1.0.0', './docs'] };

  it('finds nothing between the same command, whatever the spelling of type', () => {
    expect(compareTransports(pinned, { ...pinned, type: 'stdio' })).toEqual([]);
    expect(
      compareTransports({ type: 'stdio', command: 'node' }, { type: 'stdio', command: 'node', args: [] }),
    ).toEqual([]);
  });

  it('reports each field that differs, in a fixed order', () => {
    const live = { type: 'stdio' as const, command: 'uvx', args: ['server'], cwd: 'tools' };
    expect(compareTransports(pinned, live).map((difference) => difference.message)).toEqual([
      'transport.command: "npx" -> "uvx"',
      'transport.args: ["-y","server@1.0.0","./docs"] -> ["server"]',
      'transport.cwd: (absent) -> "tools"',
    ]);
  });

  it('says a change hidden by redaction is still a change', () => {
    const differences = compareTransports(
      { type: 'http', url: 'https://host/mcp?tenant=a' },
      { type: 'http', url: 'https://host/mcp?tenant=b' },
    );
    expect(differences).toEqual([
      expect.objectContaining({
        field: 'transport.url',
        message:
          'transport.url: "https://host/mcp?tenant=***" -> "https://host/mcp?tenant=***" (they differ in a redacted part)',
      }),
    ]);
  });

  it('never prints a token-shaped argument', () => {
    const [difference] = compareTransports(pinned, {
      ...pinned,
      args: ['--token=ghp_abcdefghijklmnopqrstuvwxyz0123'],
    });
    expect(JSON.stringify(difference)).not.toContain('ghp_');
  });

  it('fails closed when the manifest pins no transport', () => {
    expect(compareTransports(undefined, pinned)).toEqual([
      expect.objectContaining({ message: 'transport: not pinned in the manifest' }),
    ]);
    expect(compareTransports({ type: 'unknown' }, pinned)).toHaveLength(1);
  });
});
