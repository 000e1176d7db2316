import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactArgs, redactUrl, scrubSecrets, urlHoldsSecret } from '../../src/runtime/mcp-redact.js';

const secret = fc.stringMatching(/^[A-Za-z0-9]{8,24}$/);

describe('redactUrl', () => {
  it('never shows the password or any query value, whatever they are', () => {
    fc.assert(
      fc.property(secret, secret, fc.stringMatching(/^[a-z]{1,8}$/), (password, value, key) => {
        const url = `https://user:${password}@mcp.example.com/v1?${key}=${value}`;
        const shown = redactUrl(url);
        expect(shown).not.toContain(password);
        expect(shown).not.toContain(`=${value}`);
        expect(shown).toContain('mcp.example.com/v1');
      }),
    );
  });

  it('keeps a url without secrets readable, and hides user-info of a url that does not parse', () => {
    expect(redactUrl('https://mcp.example.com/mcp')).toBe('https://mcp.example.com/mcp');
    expect(redactUrl('https://a:b@[bad/mcp')).toBe('https://***@[bad/mcp');
  });
});

describe('urlHoldsSecret', () => {
  it.each([
    ['https://user:pw@host/mcp', true],
    ['https://token@host/mcp', true],
    ['https://host/mcp?api_key=sk-abcdefghijklmnop', true],
    ['https://host/mcp?apiKey=0123456789abcdefXYZ', true],
    ['https://host/mcp', false],
    ['https://host/mcp?session=abc', false],
    ['https://host/mcp?key=${API_KEY}', false],
  ])('%s -> %s', (url, expected) => {
    expect(urlHoldsSecret(url)).toBe(expected);
  });
});

describe('redactArgs and scrubSecrets', () => {
  it('hides token-shaped arguments, keeping the flag', () => {
    expect(
      redactArgs(['--root', '/data', '--key=ghp_abcdefghijklmnopqrstuvwxyz0123', 'sk-abcdefghijklmnop']),
    ).toEqual(['--root', '/data', '--key=***', '***']);
  });

  it('cuts every known secret out of a message', () => {
    fc.assert(
      fc.property(secret, fc.string(), fc.string(), (value, before, after) => {
        expect(scrubSecrets(`${before}${value}${after}${value}`, [value])).not.toContain(value);
      }),
    );
  });
});
