// A released control bundle as the runtime reads it: the digest must match the contents, or nothing of it is used.
import { bundleDigest } from './bundle.js';
import type { ControlBundle } from './bundle.js';
import type { Prompt, Registry } from '../../model/types.js';

export type BundleRead =
  { ok: true; bundle: ControlBundle; registry: Registry } | { ok: false; field: string; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks shape and digest, then turns the bundle into the registry the runtime enforces. Pure. */
export function readControlBundle(value: unknown, path: string): BundleRead {
  if (!isObject(value)) return { ok: false, field: '', message: 'a bundle is a JSON object' };
  if (value.plane !== 'control')
    return {
      ok: false,
      field: 'plane',
      message: `the runtime enforces a control bundle (got ${JSON.stringify(value.plane)}): a data bundle holds no tools`,
    };
  for (const key of ['tools', 'servers', 'bindings', 'permissions'] as const)
    if (!Array.isArray(value[key])) return { ok: false, field: key, message: 'must be an array' };
  if (typeof value.digest !== 'string') return { ok: false, field: 'digest', message: 'is missing' };
  const actual = bundleDigest(value);
  if (actual !== value.digest)
    return {
      ok: false,
      field: 'digest',
      message: `does not match the bundle's contents (${actual.slice(0, 19)}…): refused whole`,
    };
  const bundle = value as unknown as ControlBundle;
  for (const [i, tool] of bundle.tools.entries()) {
    const problem = toolShapeProblem(tool as unknown);
    if (problem) return { ok: false, field: `tools[${i}]${problem.field}`, message: problem.message };
  }
  for (const [i, binding] of bundle.bindings.entries())
    if (!isObject(binding) || typeof binding.agent !== 'string' || !Array.isArray(binding.tools))
      return { ok: false, field: `bindings[${i}]`, message: 'must be { agent, tools }' };
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

const isStringArray = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * A digest proves the bundle was not changed after it was sealed, not that whoever sealed it wrote a tool the
 * runtime can read: every field the runtime evaluates must have the shape the release wrote.
 */
function toolShapeProblem(tool: unknown): { field: string; message: string } | null {
  if (!isObject(tool)) return { field: '', message: 'must be an object' };
  if (typeof tool.name !== 'string') return { field: '.name', message: 'must be a string' };
  for (const key of ['scopes', 'egress'] as const)
    if (!isStringArray(tool[key])) return { field: `.${key}`, message: 'must be an array of strings' };
  const credentials = tool.credentials;
  if (
    !Array.isArray(credentials) ||
    !credentials.every((c) => isObject(c) && typeof c.name === 'string' && isStringArray(c.scopes))
  )
    return { field: '.credentials', message: 'must be an array of { name, scopes }' };
  if (!['none', 'internal', 'sensitive'].includes(tool.dataAccess as string))
    return { field: '.dataAccess', message: 'must be none, internal or sensitive' };
  if (!['none', 'human'].includes(tool.approval as string))
    return { field: '.approval', message: 'must be none or human' };
  if (typeof tool.untrustedInput !== 'boolean')
    return { field: '.untrustedInput', message: 'must be a boolean' };
  for (const key of ['inputSchema', 'policy', 'annotations', 'rateLimit'] as const)
    if (tool[key] !== undefined && !isObject(tool[key]))
      return { field: `.${key}`, message: 'must be an object' };
  return null;
}
