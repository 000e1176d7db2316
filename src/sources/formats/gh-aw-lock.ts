// gh-aw's compiled lock, `.github/workflows/<name>.lock.yml` beside `<name>.md`: the file Actions runs. Its first
// lines record, as JSON, hashes of the source it was compiled from. `body_hash` (schema v4 on) is sha256 of the
// markdown body with its surrounding white space trimmed, which anyone can recompute from the `.md`;
// `frontmatter_hash` mixes in imported components and compiler versions the `.md` does not hold, so it is never
// recomputed here. What cannot be read is said so (`unknown`), never taken as a match.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../model/canonical-json.js';
import type { SourceFile } from '../../model/source-file.js';
import { splitFrontMatter } from '../../parse/prompt.js';
import { parseYamlStrict } from '../../parse/yaml.js';

export type GhAwLockHeader =
  | {
      kind: 'read';
      /** `v3`, `v4`… as the lock says */
      schema: string;
      /** the recorded body hash (lower-case hex), or null when the schema records none */
      bodyHash: string | null;
      /** the lock reads the `.md` body when it runs (`{{#runtime-import <md>}}`): a body edit alone is not stale */
      importsBody: boolean;
      /** sha256 of the whole lock with the recorded body hash blanked: equal on two sides, only that hash moved */
      shape: string;
    }
  | { kind: 'unknown'; line: number; reason: string };

export type GhAwFacts =
  | { kind: 'lock'; header: GhAwLockHeader }
  /** a workflow's `.md`: digests of its front matter (null: it has none) and of its body as gh-aw hashes it */
  | { kind: 'workflow'; frontMatter: string | null; bodyHash: string };

const LOCK = /^\.github\/workflows\/(?:[^/]+\/)*[^/]+\.lock\.yml$/u;
const WORKFLOW = /^\.github\/workflows\/(?:[^/]+\/)*[^/]+\.md$/u;
const METADATA = '# gh-aw-metadata:';
/** The header sits in the comment lines before the first line of YAML; a lock never needs more to say it. */
const HEADER_LINES = 20;
const SCHEMA = /^v([0-9]{1,4})$/u;
const HASH = /^[0-9a-f]{64}$/u;
/** The first schema that records `body_hash`: a lock of it or later without one is not a format we know. */
const BODY_HASH_SINCE = 4;

export function isGhAwLockPath(path: string): boolean {
  return LOCK.test(path);
}

/** `x.lock.yml` <-> `x.md`, in the same folder. */
export function workflowOfLock(lockPath: string): string {
  return `${lockPath.slice(0, -'.lock.yml'.length)}.md`;
}

export function lockOfWorkflow(mdPath: string): string {
  return `${mdPath.slice(0, -'.md'.length)}.lock.yml`;
}

/** What the lock check needs of one file: a lock's header, a workflow's digests; undefined for any other file. */
export function readGhAwFacts(file: SourceFile): GhAwFacts | undefined {
  if (LOCK.test(file.path))
    return { kind: 'lock', header: readLockHeader(file.text, workflowOfLock(file.path)) };
  if (WORKFLOW.test(file.path)) return workflowFacts(file.text);
  return undefined;
}

export function readLockHeader(text: string, mdPath: string): GhAwLockHeader {
  const lines = text.replace(/^\uFEFF/u, '').split('\n', HEADER_LINES);
  const at = lines.findIndex((line) => line.startsWith(METADATA));
  const unknown = (line: number, reason: string): GhAwLockHeader => ({ kind: 'unknown', line, reason });
  if (at === -1) return unknown(1, `no "${METADATA}" line in its first ${HEADER_LINES} lines`);
  const line = at + 1;
  let meta: unknown;
  try {
    meta = JSON.parse((lines[at] as string).slice(METADATA.length).trim());
  } catch {
    return unknown(line, 'its gh-aw-metadata is not JSON');
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta))
    return unknown(line, 'its gh-aw-metadata is not a JSON object');
  const record = meta as Record<string, unknown>;
  const schema = Object.hasOwn(record, 'schema_version') ? record.schema_version : undefined;
  const version = typeof schema === 'string' ? SCHEMA.exec(schema) : null;
  if (typeof schema !== 'string' || version === null)
    return unknown(line, 'its gh-aw-metadata has no schema_version like "v4"');
  const recorded = Object.hasOwn(record, 'body_hash') ? record.body_hash : undefined;
  if (recorded !== undefined && (typeof recorded !== 'string' || !HASH.test(recorded)))
    return unknown(line, 'its body_hash is not a sha256 in lower-case hex');
  if (recorded === undefined && Number(version[1]) >= BODY_HASH_SINCE)
    return unknown(line, `schema ${schema} should record a body_hash and this lock has none`);
  const bodyHash = recorded ?? null;
  return {
    kind: 'read',
    schema,
    bodyHash,
    importsBody: importsBody(text, mdPath),
    shape: shapeOf(text, bodyHash),
  };
}

function shapeOf(text: string, bodyHash: string | null): string {
  if (bodyHash === null) return sha256(text);
  const at = text.indexOf(METADATA);
  const end = text.indexOf('\n', at);
  const line = text.slice(at, end === -1 ? text.length : end);
  return sha256(text.slice(0, at) + line.split(bodyHash).join('') + text.slice(at + line.length));
}

function importsBody(text: string, mdPath: string): boolean {
  const escaped = mdPath.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`\\{\\{#runtime-import\\??[ \\t]+${escaped}[ \\t]*\\}\\}`, 'u').test(text);
}

function workflowFacts(text: string): GhAwFacts {
  const split = splitFrontMatter(text);
  if (split === undefined || split === 'unclosed')
    return { kind: 'workflow', frontMatter: null, bodyHash: ghAwBodyHash(text.replace(/^\uFEFF/u, '')) };
  return { kind: 'workflow', frontMatter: frontMatterDigest(split.yaml), bodyHash: ghAwBodyHash(split.body) };
}

/**
 * The front matter by meaning where it parses (a comment or a re-indent compiles to the same lock), else by its
 * bytes: either way two digests differ whenever what gh-aw compiles could.
 */
function frontMatterDigest(yaml: string): string {
  const parsed = parseYamlStrict(yaml, 1);
  const [doc] = parsed.documents;
  const meaning = parsed.issues.length === 0 && doc ? `json:${canonicalJson(doc.value)}` : `text:${yaml}`;
  return sha256(meaning);
}

/** gh-aw's body hash: sha256 of the body with leading and trailing white space removed as Go's TrimSpace does. */
export function ghAwBodyHash(body: string): string {
  return sha256(trimSpace(body));
}

// Go's unicode.IsSpace: ASCII space and \t\n\v\f\r, U+0085, U+00A0 and the Unicode White_Space characters.
// JavaScript's trim differs (it removes U+FEFF and keeps U+0085), so the compiler's rule is spelled out; a loop,
// not a regular expression, so that a body of a million spaces costs one pass.
const GO_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;

function trimSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && GO_SPACE.test(text[start] as string)) start += 1;
  while (end > start && GO_SPACE.test(text[end - 1] as string)) end -= 1;
  return text.slice(start, end);
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
