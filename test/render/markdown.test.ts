import { describe, expect, it } from 'vitest';
import { codeSpan, escapeMarkdown, revealInvisible } from '../../src/render/markdown-escape.js';
import { renderMarkdownReport } from '../../src/render/markdown.js';
import {
  DIGEST,
  incidentReport,
  makeReport,
  makeToolChange,
  promptOnlyReport,
} from '../helpers/make-report.js';

describe('renderMarkdownReport', () => {
  it('shows both planes, the capability table, new paths, bindings, required sign-offs and the full digest', () => {
    const md = renderMarkdownReport(incidentReport());
    expect(md).toContain('#### Control plane (authority)');
    expect(md).toContain('#### Data plane (behaviour)');
    expect(md).toContain(
      '| `admin_billing_update` | added | — → **privileged** ⚠️ | `scopes` +`billing:admin` | — |',
    );
    expect(md).toMatch(
      /untrusted input → high-radius action in `support\/system`: `read_ticket` → `admin_billing_update`/,
    );
    expect(md).toContain('| `support/system` | `admin_billing_update` | — |');
    expect(md).toContain('Sign-offs required: **2** for **privileged** change (escalation).');
    expect(md).toContain(`Capability digest: \`${DIGEST}\``);
    expect(md).toContain('| `support/system` | modified | `3` → `4` |');
  });

  it('says plainly when a plane has no changes', () => {
    const md = renderMarkdownReport(promptOnlyReport());
    expect(md).toContain('No control-plane changes.');
    expect(md).not.toContain('Capability digest');
  });

  it('explains a revocation-only change needs no sign-off', () => {
    const report = makeReport({
      control: {
        changed: true,
        narrowingOnly: true,
        tools: [
          makeToolChange({
            name: 'old_tool',
            change: 'removed',
            radiusBefore: 'write',
            radiusAfter: null,
            narrowing: true,
          }),
        ],
      },
    });
    expect(renderMarkdownReport(report)).toContain(
      'Sign-offs required: **0**, narrowing only (revocations).',
    );
  });

  it('lists findings and waivers with escaped messages', () => {
    const report = makeReport({
      findings: [
        {
          severity: 'error',
          code: 'version-not-bumped',
          path: 'registry/prompts/a.md',
          line: 2,
          message: 'bump <b>it</b> @bob',
        },
      ],
      waivers: {
        applied: [
          {
            tool: 't',
            code: 'radius-assumed',
            owner: '@acme/sec',
            reason: 'legacy',
            expires: '2099-01-01',
            path: 'x',
          },
        ],
        expired: [],
      },
    });
    const md = renderMarkdownReport(report);
    expect(md).toContain(
      '| error | `version-not-bumped` | `registry/prompts/a.md:2` | bump &lt;b&gt;it&lt;/b&gt; @\u2060bob |',
    );
    expect(md).toContain('| applied | `t` | `radius-assumed` | `@acme/sec` | `2099-01-01` | legacy |');
  });
});

describe('escaping PR text', () => {
  const hostile =
    'x <!-- agentgate:report --> <img src=x onerror=alert(1)> @octocat @acme/security [a](http://e) | `tick` **b**';

  it('plain text carries no HTML, no mention, no link and no table break', () => {
    const out = escapeMarkdown(hostile);
    expect(out).not.toMatch(/<[a-z!]/i);
    expect(out).not.toMatch(/@[a-z]/i);
    expect(out).toContain('\\[a\\]\\(http\\:');
    expect(out).not.toMatch(/[^\\]\|/);
    expect(out).not.toMatch(/[^\\]`/);
  });

  it('a code span survives backticks inside and keeps its content literal', () => {
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x`')).toBe('`` `x` ``');
    expect(codeSpan('a | b', { inTable: true })).toBe('`a \\| b`');
    expect(codeSpan('line1\nline2')).toBe('`line1 ⏎ line2`');
  });

  it('names in the report cannot forge the marker or mention anyone', () => {
    const report = incidentReport({
      control: {
        tools: [
          makeToolChange({
            name: 'evil',
            changes: [{ field: 'description', kind: 'changed', before: 'a', after: hostile }],
          }),
        ],
        bindings: [{ agent: '@octocat', added: ['<!-- agentgate:report -->'], removed: [] }],
      },
    });
    const md = renderMarkdownReport(report);
    const outsideCode = md.replace(/(`+)[\s\S]*?\1/g, '');
    expect(outsideCode).not.toContain('<!--');
    expect(outsideCode).not.toMatch(/(^|[^\w`])@[a-z]/im);
  });

  it('shows bidi overrides and zero-width characters instead of hiding them', () => {
    expect(revealInvisible('a\u202Eb\u200Bc')).toBe('a⟨U+202E⟩b⟨U+200B⟩c');
  });
});
