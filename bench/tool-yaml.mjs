// The generated tool manifest both benchmarks use: deterministic, varied by index, widened on demand.
export const EFFECTS = ['read', 'write', 'irreversible', 'read', 'read'];

export const pad = (i) => String(i).padStart(6, '0');

export const toolName = (i) => `tool_${pad(i)}`;

/** The manifest of tool i up to `untrustedInput`; `tail` (rate limit, approval, schema...) is the caller's. */
export function toolYaml(i, { widened, description, owner, tail }) {
  const effect = EFFECTS[i % EFFECTS.length];
  const action = effect === 'read' ? 'read' : 'write';
  const scopes = widened ? `[svc${i % 97}:${action}, svc${i % 97}:*]` : `[svc${i % 97}:${action}]`;
  return `apiVersion: agentgate/v1
kind: Tool
name: ${toolName(i)}
description: ${description}
${owner ? `owner: "${owner}"\n` : ''}effect: ${effect}
scopes: ${scopes}
credentials:
  - name: TOKEN_${i % 13}
    scopes: [svc${i % 97}:read]
egress: [svc${i % 97}.${i % 3 === 0 ? 'example.com' : 'acme.internal'}]
dataAccess: ${i % 11 === 0 ? 'sensitive' : 'internal'}
untrustedInput: ${i % 17 === 0}
${tail}`;
}
