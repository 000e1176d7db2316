import { describe, expect, it } from 'vitest';
import { buildDiffReport } from '../../../src/core/diff/build-diff.js';
import { DEFAULT_CONFIG } from '../../../src/core/plane/config.js';
import { parseSnapshot } from '../../../src/core/plane/parse-snapshot.js';
import type { ChangedFile, DiffReport } from '../../../src/model/types.js';

// Issue 9 classes 2, 5, 7 and issue 13 item 3, from manifest text to the report a gate reads.

type Files = Record<string, string>;
const PATH = 'registry/tools/t.yaml';

function diff(base: string, head: string): DiffReport {
  const snapshot = (files: Files) =>
    parseSnapshot(
      Object.entries(files).map(([path, text]) => ({ path, text, oid: text })),
      [],
      DEFAULT_CONFIG,
    );
  const changedFiles: ChangedFile[] = base === head ? [] : [{ path: PATH, status: 'modified' }];
  return buildDiffReport({
    base: { ref: { ref: 'base', sha: null }, snapshot: snapshot({ [PATH]: base }) },
    head: { ref: { ref: 'head', sha: null }, snapshot: snapshot({ [PATH]: head }) },
    changedFiles,
    config: DEFAULT_CONFIG,
    today: '2026-11-27',
  });
}

const manifest = (body: string) => `apiVersion: agentgate/v1\nkind: Tool\nname: db_tool\n${body}`;

describe('class 5: declaration laundering never passes with fewer sign-offs', () => {
  it.each([
    ['effect privileged -> read', 'effect: privileged\n', 'effect: read\n'],
    [
      'readOnlyHint false -> true',
      'annotations: { readOnlyHint: false, destructiveHint: true }\n',
      'annotations: { readOnlyHint: true, destructiveHint: true }\n',
    ],
    [
      'destructiveHint true -> false',
      'effect: write\nannotations: { destructiveHint: true }\n',
      'effect: write\nannotations: { destructiveHint: false }\n',
    ],
    ['dataAccess sensitive -> none', 'effect: privileged\ndataAccess: sensitive\n', 'effect: privileged\n'],
    ['untrustedInput true -> false', 'effect: privileged\nuntrustedInput: true\n', 'effect: privileged\n'],
  ])('%s: changed, not narrowing, signed at the radius before', (_, before, after) => {
    const report = diff(manifest(before), manifest(after));
    const control = report.planes.control;
    const radiusBefore = control.tools[0]?.radiusBefore;
    expect(control.narrowingOnly).toBe(false);
    expect(control.tools[0]?.changes.some((change) => change.kind === 'narrowed')).toBe(false);
    expect(control.requiredSignoffs).toBe(DEFAULT_CONFIG.planes.control.signoffs[radiusBefore ?? 'none']);
    expect(control.requiredSignoffs).toBeGreaterThan(0);
  });

  it('a privileged tool laundered to read beside a revoked scope still needs two sign-offs', () => {
    const before = manifest('effect: privileged\nscopes: [db:admin, db:read]\n');
    const after = manifest('effect: read\nscopes: [db:read]\n');
    expect(diff(before, after).planes.control).toMatchObject({ narrowingOnly: false, requiredSignoffs: 2 });
  });

  it('a real revocation alone stays narrowing-only', () => {
    const before = manifest('effect: read\nscopes: [db:read, db:list]\n');
    const after = manifest('effect: read\nscopes: [db:read]\n');
    expect(diff(before, after).planes.control).toMatchObject({ narrowingOnly: true, requiredSignoffs: 0 });
  });
});

describe('class 2: a narrowing behind a reference is no narrowing', () => {
  const schema = (max: number) =>
    [
      'effect: write',
      'inputSchema:',
      '  type: object',
      '  properties:',
      '    target: { not: { $ref: "#/x-guard" } }',
      `  x-guard: { const: prod, maxLength: ${max} }`,
      '',
    ].join('\n');

  it('tightening a referenced x-* member inside `not` widens the tool and needs sign-off', () => {
    const control = diff(manifest(schema(10)), manifest(schema(0))).planes.control;
    expect(control.tools[0]?.changes).toEqual([
      expect.objectContaining({ field: 'inputSchema', kind: 'widened' }),
    ]);
    expect(control.narrowingOnly).toBe(false);
    expect(control.requiredSignoffs).toBeGreaterThan(0);
  });
});

describe('class 7 and issue 13: spellings and declarations', () => {
  it.each(['db:admin/all', 'db:admin.all', 'iam:assume-role', 'shell:exec-command', 'billing:Admin'])(
    'a %s scope is privileged and needs two sign-offs',
    (scope) => {
      const before = manifest('effect: read\nscopes: [db:read]\n');
      const after = manifest(`effect: read\nscopes: [db:read, "${scope}"]\n`);
      const control = diff(before, after).planes.control;
      expect(control.tools[0]?.radiusAfter).toBe('privileged');
      expect(control.requiredSignoffs).toBe(2);
    },
  );

  it.each(['admin/all', 'admin.all', 'assume-role', 'delete_all', 'exec-command'])(
    'a credential scope %s is at least irreversible',
    (scope) => {
      const before = manifest('effect: read\ncredentials: [{ name: KEY, scopes: [db:read] }]\n');
      const after = manifest(`effect: read\ncredentials: [{ name: KEY, scopes: [db:read, "${scope}"] }]\n`);
      const radius = diff(before, after).planes.control.tools[0]?.radiusAfter;
      expect(['irreversible', 'privileged']).toContain(radius);
    },
  );

  it('a tool declared only by its read scope is read, with no radius-assumed finding', () => {
    const report = diff(manifest('effect: read\n'), manifest('scopes: [org:read]\n'));
    expect(report.planes.control.tools[0]?.radiusAfter).toBe('read');
    expect(report.findings.map((finding) => finding.code)).not.toContain('radius-assumed');
  });

  it('an unscoped credential warns, and is no declaration', () => {
    const report = diff(manifest('effect: read\n'), manifest('credentials: [{ name: ROOT_TOKEN }]\n'));
    expect(report.planes.control.tools[0]?.radiusAfter).toBe('irreversible');
    expect(report.findings.map((finding) => finding.code).sort()).toEqual([
      'credential-unscoped',
      'radius-assumed',
    ]);
  });
});
