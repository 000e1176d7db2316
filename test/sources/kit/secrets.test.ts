import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claudeMcpJsonAdapter } from '../../../src/sources/formats/claude-mcp-json.js';
import { argLooksLikeSecret, looksLikeSecret } from '../../../src/sources/kit/secrets.js';

describe('looksLikeSecret', () => {
  it.each([
    ['Authorization', 'Bearer sk-abc123def456ghi789'],
    ['Authorization', 'Basic dGVzdEBsaWZlcmF5LmNvbTp0ZXN0'],
    ['X-Anything', 'ghp_0123456789abcdefghijABCDEFGHIJ'],
    ['ANY', 'AKIAIOSFODNN7EXAMPLF'],
    ['STRIPE_KEY', 'sk_live_51HxYz0123456789abcdef'],
    ['DB_PASSWORD', 'c0rrect-h0rse-battery-staple'],
  ])('flags %s = <literal credential>', (key, value) => {
    expect(looksLikeSecret(key, value)).toBe(true);
  });

  it.each([
    ['Authorization', 'Bearer ${TOKEN}'],
    ['Authorization', 'Bearer ${input:token}'],
    ['Authorization', 'Bearer $APIFY_TOKEN'],
    ['Authorization', 'Bearer ${{ secrets.CONTEXT7_KEY }}'],
    ['Authorization', 'Bearer {env:TOKEN}'],
    ['GITHUB_TOKEN', '${env:GITHUB_TOKEN}'],
    ['BRAVE_API_KEY', 'YOUR_BRAVE_API_KEY'],
    ['APILLON_API_KEY', '<APILLON_API_KEY>'],
    ['API_KEY', 'xxxxxxxxxxxxxxxxxxxx'],
    ['LOG_LEVEL', 'debug'],
    ['PORT', '8787'],
    ['X-Client', 'VsCode'],
    ['MODE', 'averyl0ngvaluethatisnotsecret123'],
  ])('accepts %s = %s', (key, value) => {
    expect(looksLikeSecret(key, value)).toBe(false);
  });

  it('flags token-shaped arguments only', () => {
    expect(argLooksLikeSecret('--api-key=sk-proj-abcdefghijklmnop')).toBe(true);
    expect(argLooksLikeSecret('--verbose')).toBe(false);
  });

  it('never puts a configured value into a finding (property)', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9]{16,40}$/),
        fc.constantFrom('TOKEN', 'API_KEY', 'Authorization'),
        (value, key) => {
          const text = JSON.stringify({
            mcpServers: {
              s: { url: 'https://a.example', headers: { [key]: value }, env: { [key]: `Bearer ${value}` } },
            },
          });
          const model = claudeMcpJsonAdapter.parse({ path: '.mcp.json', oid: 'o', text });
          expect(JSON.stringify(model)).not.toContain(value);
        },
      ),
    );
  });
});
