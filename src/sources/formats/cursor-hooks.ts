// Cursor's `.cursor/hooks.json`: `{version, hooks: {beforeShellExecution: [{command, matcher?, failClosed?}]}}`.
// A relative command may resolve from the project or from `.cursor/` (both are candidates for the script it runs).
import { projectOf } from '../kit/executed-paths.js';
import { FLAT_HOOKS } from '../kit/hook-rules.js';
import { createHooksAdapter } from '../kit/hooks-file.js';

export const cursorHooksAdapter = createHooksAdapter({
  id: 'cursor-hooks',
  kind: 'hooks',
  defaultPaths: ['.cursor/hooks.json'],
  client: 'cursor',
  dialect: FLAT_HOOKS,
  bases: (path) => {
    const project = projectOf(path);
    return { relative: [project, project === '' ? '.cursor' : `${project}/.cursor`] };
  },
  inert: ['version'],
});
