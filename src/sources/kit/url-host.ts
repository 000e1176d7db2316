/**
 * The egress of a remote server: the host of its url, lowercased. A url that does not parse, or whose host is
 * a variable (`https://${HOST}/mcp`), could reach anywhere: `*`.
 */
export function egressOf(url: string | undefined): string[] {
  if (url === undefined) return ['*'];
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url.trim())?.[1];
  if (authority === undefined || /[${}%]/.test(authority)) return ['*'];
  try {
    const host = new URL(url.trim()).hostname.toLowerCase();
    return host === '' ? ['*'] : [host.endsWith('.') ? host.slice(0, -1) : host];
  } catch {
    return ['*'];
  }
}
