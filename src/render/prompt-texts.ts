// A prompt's text before and after, for the reports' line diffs: the JSON report carries no prompt text, so the
// caller that parsed both sides supplies it.
import type { PromptChange, Registry } from '../model/types.js';

export interface PromptTexts {
  before: string | null;
  after: string | null;
}

export type PromptTextLookup = (change: PromptChange) => PromptTexts | undefined;

export function createPromptTextLookup(base: Registry, head: Registry): PromptTextLookup {
  // client agent files (ids `client:…`, never a registry prompt's) get the same line diff as prompts
  const texts = (registry: Registry) =>
    new Map([...registry.prompts, ...(registry.agents ?? [])].map((prompt) => [prompt.id, prompt.text]));
  const before = texts(base);
  const after = texts(head);
  return (change) => ({
    before: before.get(change.oldId ?? change.id) ?? null,
    after: after.get(change.id) ?? null,
  });
}

/** The texts worth a line diff: both sides present and different. */
export function changedPromptText(
  change: PromptChange,
  lookup: PromptTextLookup | undefined,
): { before: string; after: string } | null {
  const texts = lookup?.(change);
  if (!texts || texts.before === null || texts.after === null || texts.before === texts.after) return null;
  return { before: texts.before, after: texts.after };
}
