// Roo Code's tool groups, the members of a mode's `groups`: each group stands for the built-in tools Roo gives a
// mode with it. `mcp` is not here: it gives every tool of every server the client starts, which the mode binds
// as `*` (see the Roo modes adapter).
import type { CatalogEntry, ToolCatalog } from './types.js';
import { entries, READS_FILES, READS_WEB, RUNS_COMMANDS, WRITES_FILES } from './types.js';

const REFERENCE = 'Roo Code custom modes: tool group';

const ENTRIES: CatalogEntry[] = [
  ...entries(['read'], READS_FILES, `${REFERENCE} read (read files, search, list, code definitions)`),
  ...entries(['edit'], WRITES_FILES, `${REFERENCE} edit (write and patch files; fileRegex may narrow it)`),
  ...entries(
    ['browser'],
    { ...READS_WEB, radius: 'irreversible' },
    `${REFERENCE} browser (drives a browser)`,
  ),
  ...entries(['command'], RUNS_COMMANDS, `${REFERENCE} command (runs shell commands)`),
];

export const ROO_CATALOG: ToolCatalog = { client: 'roo', entries: ENTRIES };
