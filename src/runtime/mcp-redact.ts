// What the runtime commands print about a server: never a password in a url, a token in a query string, a
// token-shaped argument or a header value.
import { argLooksLikeSecret, looksLikeSecret } from '../sources/kit/secrets.js';

const HIDDEN = '***';

/** True when the url carries user-info (`user:pass@`) or a query parameter whose value is a credential. */
export function urlHoldsSecret(url: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url);
  if (parsed.username !== '' || parsed.password !== '') return true;
  return [...parsed.searchParams].some(([key, value]) => looksLikeSecret(key, value));
}

/** The url with user-info and every query value replaced: the host and path are what a reader needs. */
export function redactUrl(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed)
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${HIDDEN}@`).replace(/\?.*$/s, '?…');
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = HIDDEN;
    parsed.password = '';
  }
  for (const key of new Set(parsed.searchParams.keys())) parsed.searchParams.set(key, HIDDEN);
  return parsed.toString().replace(/%2A%2A%2A/g, HIDDEN);
}

export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg) =>
    argLooksLikeSecret(arg)
      ? arg.includes('=')
        ? `${arg.slice(0, arg.indexOf('=') + 1)}${HIDDEN}`
        : HIDDEN
      : arg,
  );
}

/** An error message from a transport with every known secret value cut out (servers echo what they were sent). */
export function scrubSecrets(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join(HIDDEN);
  return out;
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
