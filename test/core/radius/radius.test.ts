import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACTION_FLOORS,
  RADIUS_ORDER,
  actionFloor,
  annotationRadius,
  classifyBlastRadius,
  compareRadius,
  leadingVerb,
  maxRadius,
  scopeFloor,
} from '../../../src/core/radius/radius.js';
import { RADII } from '../../../src/model/types.js';
import type { Radius } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

describe('radius order', () => {
  it('ranks none < read < write < irreversible < privileged', () => {
    expect(RADII.map((radius) => RADIUS_ORDER[radius])).toEqual([0, 1, 2, 3, 4]);
    expect(compareRadius('read', 'write')).toBeLessThan(0);
    expect(compareRadius('privileged', 'irreversible')).toBeGreaterThan(0);
    expect(compareRadius('write', 'write')).toBe(0);
  });

  it('maxRadius picks the highest class and is none for an empty list', () => {
    expect(maxRadius(['read', 'irreversible', 'write'])).toBe('irreversible');
    expect(maxRadius([])).toBe('none');
  });
});

describe('action floors', () => {
  const table: [Radius, string[]][] = [
    ['read', ['read', 'get', 'list', 'search', 'describe']],
    ['write', ['write', 'create', 'update', 'put', 'patch']],
    [
      'irreversible',
      [
        'delete',
        'destroy',
        'drop',
        'purge',
        'truncate',
        'send',
        'refund',
        'pay',
        'transfer',
        'publish',
        'post',
      ],
    ],
    [
      'privileged',
      ['admin', 'grant', 'assume', 'impersonate', 'root', 'execute', 'exec', 'eval', 'shell', '*'],
    ],
  ];

  it('keeps every SPEC section 4 word at its class (the table only grows)', () => {
    for (const [radius, actions] of table) {
      for (const action of actions) expect(DEFAULT_ACTION_FLOORS[action], action).toBe(radius);
    }
  });

  it('never lists a word below a class it had (floors only rise)', () => {
    // read words SPEC did not name must not shadow a write the SPEC implies for unknown actions
    for (const [word, radius] of Object.entries(DEFAULT_ACTION_FLOORS)) {
      const spec = table.find(([, actions]) => actions.includes(word))?.[0];
      if (spec) expect(compareRadius(radius, spec), word).toBeGreaterThanOrEqual(0);
    }
  });

  it('treats an unknown scope action as a write', () => {
    expect(actionFloor('frobnicate', {})).toBe('write');
  });

  it('does not resolve actions named like Object.prototype members', () => {
    expect(actionFloor('constructor', {})).toBe('write');
    expect(actionFloor('__proto__', {})).toBe('write');
  });

  it('merges overrides over the defaults, case-insensitively', () => {
    const overrides: Record<string, Radius> = { refund: 'privileged', Sync: 'irreversible' };
    expect(actionFloor('refund', overrides)).toBe('privileged');
    expect(actionFloor('sync', overrides)).toBe('irreversible');
    expect(actionFloor('read', overrides)).toBe('read');
  });

  it('keeps a wildcard action privileged even if overrides try to lower it', () => {
    expect(actionFloor('*', { '*': 'read' })).toBe('privileged');
  });

  it('reads a scope by its words', () => {
    expect(scopeFloor('billing:refund')).toBe('irreversible');
    expect(scopeFloor('repo:contents:read')).toBe('read');
    expect(scopeFloor('billing:*')).toBe('privileged');
    expect(scopeFloor('*')).toBe('privileged');
  });
});

describe('leadingVerb', () => {
  it.each([
    ['delete_branch', 'delete'],
    ['delete-branch', 'delete'],
    ['deleteBranch', 'delete'],
    ['DeleteBranch', 'delete'],
    ['github.create_issue', 'create'],
    ['srv.tools.listFiles', 'list'],
    ['HTTPGet', 'http'],
    ['_send_mail', 'send'],
    ['search', 'search'],
  ])('%s -> %s', (name, verb) => {
    expect(leadingVerb(name)).toBe(verb);
  });
});

describe('annotationRadius', () => {
  it('reads annotations with MCP defaults', () => {
    expect(annotationRadius({ readOnlyHint: true })).toBe('read');
    expect(annotationRadius({ destructiveHint: false })).toBe('write');
    expect(annotationRadius({})).toBe('irreversible');
    expect(annotationRadius(undefined)).toBe('irreversible');
    expect(annotationRadius({ readOnlyHint: true, destructiveHint: true })).toBe('read');
  });
});

describe('classifyBlastRadius', () => {
  it('uses the declared effect when nothing else raises it', () => {
    const result = classifyBlastRadius(makeTool({ name: 'zork', effect: 'read' }));
    expect(result.radius).toBe('read');
    expect(result.derived).toBe('none');
    expect(result.findings).toEqual([]);
  });

  it('raises the radius to a scope action floor and flags the understated effect', () => {
    const result = classifyBlastRadius(
      makeTool({ name: 'issue_refund', effect: 'write', scopes: ['billing:refund'] }),
    );
    expect(result.radius).toBe('irreversible');
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'effect-understated', field: 'effect' }),
    ]);
    expect(result.findings[0]?.message).toContain('scope billing:refund implies irreversible');
  });

  it('counts credential scopes like tool scopes', () => {
    const tool = makeTool({
      name: 'sync',
      effect: 'read',
      credentials: [{ name: 'GITHUB_TOKEN', scopes: ['org:admin'] }],
    });
    const result = classifyBlastRadius(tool);
    expect(result.radius).toBe('privileged');
    expect(result.floors).toContainEqual({
      source: 'credential GITHUB_TOKEN scope org:admin',
      radius: 'privileged',
    });
    expect(result.findings[0]?.message).toContain(
      'credential GITHUB_TOKEN scope org:admin implies privileged',
    );
  });

  it('gives a wildcard scope action the privileged floor', () => {
    expect(classifyBlastRadius(makeTool({ effect: 'read', scopes: ['billing:*'] })).radius).toBe(
      'privileged',
    );
    expect(classifyBlastRadius(makeTool({ effect: 'read', scopes: ['*'] })).radius).toBe('privileged');
  });

  it('gives an unknown scope action the write floor', () => {
    expect(classifyBlastRadius(makeTool({ effect: 'read', scopes: ['cache:warm'] })).radius).toBe('write');
  });

  it('applies config overrides to scope actions', () => {
    const tool = makeTool({ effect: 'read', scopes: ['cache:warm'] });
    expect(classifyBlastRadius(tool, { warm: 'read' }).radius).toBe('read');
  });

  it('uses the leading verb of the name as a floor when it is in the table', () => {
    const result = classifyBlastRadius(makeTool({ name: 'delete_branch', effect: 'read' }));
    expect(result.radius).toBe('irreversible');
    expect(result.floors).toContainEqual({ source: 'name verb "delete"', radius: 'irreversible' });
  });

  it('adds no floor for a name verb outside the table (no unknown->write rule for names)', () => {
    const result = classifyBlastRadius(makeTool({ name: 'tidy_ticket', effect: 'read' }));
    expect(result.radius).toBe('read');
    expect(result.floors.some((floor) => floor.source.startsWith('name verb'))).toBe(false);
  });

  it('reads the verb of an MCP server tool from the part after the last dot', () => {
    const tool = makeTool({
      name: 'github.deleteRepo',
      annotations: { readOnlyHint: false, destructiveHint: true },
    });
    expect(classifyBlastRadius(tool).floors).toContainEqual({
      source: 'name verb "delete"',
      radius: 'irreversible',
    });
  });

  it('reads annotations only when the tool has them', () => {
    const annotated = classifyBlastRadius(makeTool({ name: 'lookup', annotations: { readOnlyHint: true } }));
    expect(annotated.radius).toBe('read');
    expect(annotated.findings).toEqual([]);
    const nonDestructive = classifyBlastRadius(
      makeTool({ name: 'lookup', annotations: { destructiveHint: false } }),
    );
    expect(nonDestructive.radius).toBe('write');
    const defaults = classifyBlastRadius(makeTool({ name: 'lookup', effect: 'read', annotations: {} }));
    expect(defaults.radius).toBe('irreversible');
    const none = classifyBlastRadius(makeTool({ name: 'lookup', effect: 'read' }));
    expect(none.floors.some((floor) => floor.source.startsWith('annotations'))).toBe(false);
  });

  it('assumes irreversible and asks for `effect` when a tool declares neither effect nor annotations', () => {
    const result = classifyBlastRadius(makeTool({ name: 'lookup' }));
    expect(result.radius).toBe('irreversible');
    expect(result.findings).toEqual([expect.objectContaining({ code: 'radius-assumed', field: 'effect' })]);
    expect(result.findings[0]?.message).toContain('declare `effect`');
  });

  it('does not assume anything when annotations are present', () => {
    const result = classifyBlastRadius(makeTool({ name: 'lookup', annotations: { readOnlyHint: true } }));
    expect(result.findings.some((finding) => finding.code === 'radius-assumed')).toBe(false);
  });

  it('reads declared scopes as a declaration: no assumption when scopes imply the class (SPEC 4)', () => {
    const result = classifyBlastRadius(makeTool({ name: 'zork', scopes: ['docs:read'] }));
    expect(result.radius).toBe('read');
    expect(result.findings).toEqual([]);
  });

  it('flags read-only annotations on a name that implies a higher class, without lowering it', () => {
    const result = classifyBlastRadius(
      makeTool({ name: 'delete_user', annotations: { readOnlyHint: true } }),
    );
    expect(result.radius).toBe('irreversible');
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'annotation-contradicts-name', field: 'annotations' }),
    ]);
  });

  it('flags destructiveHint false on a name that implies irreversible', () => {
    const result = classifyBlastRadius(
      makeTool({ name: 'purge_cache', annotations: { destructiveHint: false } }),
    );
    expect(result.findings.map((finding) => finding.code)).toEqual(['annotation-contradicts-name']);
  });

  it('does not flag annotations that agree with the name', () => {
    const result = classifyBlastRadius(makeTool({ name: 'list_users', annotations: { readOnlyHint: true } }));
    expect(result.findings).toEqual([]);
  });

  it('does not flag default (destructive) annotations on a privileged name', () => {
    const result = classifyBlastRadius(makeTool({ name: 'grant_role', annotations: {} }));
    expect(result.findings).toEqual([]);
    expect(result.radius).toBe('privileged');
  });

  it('does not flag an effect above the derived radius', () => {
    const result = classifyBlastRadius(
      makeTool({ name: 'lookup', effect: 'privileged', scopes: ['docs:read'] }),
    );
    expect(result.radius).toBe('privileged');
    expect(result.derived).toBe('read');
    expect(result.findings).toEqual([]);
  });

  it('lists the declared effect first among the floors', () => {
    const result = classifyBlastRadius(makeTool({ name: 'zork', effect: 'write', scopes: ['docs:read'] }));
    expect(result.floors).toEqual([
      { source: 'declared effect', radius: 'write' },
      { source: 'scope docs:read', radius: 'read' },
    ]);
  });

  it('never reports a radius below any floor (property)', () => {
    const radius = fc.constantFrom(...RADII);
    const action = fc.constantFrom('read', 'delete', 'admin', '*', 'frob', 'create');
    const scope = fc.tuple(fc.constantFrom('billing', 'repo', '*'), action).map(([r, a]) => `${r}:${a}`);
    fc.assert(
      fc.property(
        fc.option(radius, { nil: undefined }),
        fc.array(scope, { maxLength: 4 }),
        fc.constantFrom('delete_x', 'list_x', 'frob_x', 'grant_x'),
        fc.option(fc.record({ readOnlyHint: fc.boolean(), destructiveHint: fc.boolean() }), {
          nil: undefined,
        }),
        (effect, scopes, name, annotations) => {
          const result = classifyBlastRadius(makeTool({ name, effect, scopes, annotations }));
          for (const floor of result.floors)
            expect(compareRadius(result.radius, floor.radius)).toBeGreaterThanOrEqual(0);
          expect(compareRadius(result.radius, result.derived)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
