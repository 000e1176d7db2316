// Copilot's `.github/hooks/*.json` (cloud agent, CLI, VS Code): `{version, hooks: {event: [entry]}}`, each entry a
// `bash` and/or `powershell` command (or VS Code's `command`), JSONC in the wild. Both shells' commands are rules.
import { projectOf } from '../kit/executed-paths.js';
import { FLAT_HOOKS } from '../kit/hook-rules.js';
import { createHooksAdapter } from '../kit/hooks-file.js';

export const copilotHooksAdapter = createHooksAdapter({
  id: 'copilot-hooks',
  kind: 'hooks',
  defaultPaths: ['.github/hooks/*.json'],
  client: 'copilot',
  dialect: FLAT_HOOKS,
  bases: (path) => ({ relative: [projectOf(path)] }),
  inert: ['version'],
});
