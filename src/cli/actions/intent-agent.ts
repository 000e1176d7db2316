import { resolveAgentScope } from '../../core/intent/agent-scope.js';
import type { AgentScope } from '../../core/intent/agent-scope.js';
import type { Registry } from '../../model/types.js';
import { UsageError } from '../../errors.js';

/** `--agent ID` as a scope; an id no agent carries is bad usage (exit 2), never "no restriction". */
export function agentScopeOption(registry: Registry, id: string | undefined): AgentScope | undefined {
  if (id === undefined) return undefined;
  const scope = resolveAgentScope(registry, id);
  if (scope.kind === 'unknown-agent') {
    const known = scope.known.length === 0 ? 'no prompt binds tools' : `agents: ${scope.known.join(', ')}`;
    throw new UsageError(`--agent: no agent ${JSON.stringify(id)} in the registry (${known})`);
  }
  return scope;
}
