// `agentgate release --plane data|control`: version N+1 of one plane, cut only when that plane changed since its
// last release. Plan (what changed, the bundle) first; then write the bundle and the tag.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLogView } from '../core/history/log-entries.js';
import { buildControlBundle, buildDataBundle, bundleDigest } from '../core/release/bundle.js';
import type { ReleaseBundle, ReleasePlane } from '../core/release/bundle.js';
import { SIGNATURE_SUFFIX } from '../core/release/bundle-signature.js';
import type { BundleSignature } from '../core/release/bundle-signature.js';
import { verifyRef } from '../git/refs.js';
import { createAnnotatedTag, emptyCommit, listVersionTags } from '../git/tags.js';
import type { VersionTag } from '../git/tags.js';
import { computeDiff } from '../load/compute-diff.js';
import { walkHistory } from '../load/history.js';
import { writeFileAtomic } from '../load/write-file-atomic.js';

export interface ReleaseOptions {
  cwd: string;
  plane: ReleasePlane;
  /** default HEAD */
  ref?: string;
  /** folder for the bundle; default the current folder */
  out: string;
  tag: boolean;
  /** checks the range before anything is written; throws or returns a refusal */
  verify?: (range: ReleaseRange) => Promise<string[]>;
  /** signs the bundle's bytes: written beside it as `<bundle>.sig` */
  sign?: (bytes: Buffer) => BundleSignature;
}

export interface ReleaseRange {
  plane: ReleasePlane;
  from: string | null;
  to: string;
  narrowingOnly: boolean;
  capabilityChanged: boolean;
}

export type ReleaseResult =
  | {
      kind: 'released';
      plane: ReleasePlane;
      version: number;
      tag: string | null;
      file: string;
      /** the detached signature, when signed */
      signature: string | null;
      bundle: ReleaseBundle;
    }
  | { kind: 'unchanged'; plane: ReleasePlane; version: number | null; commit: string }
  | { kind: 'refused'; plane: ReleasePlane; version: number; unsigned: string[] };

export const tagPrefix = (plane: ReleasePlane) => `agentgate/${plane}/`;

export async function cutRelease(options: ReleaseOptions): Promise<ReleaseResult> {
  const { cwd, plane } = options;
  const ref = options.ref ?? 'HEAD';
  const sha = await verifyRef(cwd, ref);
  const tags = await listVersionTags(cwd, tagPrefix(plane));
  // the range starts at the last release agentgate cut, never at a bare tag someone pushed by hand; versions
  // still count past every tag, so that no name is taken twice
  const last = tags.find((tag) => isAgentgateRelease(tag, plane, options.out));
  const highest = tags[0]?.version ?? 0;
  if (last && last.commit === sha) return { kind: 'unchanged', plane, version: last.version, commit: sha };
  const from = last?.commit ?? (await emptyCommit(cwd));
  // the released commit's own gate: the config that governed what was merged
  const diff = await computeDiff({ cwd, base: from, head: sha, gateCommit: sha, skipEval: true });
  const section = diff.report.planes[plane];
  if (!section.changed) return { kind: 'unchanged', plane, version: last?.version ?? null, commit: sha };

  const version = highest + 1;
  const control = diff.report.planes.control;
  if (options.verify) {
    const unsigned = await options.verify({
      plane,
      from: last?.commit ?? null,
      to: sha,
      narrowingOnly: control.narrowingOnly,
      capabilityChanged: control.changed,
    });
    if (unsigned.length > 0) return { kind: 'refused', plane, version, unsigned };
  }
  const history = await walkHistory(cwd, sha, diff.config, last ? { after: last.commit } : {});
  const view = buildLogView(history, { plane, ref: { ref, sha } });
  const changelog = view.entries.flatMap((entry) =>
    entry.lines.map((line) => `${entry.sha.slice(0, 12)} ${line}`),
  );
  const meta = {
    version,
    commit: sha,
    previous: last ? { version: last.version, commit: last.commit } : null,
    changelog,
  };
  const registry = diff.parsed.head.registry;
  const bundle =
    plane === 'data'
      ? buildDataBundle(registry, meta, diff.report.planes.data)
      : buildControlBundle(registry, meta, diff.report.planes.control, diff.config.radius.actions);
  const file = join(options.out, `agentgate-${plane}-v${version}.json`);
  mkdirSync(options.out, { recursive: true });
  const bytes = Buffer.from(`${JSON.stringify(bundle, null, 2)}\n`, 'utf8');
  // the signature first: a bundle is never left beside a signature of another one
  const signature = options.sign ? `${file}${SIGNATURE_SUFFIX}` : null;
  if (options.sign && signature)
    writeFileAtomic(signature, `${JSON.stringify(options.sign(bytes), null, 2)}\n`);
  writeFileAtomic(file, bytes);
  let tag: string | null = null;
  if (options.tag) {
    tag = `${tagPrefix(plane)}v${version}`;
    await createAnnotatedTag(cwd, tag, sha, tagMessage(plane, version, changelog, bundle.digest));
  }
  return { kind: 'released', plane, version, tag, file, signature, bundle };
}

function tagMessage(plane: ReleasePlane, version: number, changelog: string[], digest: string): string {
  const title = `agentgate ${plane} plane v${version}`;
  return [
    title,
    '',
    ...(changelog.length > 0 ? changelog : ['(no line-level changes recorded)']),
    '',
    `bundle ${digest}`,
    '',
  ].join('\n');
}

/**
 * A tag agentgate wrote: annotated, titled as `tagMessage` titles it. When the released bundle is at hand (in
 * `out`), it must also verify: whole (its digest), of this commit and version, and the one the tag names.
 */
export function isAgentgateRelease(tag: VersionTag, plane: ReleasePlane, out: string): boolean {
  if (!tag.annotated) return false;
  const lines = tag.message.split('\n');
  if (lines[0] !== `agentgate ${plane} plane v${tag.version}`) return false;
  const named = /^bundle (sha256:[0-9a-f]{64})$/m.exec(tag.message)?.[1];
  const file = join(out, `agentgate-${plane}-v${tag.version}.json`);
  if (!existsSync(file)) return true;
  try {
    const bundle = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return (
      bundleDigest(bundle) === bundle.digest &&
      bundle.commit === tag.commit &&
      bundle.version === tag.version &&
      bundle.plane === plane &&
      (named === undefined || named === bundle.digest)
    );
  } catch {
    return false;
  }
}
