// Third-party data (files taken from public repositories) is read where it lies, never copied into this
// project: the shared fixtures folder beside the repository (`../shared/fixtures` from its root), or an npm
// package the project already depends on. Only `*.corpus.test.ts` files read the shared folder (they run under
// `npm run test:corpus`); tests that must run anywhere write their own small fixtures instead.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures folder, as an absolute path. */
export const SHARED_FIXTURES = fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));

/** `<shared fixtures>/<parts>`, as an absolute path. */
export function sharedFixture(...parts: string[]): string {
  return join(SHARED_FIXTURES, ...parts);
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
