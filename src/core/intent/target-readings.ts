import { posix } from 'node:path';

/**
 * Every way a path-like value may be read by the tool below us, folded already (see fold-target.ts). The
 * caller denies when any reading hits a protected pattern, so each reading only ever adds a refusal:
 * - `file:` URLs (`file:///p`, `file://localhost/p`, `file:/p`), with and without their query and fragment;
 * - percent-decoding (a tool that takes URLs decodes `%2e%2e`);
 * - `\` as a separator (a Windows tool, or a library that accepts both), and Windows' own spellings: a drive
 *   letter (`c:/data/prod`) and the dots and spaces Windows drops from the end of a name (`/data/prod./x`);
 * - `.`/`..` segments and repeated slashes resolved (`/a/../prod`, `/a//prod`, `./prod`);
 * - a relative path also read from `/`, since the tool's working directory is not known: `../../etc/x`
 *   reaches `/etc/x` from anywhere deep enough, and `etc/x` is `/etc/x` from the root.
 */
export function pathReadings(value: string): string[] {
  const readings = new Set<string>();
  const raw = [value, decodePercent(value)];
  for (const text of raw) {
    for (const url of fileUrlPaths(text)) raw.push(url, decodePercent(url));
  }
  for (const text of new Set(raw)) {
    for (const slashed of new Set([text, text.replace(/\\/g, '/')])) {
      const normal = normalisePath(slashed);
      readings.add(slashed);
      readings.add(normal);
      if (!normal.startsWith('/')) readings.add(normalisePath(`/${normal}`));
      const windows = normalisePath(
        normal.replace(/^[a-z]:(?=\/|$)/, '').replace(/([^/.])[. ]+(?=\/|$)/g, '$1'),
      );
      readings.add(windows);
    }
  }
  return [...readings];
}

/**
 * Readings of a value checked against a name pattern (`prod-*`): the value, percent-decoded (a tool that
 * builds a URL from it decodes it), and the last segment of a path-like value, since many APIs take a name
 * either bare or as a resource path (`projects/p/instances/prod-1`, `./prod-1`, `x/../prod-1`).
 */
export function identifierReadings(value: string): string[] {
  const decoded = decodePercent(value);
  // a trailing dot is the same DNS name (`prod-db.example.com.`)
  const readings = new Set([value, decoded, value.replace(/\.+$/, ''), decoded.replace(/\.+$/, '')]);
  for (const reading of [...readings]) {
    if (!/[/\\]/.test(reading)) continue;
    const normal = normalisePath(reading.replace(/\\/g, '/'));
    readings.add(normal);
    readings.add(normal.slice(normal.lastIndexOf('/') + 1));
  }
  return [...readings];
}

function fileUrlPaths(text: string): string[] {
  const match = /^file:(.*)$/is.exec(text);
  if (!match) return [];
  let rest = match[1]!;
  if (rest.startsWith('//')) {
    // `file://host/path`: the authority (localhost, a UNC host) is not part of the path
    const slash = rest.indexOf('/', 2);
    rest = slash < 0 ? '/' : rest.slice(slash);
  }
  const cut = rest.search(/[?#]/);
  return cut < 0 ? [rest] : [rest, rest.slice(0, cut)];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes `%XX` runs as UTF-8; a run that is not valid UTF-8 is decoded byte for byte instead. */
export function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => parseInt(hex, 16));
    try {
      return strictUtf8.decode(bytes);
    } catch {
      let latin1 = '';
      for (const byte of bytes) latin1 += String.fromCharCode(byte);
      return latin1;
    }
  });
}

function normalisePath(value: string): string {
  if (value === '') return value;
  let normal = posix.normalize(value);
  // `..` above a relative start is stripped: from a deep enough working directory it reaches the root
  while (normal.startsWith('../')) normal = normal.slice(3);
  if (normal === '..' || normal === '.') return normal === '..' ? '' : '.';
  return normal.length > 1 && normal.endsWith('/') ? normal.slice(0, -1) : normal;
}
