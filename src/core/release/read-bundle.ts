// A released control bundle as the runtime reads it: the digest must match the contents, or nothing of it is used.
import { bundleDigest } from './bundle.js';
import { controlBundleProblem } from './bundle-shape.js';
import type { ControlBundle } from './bundle.js';
import type { Prompt, Registry } from '../../model/types.js';

export type BundleRead =
  { ok: true; bundle: ControlBundle; registry: Registry } | { ok: false; field: string; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the digest, then the type of every field, then turns the bundle into the registry the runtime enforces. Pure. */
export function readControlBundle(value: unknown, path: string): BundleRead {
  if (!isObject(value)) return { ok: false, field: '', message: 'a bundle is a JSON object' };
  if (value.plane !== 'control')
    return {
      ok: false,
      field: 'plane',
      message: `the runtime enforces a control bundle (got ${JSON.stringify(value.plane)}): a data bundle holds no tools`,
    };
  if (typeof value.digest !== 'string') return { ok: false, field: 'digest', message: 'is missing' };
  const actual = bundleDigest(value);
  if (actual !== value.digest)
    return {
      ok: false,
      field: 'digest',
      message: `does not match the bundle's contents (${actual.slice(0, 19)}…): refused whole`,
    };
  // the digest first: a bundle changed after it was sealed is refused as such, whatever its fields hold
  const problem = controlBundleProblem(value);
  if (problem) return { ok: false, ...problem };
  const bundle = value as unknown as ControlBundle;
  const prompts: Prompt[] = bundle.bindings.map((binding) => ({
    id: binding.agent,
    tools: [...binding.tools],
    text: '',
    meta: {},
    source: { path, line: 1 },
  }));
  return {
    ok: true,
    bundle,
    registry: {
      tools: bundle.tools,
      prompts,
      findings: [],
      servers: bundle.servers,
      permissions: bundle.permissions,
    },
  };
}
