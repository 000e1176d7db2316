import { evaluateIntent } from '../../core/intent/evaluate-intent.js';
import { DecisionLogDamaged, appendDecision } from '../../runtime/decision-log.js';
import { UsageError } from '../../errors.js';
import { decisionJson, renderDecisionText } from '../../render/decision.js';
import { terminalChalk } from './terminal-chalk.js';
import { readJsonInput } from './intent-input.js';
import { logKeyFromEnvironment } from './intent-log-key.js';
import { agentScopeOption } from './intent-agent.js';
import { loadEnforcedRegistry } from './intent-registry.js';
import type { EnforcedOptions } from './intent-registry.js';

export interface IntentCheckOptions extends EnforcedOptions {
  format: 'text' | 'json';
  agent?: string;
}

/** `agentgate intent check FILE|-`: exit 0 on allow, 1 on deny or needs-approval, 2 on unreadable input. */
export async function runIntentCheck(file: string, options: IntentCheckOptions): Promise<number> {
  const intent = await readJsonInput(file);
  const key = options.log === undefined ? undefined : logKeyFromEnvironment();
  const { registry, radiusOverrides, bundleRecord } = await loadEnforcedRegistry(options);
  const agent = agentScopeOption(registry, options.agent);
  const decision = evaluateIntent(registry, intent, { radiusOverrides, ...(agent && { agent }) });
  if (options.log !== undefined) {
    try {
      const bundle = bundleRecord !== undefined ? { bundle: bundleRecord } : {};
      await appendDecision(options.log, { intent, decision, ...bundle }, new Date(), { key });
    } catch (error) {
      // the decision must not be acted on when it could not be recorded
      const detail =
        error instanceof DecisionLogDamaged
          ? error.message
          : `${options.log}: cannot append (${describe(error)})`;
      throw new UsageError(detail);
    }
  }
  process.stdout.write(
    options.format === 'json' ? decisionJson(decision) : renderDecisionText(decision, terminalChalk()),
  );
  return decision.decision === 'allow' ? 0 : 1;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
