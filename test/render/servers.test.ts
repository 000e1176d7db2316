import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { ServerChange } from '../../src/model/types.js';
import { renderMarkdownReport } from '../../src/render/markdown.js';
import { renderSarif } from '../../src/render/sarif.js';
import { renderTextReport } from '../../src/render/text.js';
import { makeReport } from '../helpers/make-report.js';

const SHELL_SERVER: ServerChange = {
  name: 'helper',
  change: 'added',
  source: '.mcp.json',
  radiusBefore: null,
  radiusAfter: 'privileged',
  escalation: true,
  narrowing: false,
  changes: [
    { field: 'transport.command', kind: 'widened', before: null, after: 'bash' },
    { field: 'transport.env', kind: 'widened', added: [], removed: [], details: ['value of MODE changed'] },
  ],
  path: '.mcp.json',
  line: 3,
};
const RENAMED: ServerChange = {
  ...SHELL_SERVER,
  name: 'files2',
  oldName: 'files',
  change: 'renamed',
  radiusBefore: 'write',
  radiusAfter: 'write',
  escalation: false,
  changes: [{ field: 'name', kind: 'changed', before: 'files', after: 'files2' }],
};

const report = makeReport({
  control: {
    changed: true,
    servers: [SHELL_SERVER, RENAMED],
    unmodelled: ['registry/tools/handler.py'],
    maxRadius: 'privileged',
    requiredSignoffs: 2,
  },
});

describe('renderers show each changed server once', () => {
  it('as Markdown rows with the file, radius and field changes, and unmodelled files listed', () => {
    const md = renderMarkdownReport(report);
    expect(md).toContain('| MCP server | change | radius | widened | other changes |');
    expect(md.match(/`helper`<br>in `\.mcp\.json`/g)).toHaveLength(1);
    expect(md).toContain('`transport.command` — → `bash`');
    expect(md).toContain('`transport.env` value of MODE changed');
    expect(md).toContain('`files2` (was `files`)<br>in `.mcp.json` | renamed | write → write |');
    expect(md).toContain('**Files no parser models** (each reviewed as a write change):');
    expect(md).toContain('- `registry/tools/handler.py`');
  });

  it('as text lines with their field changes', () => {
    const text = renderTextReport(report, new Chalk({ level: 0 }));
    expect(text).toContain('  servers\n');
    expect(text.match(/\+ helper {2}added {2}radius PRIVILEGED escalation {2}\.mcp\.json/g)).toHaveLength(1);
    expect(text).toContain('> files2 (was files)  renamed  radius WRITE');
    expect(text).toContain('transport.command widened: (none) -> bash');
    expect(text).toContain('registry/tools/handler.py');
  });

  it('names the server rules in SARIF', () => {
    const sarif = JSON.parse(
      renderSarif([
        { severity: 'warning', code: 'server-tools-unpinned', path: '.mcp.json', line: 3, message: 'm' },
      ]),
    ) as { runs: { tool: { driver: { rules: { shortDescription: { text: string } }[] } } }[] };
    expect(sarif.runs[0]!.tool.driver.rules[0]!.shortDescription.text).toContain('not pinned');
  });

  it('renders a report without servers as before', () => {
    const md = renderMarkdownReport(makeReport({ control: { changed: true } }));
    expect(md).not.toContain('MCP server');
  });
});
