// Windsurf's `.windsurf/hooks.json`: `{hooks: {pre_run_command: [{command, show_output?, working_directory?}]}}`;
// a pre-hook blocks its action by exiting 2, so every command is authority.
import { projectOf } from '../kit/executed-paths.js';
import { FLAT_HOOKS } from '../kit/hook-rules.js';
import { createHooksAdapter } from '../kit/hooks-file.js';

export const windsurfHooksAdapter = createHooksAdapter({
  id: 'windsurf-hooks',
  kind: 'hooks',
  defaultPaths: ['.windsurf/hooks.json'],
  client: 'windsurf',
  dialect: FLAT_HOOKS,
  bases: (path) => ({ relative: [projectOf(path)] }),
  inert: ['version'],
});
