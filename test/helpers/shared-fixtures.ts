// Third-party data (files taken from public repositories) is read where it lies, never copied into this
// project: the shared fixtures folder beside the repository (`../shared/fixtures` from its root; CI always has
// it), or an npm package the project already depends on. Tests that must run anywhere write their own small
// fixtures instead.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `../shared/fixtures/<parts>` resolved from the repository root, as an absolute path. */
export function sharedFixture(...parts: string[]): string {
  return fileURLToPath(new URL(['../../../shared/fixtures', ...parts].join('/'), import.meta.url));
}

interface WebhookEntry {
  name: string;
  examples: Record<string, unknown>[];
}

const require = createRequire(import.meta.url);
let index: WebhookEntry[] | undefined;

/**
 * One of GitHub's documented webhook payloads, from the @octokit/webhooks-examples devDependency: `event.action`
 * picks the first example of that action that carries an installation and an organization (the fullest one),
 * else the first that carries an installation, else the first. A fresh copy on every call.
 */
export function webhookExample(name: string): Record<string, unknown> {
  const [event, action] = name.split('.');
  index ??= require('@octokit/webhooks-examples/api.github.com/index.json') as WebhookEntry[];
  const examples = (index.find((entry) => entry.name === event)?.examples ?? []).filter(
    (example) => example.action === action,
  );
  const chosen =
    examples.find((example) => 'installation' in example && 'organization' in example) ??
    examples.find((example) => 'installation' in example) ??
    examples[0];
  if (chosen === undefined) throw new Error(`@octokit/webhooks-examples has no ${name} example`);
  return structuredClone(chosen);
}
