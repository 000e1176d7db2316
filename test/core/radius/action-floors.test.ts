import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACTION_FLOORS,
  actionFloor,
  nameVerbFloor,
  nameVerbs,
  scopeFloor,
  wordsOf,
} from '../../../src/core/radius/action-floors.js';
import { classifyBlastRadius, compareRadius, maxRadius } from '../../../src/core/radius/radius.js';
import type { Radius } from '../../../src/model/types.js';
import { makeTool } from '../../helpers/make-tool.js';

describe('wordsOf', () => {
  it('splits printable ASCII exactly as the Unicode word classes do (the ASCII shortcut changes nothing)', () => {
    const unicodeWords = (text: string) =>
      text
        .replace(/(\p{Ll}|\p{Nd})(\p{Lu})/gu, '$1 $2')
        .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
        .split(/[^\p{L}\p{N}*]+/u)
        .filter((word) => word.length > 0)
        .map((word) => word.toLowerCase());
    const ascii = fc.stringMatching(/^[\x20-\x7e]{0,24}$/);
    fc.assert(
      fc.property(ascii, (text) => {
        expect(wordsOf(text)).toEqual(unicodeWords(text));
      }),
      {
        numRuns: 2000,
      },
    );
  });

  it.each([
    ['admin/all', ['admin', 'all']],
    ['admin.all', ['admin', 'all']],
    ['assume-role', ['assume', 'role']],
    ['delete_all', ['delete', 'all']],
    ['billing:Admin', ['billing', 'admin']],
    ['sts:AssumeRole', ['sts', 'assume', 'role']],
    ['HTTPGet', ['http', 'get']],
    ['User.ReadWrite.All', ['user', 'read', 'write', 'all']],
    ['admin+all admin|x', ['admin', 'all', 'admin', 'x']],
    ['ad\u200bmin', ['admin']],
    ['\u00e1dmin', ['admin']],
    ['', []],
    [':::', []],
  ])('%j -> %j', (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe('scope actions, token by token (SPEC 4, issue 9 class 7)', () => {
  it.each<[string, Radius]>([
    ['admin/all', 'privileged'],
    ['admin.all', 'privileged'],
    ['org:admin-all', 'privileged'],
    ['assume-role', 'privileged'],
    ['sts:AssumeRole', 'privileged'],
    ['exec-command', 'privileged'],
    ['billing:Admin', 'privileged'],
    ['BILLING:ADMIN', 'privileged'],
    ['iam:*', 'privileged'],
    ['repo:admin*', 'privileged'],
    ['AdministratorAccess', 'privileged'],
    ['keys:rotate', 'privileged'],
    ['delete_all', 'irreversible'],
    ['s3:DeleteObject', 'irreversible'],
    ['ec2:TerminateInstances', 'irreversible'],
    ['Mail.Send', 'irreversible'],
    ['chat:write', 'write'],
    ['User.ReadWrite.All', 'write'],
    ['org:read', 'read'],
    ['read:org', 'read'],
    ['gmail.readonly', 'read'],
    ['users:read.email', 'read'],
    ['user:email', 'write'],
    ['repo:status', 'write'],
    ['cache:warm', 'write'],
    ['', 'write'],
  ])('%s -> %s', (scope, radius) => {
    expect(scopeFloor(scope)).toBe(radius);
  });

  it('lets the highest known word win, whatever its position', () => {
    expect(scopeFloor('read:admin')).toBe('privileged');
    expect(scopeFloor('admin:read')).toBe('privileged');
    expect(scopeFloor('docs:read:delete')).toBe('irreversible');
  });

  it('sees through look-alike and invisible spellings', () => {
    expect(scopeFloor('org:\u0430dmin')).toBe('privileged'); // Cyrillic а
    expect(scopeFloor('org:adrnin')).toBe('privileged'); // rn drawn as m
    expect(scopeFloor('org:ad\u200bmin')).toBe('privileged');
    expect(scopeFloor('org:\uff41\uff44\uff4d\uff49\uff4e')).toBe('privileged'); // fullwidth
    expect(scopeFloor('posts:p0st')).toBe('irreversible');
    expect(scopeFloor('org:admin2')).toBe('privileged');
  });

  it('reads a word whole as well as by its case changes (aDmIn, DeLeTe)', () => {
    expect(scopeFloor('org:aDmIn')).toBe('privileged');
    expect(scopeFloor('files:DeLeTe')).toBe('irreversible');
    expect(nameVerbFloor('dElEtE_user')?.radius).toBe('irreversible');
    expect(nameVerbFloor('gRaNt-role')?.radius).toBe('privileged');
  });

  it('keeps prototype-named actions ordinary writes', () => {
    expect(actionFloor('constructor')).toBe('write');
    expect(actionFloor('__proto__')).toBe('write');
    expect(scopeFloor('toString:hasOwnProperty')).toBe('write');
  });

  it('merges config overrides over the defaults, word by word and for a whole action', () => {
    expect(scopeFloor('cache:warm', { warm: 'read' })).toBe('read');
    expect(scopeFloor('cache:warm-up', { warm: 'irreversible' })).toBe('irreversible');
    expect(scopeFloor('billing:refund', { refund: 'write' })).toBe('write');
    expect(scopeFloor('ops:flush-all', { 'flush-all': 'irreversible' })).toBe('irreversible');
    expect(scopeFloor('billing:*', { '*': 'read' })).toBe('privileged');
  });

  it('gives the highest known word of any spelling (property)', () => {
    const known = Object.keys(DEFAULT_ACTION_FLOORS).filter((word) => word !== '*' && /^[a-z]+$/.test(word));
    const unknown = fc.constantFrom('billing', 'org', 'repo', 'thing', 'widgets', 'zork');
    const word = fc.oneof(fc.constantFrom(...known), unknown);
    const separator = fc.constantFrom(':', '/', '.', '-', '_', ' ', '+');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(word, separator, fc.boolean()), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const scope = parts
            .map(([w, sep, upper], index) => (index > 0 ? sep : '') + (upper ? w.toUpperCase() : w))
            .join('');
          const floors = parts
            .map(([w]) => DEFAULT_ACTION_FLOORS[w])
            .filter((radius): radius is Radius => radius !== undefined);
          expect(scopeFloor(scope)).toBe(floors.length > 0 ? maxRadius(floors) : 'write');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('name verbs, tokenised', () => {
  it.each([
    ['deleteUser', 'delete'],
    ['delete-user', 'delete'],
    ['delete_user', 'delete'],
    ['DeleteUser', 'delete'],
    ['DELETE_USER', 'delete'],
    ['user.delete', 'delete'],
    ['github.repos.delete', 'delete'],
    ['findUsers', 'find'],
    ['whoami', 'whoami'],
  ])('%s -> verb %s', (name, verb) => {
    expect(nameVerbFloor(name)?.word).toBe(verb);
  });

  it('reads the leading word of every dot part, so a tool cannot hide its verb after a dot', () => {
    expect(nameVerbs('delete.user')).toEqual(['delete', 'user']);
    expect(nameVerbs('github.deleteBranch')).toEqual(['github', 'delete', 'deletebranch']);
    expect(nameVerbFloor('delete.user')?.radius).toBe('irreversible');
    expect(nameVerbFloor('users.list.delete')?.radius).toBe('irreversible');
  });

  it('skips the server prefix of a server tool', () => {
    expect(nameVerbs('delete.list_items', 'delete')).toEqual(['list']);
    expect(nameVerbFloor('delete.list_items', {}, 'delete')?.radius).toBe('read');
  });

  it('adds no floor for a name whose leading words are all unknown', () => {
    expect(nameVerbFloor('issue_refund')).toBeUndefined();
    expect(nameVerbFloor('')).toBeUndefined();
  });
});

describe('scopes are a declaration (issue 13 item 3)', () => {
  it('classifies a tool declared only by a read scope as read, without radius-assumed', () => {
    const result = classifyBlastRadius(makeTool({ name: 'org_members', scopes: ['org:read'] }));
    expect(result.radius).toBe('read');
    expect(result.findings).toEqual([]);
  });

  it('counts credential scopes as a declaration too', () => {
    const tool = makeTool({ name: 'org_members', credentials: [{ name: 'GH', scopes: ['read:org'] }] });
    expect(classifyBlastRadius(tool)).toMatchObject({ radius: 'read', findings: [] });
  });

  it('still raises a declared-by-scope tool to its name verb', () => {
    const result = classifyBlastRadius(makeTool({ name: 'delete_member', scopes: ['org:read'] }));
    expect(result.radius).toBe('irreversible');
  });

  it('still assumes irreversible when nothing at all is declared', () => {
    const result = classifyBlastRadius(makeTool({ name: 'org_members' }));
    expect(result.radius).toBe('irreversible');
    expect(result.findings.map((finding) => finding.code)).toEqual(['radius-assumed']);
  });

  it('reads real read verbs: a read-only tool is read', () => {
    for (const name of ['find_user', 'fetchPage', 'query-logs', 'view_ticket', 'show_config', 'whoami']) {
      const result = classifyBlastRadius(makeTool({ name, effect: 'read' }));
      expect(result, name).toMatchObject({ radius: 'read', findings: [] });
    }
  });
});

describe('credentials without scopes (issue 9 class 7)', () => {
  it('floors an unscoped credential at the tool radius, with a credential-unscoped warning', () => {
    const tool = makeTool({
      name: 'sync',
      effect: 'write',
      credentials: [{ name: 'ROOT_TOKEN', scopes: [] }],
    });
    const result = classifyBlastRadius(tool);
    expect(result.radius).toBe('write');
    expect(result.floors).toContainEqual({ source: 'credential ROOT_TOKEN (no scopes)', radius: 'write' });
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'credential-unscoped', field: 'credentials' }),
    ]);
    expect(result.findings[0]?.message).toContain('ROOT_TOKEN');
  });

  it('warns once per server, not once per tool of a server that shares the credential', () => {
    const tool = makeTool({
      name: 'gh.list_issues',
      server: 'gh',
      effect: 'read',
      credentials: [{ name: 'GITHUB_TOKEN', scopes: [] }],
    });
    const result = classifyBlastRadius(tool);
    expect(result.findings).toEqual([]);
    expect(result.floors).toContainEqual({ source: 'credential GITHUB_TOKEN (no scopes)', radius: 'read' });
  });

  it('is no declaration: a tool with only an unscoped credential stays radius-assumed', () => {
    const tool = makeTool({ name: 'sync', credentials: [{ name: 'ROOT_TOKEN', scopes: [] }] });
    const result = classifyBlastRadius(tool);
    expect(result.radius).toBe('irreversible');
    expect(result.findings.map((finding) => finding.code).sort()).toEqual([
      'credential-unscoped',
      'radius-assumed',
    ]);
  });

  it('never lowers the radius, whatever else the tool declares (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Radius | undefined>(undefined, 'none', 'read', 'write', 'irreversible', 'privileged'),
        fc.array(fc.constantFrom('org:read', 'x:delete', 'y:admin'), { maxLength: 2 }),
        (effect, scopes) => {
          const bare = makeTool({ name: 'sync', effect, scopes });
          const withKey = { ...bare, credentials: [{ name: 'K', scopes: [] }] };
          expect(compareRadius(classifyBlastRadius(withKey).radius, classifyBlastRadius(bare).radius)).toBe(
            0,
          );
        },
      ),
    );
  });
});
