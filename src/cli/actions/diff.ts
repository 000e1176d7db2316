import { isUnreadableFinding } from '../../model/findings.js';
import { isNewFinding } from '../../core/plane/new-findings.js';
import { compareRadius } from '../../core/radius/radius.js';
import { isRadius } from '../../model/types.js';
import { createFieldLocator } from '../../parse/locate.js';
import type { SourceFile } from '../../model/source-file.js';
import type { DiffReport, Registry } from '../../model/types.js';
import { computeDiff } from '../../load/compute-diff.js';
import { jsonChunks } from '../../render/json-chunks.js';
import { renderMarkdownReport } from '../../render/markdown.js';
import { createPromptTextLookup } from '../../render/prompt-texts.js';
import type { PromptTextLookup } from '../../render/prompt-texts.js';
import { renderDiffSarif } from '../../render/sarif-diff.js';
import { readOwnPackage } from '../package-info.js';
import { renderTextReport } from '../../render/text.js';
import { UsageError } from '../../errors.js';
import { contentsFetcherFromEnv } from '../../github/contents.js';

export interface DiffOptions {
  base?: string;
  head?: string;
  format: 'text' | 'json' | 'markdown' | 'sarif';
  failOn?: string;
  allFindings?: boolean;
}

export async function runDiff(options: DiffOptions, cwd: string): Promise<number> {
  const failOn = parseFailOn(options.failOn);
  const { report, parsed } = await computeDiff({
    cwd,
    base: options.base,
    head: options.head ?? null,
    // a repository floor named by `extends:` is fetched with the token in the environment; without one it fails
    floor: { fetch: contentsFetcherFromEnv(process.env) },
    // SARIF points at lines of the head's files; the other formats need no text once both sides are parsed
    keepFiles: options.format === 'sarif',
  });
  // a file the base could not read either is not this change's doing (and a changed one is always new)
  const unreadable = report.findings.filter((f) => isUnreadableFinding(f) && isNewFinding(f));
  const first = unreadable[0];
  if (first) {
    const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more; run agentgate validate)` : '';
    throw new UsageError(`${first.message}${more}`);
  }
  const allFindings = options.allFindings === true;
  if (options.format === 'json') await writeChunks(jsonChunks(report), '\n');
  else
    process.stdout.write(
      options.format === 'sarif'
        ? renderDiffSarif(report, {
            allFindings,
            version: readOwnPackage().version,
            ...locators(parsed.head.registry, parsed.headFiles?.files ?? []),
          })
        : await renderReport(report, options.format, {
            allFindings,
            promptTexts: createPromptTextLookup(parsed.base.registry, parsed.head.registry),
          }),
    );
  // only the findings this change brings decide: pre-existing ones are listed, never a failure
  const gateFailed =
    report.findings.some((finding) => finding.severity === 'error' && isNewFinding(finding)) ||
    report.planes.data.eval?.verdict.state === 'failure';
  return gateFailed || (failOn !== null && failOn(report)) ? 1 : 0;
}

/** Where agents bind tools and where tools are declared at head: the lines SARIF results point at. */
function locators(registry: Registry, files: Iterable<SourceFile>) {
  const prompts = new Map(registry.prompts.map((prompt) => [prompt.id, prompt.source]));
  const tools = new Map(registry.tools.map((tool) => [tool.name, tool.source]));
  const locate = createFieldLocator(files);
  return {
    locateAgent: (agent: string, bound: readonly string[]) => {
      const source = prompts.get(agent);
      if (!source) return undefined;
      for (const value of bound) {
        const line = locate({ path: source.path, value }, ['tools']);
        if (line !== undefined) return { path: source.path, line };
      }
      return source;
    },
    locateTool: (name: string) => tools.get(name),
  };
}

/** Pieces written to stdout in blocks of about this many characters. */
const WRITE_BLOCK = 1 << 16;

/** Writes the pieces in blocks, waiting whenever stdout asks to (a pipe on some platforms is asynchronous). */
async function writeChunks(chunks: Iterable<string>, tail: string): Promise<void> {
  let block = '';
  for (const chunk of chunks) {
    block += chunk;
    if (block.length >= WRITE_BLOCK) {
      await write(block);
      block = '';
    }
  }
  await write(block + tail);
}

function write(text: string): Promise<void> {
  return process.stdout.write(text)
    ? Promise.resolve()
    : new Promise((resolve) => {
        // a reader that went away ends the wait too: its error is stdout's own to report
        const done = () => {
          process.stdout.off('drain', done).off('close', done);
          resolve();
        };
        process.stdout.once('drain', done).once('close', done);
      });
}

async function renderReport(
  report: DiffReport,
  format: DiffOptions['format'],
  options: { allFindings: boolean; promptTexts: PromptTextLookup },
): Promise<string> {
  switch (format) {
    case 'markdown':
      return renderMarkdownReport(report, options);
    default: {
      // only text output colours anything: chalk is loaded for it alone
      const { Chalk } = await import('chalk');
      const colour = process.env.NO_COLOR ? 0 : new Chalk().level;
      return renderTextReport(report, new Chalk({ level: colour }), options);
    }
  }
}

function parseFailOn(condition: string | undefined): ((report: DiffReport) => boolean) | null {
  if (condition === undefined) return null;
  if (condition === 'control') return (report) => report.planes.control.changed;
  if (condition === 'escalation') return (report) => report.planes.control.escalation;
  if (isRadius(condition)) {
    return (report) => {
      const reached = report.planes.control.maxRadius;
      return reached !== null && compareRadius(reached, condition) >= 0;
    };
  }
  throw new UsageError(
    `--fail-on: expected control, escalation or a radius (read, write, irreversible, privileged), got '${condition}'`,
  );
}
