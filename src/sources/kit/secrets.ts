// Is a configured value a literal secret? Only the verdict leaves this file: callers report the key, never the value.

/**
 * `${VAR}`, `${input:id}`, `${env:NAME}`, `$VAR`, `{{ secrets.X }}`, `%VAR%`, `{token}`, OpenCode's `{env:X}` and
 * `{file:path}`: a reference, not a secret.
 */
const REFERENCE =
  /\{(?:env|file):[^}]*\}|\$\{[^}]*\}|\$\{\{[^}]*\}\}|\{\{[^}]*\}\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_][A-Za-z0-9_]*%|\{[A-Za-z_][A-Za-z0-9_]*\}/g;

/** Documentation placeholders (`YOUR_TOKEN`, `<API_KEY>`, `xxxx`, `changeme`) are not secrets. */
const PLACEHOLDER =
  /your[_-]|<[^>]*>|x{4,}|\*{3,}|\.{3}|changeme|change[_-]me|placeholder|replace[_-]?me|example|dummy|redacted|todo/i;

/** Token shapes with a well-known prefix: a value like this is a credential whatever its key is called. */
const KNOWN_TOKEN =
  /^(?:sk-[A-Za-z0-9_-]{12,}|sk_(?:live|test)_[A-Za-z0-9]{12,}|rk_(?:live|test)_[A-Za-z0-9]{12,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,}|ya29\.[0-9A-Za-z_-]{20,}|eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*|npm_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_-]{30,}|hf_[A-Za-z0-9]{30,})$/;

/** `Bearer x`, `Basic x`, `token x`: the scheme says the rest is a credential. */
const AUTH_SCHEME = /^(?:bearer|basic|token|apikey|api-key)\s+(\S+)$/i;

/** Key names that announce a secret value. */
const SECRET_KEY =
  /token|secret|passw(or)?d|passphrase|api[_-]?key|apikey|private[_-]?key|auth|credential|(^|[_-])pat$|(^|[_-])key$/i;

/** True when a key's name announces a secret value (`apiKey`, `GITHUB_TOKEN`, `password`). */
export function isSecretName(key: string): boolean {
  return SECRET_KEY.test(key);
}

function isReferenceOrPlaceholder(value: string): boolean {
  const rest = value.replace(REFERENCE, '').trim();
  return rest === '' || PLACEHOLDER.test(value);
}

function isTokenLike(value: string): boolean {
  return value.length >= 16 && !/\s/.test(value) && /[A-Za-z]/.test(value) && /[0-9]/.test(value);
}

/** True when `value`, configured under `key`, holds a literal credential rather than a reference to one. */
export function looksLikeSecret(key: string, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '' || isReferenceOrPlaceholder(trimmed)) return false;
  const scheme = AUTH_SCHEME.exec(trimmed);
  if (scheme) return (scheme[1] ?? '').length >= 8 && !isReferenceOrPlaceholder(scheme[1] ?? '');
  if (KNOWN_TOKEN.test(trimmed)) return true;
  return SECRET_KEY.test(key) && isTokenLike(trimmed);
}

/** A command-line argument is only a secret when it has a well-known token shape (`--key=sk-…` included). */
export function argLooksLikeSecret(arg: string): boolean {
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
  return KNOWN_TOKEN.test(value.trim());
}
