import { describe, expect, it } from 'vitest';
import { setToolsEntry, toolsEntryOf } from '../../../src/core/release/set-prompt-tools.js';

const md = (front: string, body = 'You are a support agent.\n') => `---\n${front}---\n${body}`;

function restore(head: string, base: string | undefined, kind: 'markdown' | 'yaml' = 'markdown') {
  const entry = base === undefined ? { ok: true as const, entry: '' } : toolsEntryOf(base, kind);
  if (!entry.ok) return entry;
  return setToolsEntry(head, kind, entry.entry);
}

describe('restoring the base binding of a prompt', () => {
  it('puts back the base entry byte for byte and keeps every other byte of the head', () => {
    const base = md('id: support\nversion: 4\ntools: [read_ticket, send_email]  # bound\nmodel: gpt-5\n');
    const head = md(
      'id: support\nversion: 5\ntools:\n  - read_ticket\n  - admin_api\nmodel: gpt-5\n',
      'New text.\n',
    );
    expect(restore(head, base)).toEqual({
      ok: true,
      text: md(
        'id: support\nversion: 5\ntools: [read_ticket, send_email]  # bound\nmodel: gpt-5\n',
        'New text.\n',
      ),
    });
  });

  it('removes a binding the base did not have (a new prompt, or one that bound nothing)', () => {
    expect(restore(md('version: 2\ntools: [a, b]\n'), undefined)).toEqual({
      ok: true,
      text: md('version: 2\n'),
    });
    expect(restore(md('version: 2\ntools: [a, b]\n'), md('version: 1\n'))).toEqual({
      ok: true,
      text: md('version: 2\n'),
    });
  });

  it('adds back a binding the head removed, at the end of the front matter', () => {
    expect(restore(md('version: 2\n'), md('tools: [a]\nversion: 1\n'))).toEqual({
      ok: true,
      text: md('version: 2\ntools: [a]\n'),
    });
  });

  it('edits a YAML prompt and leaves a look-alike line inside its template alone', () => {
    const head = 'id: x\ntools: [a, b]\ntemplate: |\n  Hello\n  tools: [c]\n';
    expect(restore(head, 'id: x\ntools: [a]\ntemplate: old\n', 'yaml')).toEqual({
      ok: true,
      text: 'id: x\ntools: [a]\ntemplate: |\n  Hello\n  tools: [c]\n',
    });
  });

  it('keeps CRLF files byte for byte', () => {
    const head = '---\r\nversion: 2\r\ntools: [a, b]\r\n---\r\nline one\r\nline two\r\n';
    const base = '---\r\nversion: 1\r\ntools: [a]\r\n---\r\nold\r\n';
    expect(restore(head, base)).toEqual({
      ok: true,
      text: '---\r\nversion: 2\r\ntools: [a]\r\n---\r\nline one\r\nline two\r\n',
    });
  });

  it('adds front matter to a prompt that had none at head when the base bound tools', () => {
    expect(restore('Just text.\n', md('tools: [a]\n'))).toEqual({
      ok: true,
      text: '---\ntools: [a]\n---\nJust text.\n',
    });
  });

  it('refuses front matter it cannot edit exactly', () => {
    expect(setToolsEntry('---\ntools: [a\n---\nbody', 'markdown', '').ok).toBe(false);
    expect(setToolsEntry('---\n{tools: [a]}\n---\nbody', 'markdown', '').ok).toBe(false);
    expect(setToolsEntry('---\ntools: [a]\n', 'markdown', '').ok).toBe(false);
    expect(setToolsEntry('---\ntools: [a]\ntools: [b]\n---\n', 'markdown', '').ok).toBe(false);
    expect(setToolsEntry('---\n  tools: [a]\n---\n', 'markdown', '').ok).toBe(false);
  });
});
