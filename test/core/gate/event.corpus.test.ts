import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGateEvent } from '../../../src/core/gate/event.js';
import { sharedFixture, webhookExample } from '../../helpers/shared-fixtures.js';

// a real comment on a pull request (an app's recorded payload), read in place from the shared fixtures
const payload = (name: string): unknown =>
  name === 'issue_comment.created.on-pull-request'
    ? JSON.parse(readFileSync(sharedFixture('webhooks', `${name}.json`), 'utf8'))
    : webhookExample(name);

describe('readGateEvent on a recorded webhook payload', () => {
  it('an issue_comment on a PR needs the PR to be read; on a plain issue it is ignored', () => {
    const onPull = payload('issue_comment.created.on-pull-request') as {
      comment: { body: string };
      action: string;
    };
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({
      kind: 'ignored',
      reason: 'comment on #1 carries no /agentgate command',
    });
    onPull.comment.body = `/agentgate signoff sha256:${'a'.repeat(64)}`;
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({
      kind: 'needs-pull-request',
      number: 1,
    });
    onPull.comment.body = 'edited: withdrawn';
    onPull.action = 'edited';
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({
      kind: 'needs-pull-request',
      number: 1,
    });
    onPull.comment.body = '<!-- agentgate:report -->\n/agentgate signoff';
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({ kind: 'ignored' });
    expect(readGateEvent('issue_comment', payload('issue_comment.created'), 'o/r')).toMatchObject({
      kind: 'ignored',
    });
  });
});
