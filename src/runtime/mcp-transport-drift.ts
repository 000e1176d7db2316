// `mcp verify` compares how the server is reached as well as what it offers: a filesystem server pointed at
// another root, or an endpoint moved to another host, is a different capability with the same tool list.
import type { ServerTransport } from '../model/types.js';
import { redactArgs, redactUrl } from './mcp-redact.js';

export type TransportField = 'command' | 'args' | 'cwd' | 'url';
export const TRANSPORT_FIELDS: readonly TransportField[] = ['command', 'args', 'cwd', 'url'];

export interface TransportDifference {
  field: `transport.${TransportField}`;
  /** as printable (secrets redacted); absent when the side does not set the field */
  before?: string | string[];
  after?: string | string[];
  message: string;
}

/** The transport fields that differ between the pinned manifest and the server that was reached. */
export function compareTransports(
  pinned: ServerTransport | undefined,
  live: ServerTransport,
): TransportDifference[] {
  const differences: TransportDifference[] = [];
  if (!pinned || (pinned.command === undefined && pinned.url === undefined)) {
    // a manifest that pins no transport cannot prove the server reached is the one it describes
    return [{ field: 'transport.command', message: 'transport: not pinned in the manifest', ...after(live) }];
  }
  for (const field of TRANSPORT_FIELDS) {
    const before = valueOf(pinned, field);
    const now = valueOf(live, field);
    if (same(before, now)) continue;
    const shownBefore = printable(field, before);
    const shownAfter = printable(field, now);
    const hidden = same(shownBefore, shownAfter) ? ' (they differ in a redacted part)' : '';
    differences.push({
      field: `transport.${field}`,
      ...(shownBefore !== undefined && { before: shownBefore }),
      ...(shownAfter !== undefined && { after: shownAfter }),
      message: `transport.${field}: ${show(shownBefore)} -> ${show(shownAfter)}${hidden}`,
    });
  }
  return differences;
}

function after(live: ServerTransport): { after: string } {
  const text =
    live.url !== undefined
      ? redactUrl(live.url)
      : [live.command ?? '', ...redactArgs(live.args ?? [])].join(' ');
  return { after: text };
}

function valueOf(transport: ServerTransport, field: TransportField): string | string[] | undefined {
  if (field === 'args')
    return transport.command === undefined && transport.args === undefined
      ? undefined
      : (transport.args ?? []);
  return transport[field];
}

function printable(
  field: TransportField,
  value: string | string[] | undefined,
): string | string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return redactArgs(value);
  return field === 'url' ? redactUrl(value) : value;
}

function same(a: string | string[] | undefined, b: string | string[] | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function show(value: string | string[] | undefined): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
