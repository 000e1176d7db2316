import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGateEvent } from '../../../src/core/gate/event.js';
import { webhookExample } from '../../helpers/shared-fixtures.js';

// GitHub's documented examples from @octokit/webhooks-examples; a comment on a pull request is our own small
// payload (test/fixtures/webhooks), and event.corpus.test.ts reads an app's recorded one.
const payload = (name: string): unknown =>
  name === 'issue_comment.created.on-pull-request'
    ? JSON.parse(
        readFileSync(
          new URL('../../fixtures/webhooks/issue-comment-on-pull-request.json', import.meta.url),
          'utf8',
        ),
      )
    : webhookExample(name);

describe('readGateEvent on real webhook payloads', () => {
  it('pull_request.opened gives the PR, its author, base and head', () => {
    const event = readGateEvent('pull_request', payload('pull_request.opened'), undefined);
    expect(event).toMatchObject({
      kind: 'pull-request',
      action: 'opened',
      repo: { owner: 'Codertocat', repo: 'Hello-World' },
      pr: {
        number: 2,
        author: 'Codertocat',
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        open: true,
        draft: false,
      },
    });
  });

  it('pull_request.synchronize and pull_request_review.submitted/dismissed are handled', () => {
    expect(readGateEvent('pull_request', payload('pull_request.synchronize'), 'o/r').kind).toBe(
      'pull-request',
    );
    expect(readGateEvent('pull_request_review', payload('pull_request_review.submitted'), 'o/r').kind).toBe(
      'pull-request',
    );
    expect(readGateEvent('pull_request_review', payload('pull_request_review.dismissed'), 'o/r').kind).toBe(
      'pull-request',
    );
  });

  it('an issue_comment on a PR needs the PR to be read; on a plain issue it is ignored', () => {
    const onPull = payload('issue_comment.created.on-pull-request') as {
      comment: { body: string };
      action: string;
    };
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({
      kind: 'ignored',
      reason: 'comment on #7 carries no /agentgate command',
    });
    onPull.comment.body = `/agentgate signoff sha256:${'a'.repeat(64)}`;
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({
      kind: 'needs-pull-request',
      number: 7,
    });
    onPull.comment.body = 'edited: withdrawn';
    onPull.action = 'edited';
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({
      kind: 'needs-pull-request',
      number: 7,
    });
    onPull.comment.body = '<!-- agentgate:report -->\n/agentgate signoff';
    expect(readGateEvent('issue_comment', onPull, 'o/r')).toMatchObject({ kind: 'ignored' });
    expect(readGateEvent('issue_comment', payload('issue_comment.created'), 'o/r')).toMatchObject({
      kind: 'ignored',
    });
  });

  it('other events and actions are ignored with a reason', () => {
    expect(readGateEvent('push', {}, 'o/r')).toEqual({
      kind: 'ignored',
      reason: 'event push is not one agentgate acts on',
    });
    expect(readGateEvent('pull_request', { action: 'closed' }, 'o/r')).toEqual({
      kind: 'ignored',
      reason: 'pull_request.closed needs no check',
    });
  });

  it('GITHUB_REPOSITORY wins over the payload and a malformed payload is invalid', () => {
    expect(readGateEvent('pull_request', payload('pull_request.opened'), 'acme/agents')).toMatchObject({
      repo: { owner: 'acme', repo: 'agents' },
    });
    expect(readGateEvent('pull_request', { action: 'opened', pull_request: {} }, 'o/r')).toMatchObject({
      kind: 'invalid',
    });
  });
});
