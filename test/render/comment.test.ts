import { describe, expect, it } from 'vitest';
import type { CommentInput } from '../../src/render/comment.js';
import { MAX_COMMENT_CHARS, renderJobSummary, renderReportComment } from '../../src/render/comment.js';
import { REPORT_MARKER } from '../../src/core/gate/types.js';
import { DIGEST, incidentReport, makeToolChange, promptOnlyReport } from '../helpers/make-report.js';

const input = (overrides: Partial<CommentInput> = {}): CommentInput => ({
  report: incidentReport(),
  statuses: {
    data: { context: 'agentgate/data-plane', state: 'success', description: '1 prompt(s) changed' },
    control: {
      context: 'agentgate/control-plane',
      state: 'pending',
      description: 'needs 2 sign-off(s) for privileged change (digest dddddddd), 1 present',
    },
  },
  signoffs: {
    required: 2,
    headDigest: DIGEST,
    counted: [{ user: 'alice', via: 'review' }],
    rejected: [{ user: 'mallory', via: 'comment', reason: 'is the PR author' }],
    notes: [],
    satisfied: false,
  },
  signers: ['@alice', '@acme/security'],
  prNumber: 7,
  runUrl: 'https://github.com/acme/agents/actions/runs/1',
  ...overrides,
});

describe('renderReportComment', () => {
  it('starts with the marker and shows both checks, who signed, who did not and how to sign', () => {
    const { body, truncated } = renderReportComment(input());
    expect(truncated).toBe(false);
    expect(body.startsWith(`${REPORT_MARKER}\n`)).toBe(true);
    expect(body).toContain('| `agentgate/control-plane` | ⏳ pending |');
    expect(body).toContain('| `agentgate/data-plane` | ✅ success |');
    expect(body).toContain('Required: **2** · present: **1**');
    expect(body).toContain('| `alice` | review | ✅ counts |');
    expect(body).toContain('| `mallory` | comment | ❌ is the PR author |');
    expect(body).toContain(`\`\`\`\n/agentgate signoff ${DIGEST}\n\`\`\``);
    expect(body).toContain('Signers: `@alice`, `@acme/security`');
    expect(body).toContain('`agentgate signoff --pr 7`');
  });

  it('has no sign-off section when the control plane did not change', () => {
    const { body } = renderReportComment(input({ report: promptOnlyReport() }));
    expect(body).not.toContain('Sign-offs (control plane)');
  });

  it('stops explaining how to sign once enough have signed', () => {
    const signoffs = {
      ...input().signoffs,
      counted: [
        { user: 'a', via: 'review' as const },
        { user: 'b', via: 'review' as const },
      ],
      satisfied: true,
    };
    expect(renderReportComment(input({ signoffs })).body).not.toContain('How to sign off');
  });

  // issue 13: a 3,000-tool change stays readable (capped per section) instead of being cut mid-table
  it('caps a 3,000-tool change per section, so the comment and the job summary fit and stay readable', () => {
    const tools = Array.from({ length: 3000 }, (_, i) =>
      makeToolChange({
        name: `tool_${String(i).padStart(4, '0')}`,
        radiusAfter: 'write',
        changes: [{ field: 'scopes', kind: 'widened', added: [`res${i}:write`] }],
      }),
    );
    const big = input({ report: incidentReport({ control: { tools } }) });
    const { body, truncated } = renderReportComment(big);
    expect(truncated).toBe(false);
    expect(body.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(body).toContain('/agentgate signoff');
    expect(body).toContain('+2950 more tools');
    expect(body).not.toContain('tool_2999');
    const summary = renderJobSummary(big);
    expect(summary).toContain('+2950 more tools');
    expect(summary.length).toBeLessThan(64 * 1024);
  });

  it('still cuts a comment over the limit, sending the reader to the job summary', () => {
    const tools = Array.from({ length: 40 }, (_, i) =>
      makeToolChange({
        name: `tool_${i}`,
        changes: [{ field: 'scopes', kind: 'widened', added: [`r${i}:write`] }],
      }),
    );
    const { body, truncated } = renderReportComment(
      input({ maxChars: 4000, report: incidentReport({ control: { tools } }) }),
    );
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(4000);
    expect(body).toContain(
      'all of it is in the [job summary of this run](https://github.com/acme/agents/actions/runs/1).',
    );
  });

  it('truncates to a smaller limit too, keeping the marker first', () => {
    const { body, truncated } = renderReportComment(input({ maxChars: 1500 }));
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(1500);
    expect(body.startsWith(REPORT_MARKER)).toBe(true);
  });
});

describe('the job summary limit', () => {
  it('stays under 1 MiB in UTF-8 bytes, not characters, and names the report file when cut', () => {
    // multi-byte names: counted in characters, the cut would land far past the byte limit
    const tools = Array.from({ length: 4000 }, (_, i) =>
      makeToolChange({ name: `工具_${'界'.repeat(60)}_${i}`, change: 'added', radiusAfter: 'read' }),
    );
    const summary = renderJobSummary(
      input({ report: incidentReport({ control: { tools } }), reportFile: '/tmp/r.json' }),
      8_000,
    );
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(8_000);
    expect(summary).toContain('the full report is in the report-json file');
    expect(summary).not.toContain('\uFFFD');
  });

  it('a hint and a lead are agentgate’s own lines in the gate section', () => {
    const { body } = renderReportComment(input({ lead: ['LEAD LINE'], hints: ['HINT LINE'] }));
    expect(body.indexOf('LEAD LINE')).toBeLessThan(body.indexOf('| check | state |'));
    expect(body.indexOf('HINT LINE')).toBeLessThan(body.indexOf('Full report'));
  });
});

describe('a client agent text edit in the comment', () => {
  it('shows the line diff of the text, as the terminal report does', () => {
    const report = promptOnlyReport();
    const change = {
      id: 'copilot:agents/helper',
      change: 'modified' as const,
      versionBefore: null,
      versionAfter: null,
      path: '.github/agents/helper.agent.md',
    };
    report.planes.data.prompts = [change];
    const promptTexts = () => ({ before: 'Answer briefly.\n', after: 'Answer briefly; ping @octocat.\n' });
    const withTexts = renderReportComment(input({ report, promptTexts })).body;
    expect(withTexts).toContain('-Answer briefly.');
    // inside the fenced diff a mention notifies nobody, and the text is the author's own
    expect(withTexts).toContain('+Answer briefly; ping @octocat.');
    expect(renderJobSummary(input({ report, promptTexts }))).toContain('+Answer briefly; ping @octocat.');
    expect(renderReportComment(input({ report })).body).not.toContain('Answer briefly');
  });
});
