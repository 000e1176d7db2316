// The org report as Markdown for a job summary. Names come from repositories' files: escaped, never mentioning.
import { RADII } from '../model/types.js';
import { cellCode } from '../render/markdown-escape.js';
import type { OrgReport } from './org-report.js';

const MAX_ROWS = 200;

export function renderOrgMarkdown(report: OrgReport): string {
  const out = [
    '## agentgate: authority across the organisation',
    '',
    `${report.repositories} repositories; ${report.ledger.appended} ledger line(s) appended to ${cellCode(report.ledger.file)}${report.ledger.head ? ` (head ${cellCode(report.ledger.head)})` : ''}.`,
    '',
    '| radius | capabilities | repositories at this highest radius |',
    '| --- | --- | --- |',
    ...[...RADII].reverse().map((r) => `| ${r} | ${report.counts[r]} | ${report.byMaxRadius[r]} |`),
    '',
  ];
  const list = <T>(title: string, rows: T[], header: string, row: (item: T) => string) => {
    out.push(`### ${title} (${rows.length})`, '');
    if (rows.length === 0) return out.push('None.', '');
    out.push(header, header.replace(/[^|]+/g, ' --- '), ...rows.slice(0, MAX_ROWS).map(row));
    if (rows.length > MAX_ROWS) out.push('', `+${rows.length - MAX_ROWS} more (\`--format json\` lists all)`);
    return out.push('');
  };
  const names = (items: string[]) => items.map((i) => cellCode(i)).join(', ');
  list(
    'Authority grew since the last ledger line',
    report.grew,
    '| repository | before | after |',
    (g) =>
      `| ${cellCode(g.repository)} | ${g.before.maxRadius} (${cellCode(g.before.commit.slice(0, 12))}) | ${g.after.maxRadius} (${cellCode(g.after.commit.slice(0, 12))}) |`,
  );
  list(
    'Agents that can run a shell',
    report.shells,
    '| repository | agents |',
    (s) => `| ${cellCode(s.repository)} | ${names(s.agents)} |`,
  );
  list(
    'Agents that read the web',
    report.webFetchers,
    '| repository | agents |',
    (s) => `| ${cellCode(s.repository)} | ${names(s.agents)} |`,
  );
  list(
    'MCP servers with no pinned tools',
    report.unpinnedServers,
    '| repository | servers |',
    (s) => `| ${cellCode(s.repository)} | ${names(s.servers)} |`,
  );
  list(
    'Dangerous paths',
    report.dangerousPaths,
    '| repository | agent | kind | sources | sinks |',
    (p) =>
      `| ${cellCode(p.repository)} | ${cellCode(p.agent)} | ${p.kind} | ${names(p.sources)} | ${names(p.sinks)} |`,
  );
  if (report.new.length > 0) out.push(`First seen by the ledger: ${report.new.length} repositories.`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
