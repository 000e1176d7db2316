import { canonicalJson } from '../../model/canonical-json.js';
import { findBreakingOutputChanges } from '../checks/output-schema.js';
import { declaredVariables, templateVariables } from '../checks/template-variables.js';
import { classifyVersionMove } from '../checks/versions.js';
import type { Finding, Prompt, PromptChange, Severity } from '../../model/types.js';

export type VersionBumpRule = 'required' | 'warn' | 'off';

export interface PromptDiffOptions {
  versionBump: VersionBumpRule;
}

export interface PromptDiff {
  changes: PromptChange[];
  findings: Finding[];
}

/**
 * The data plane's prompt diff. Prompts pair by id (a moved file keeps its id, so it stays the same prompt);
 * an unpaired prompt whose content is identical to an unpaired one on the other side is a rename. Content is
 * the text and every front-matter field except `version`, which must move forward whenever content changes.
 *
 * Findings point at the prompt's front matter (`source.line`), carry the prompt id as `tool` so that waivers
 * can name it, and are reported for prompts that changed only.
 */
export function diffPrompts(
  base: readonly Prompt[],
  head: readonly Prompt[],
  options: PromptDiffOptions,
): PromptDiff {
  const baseById = new Map(base.map((prompt) => [prompt.id, prompt]));
  const headById = new Map(head.map((prompt) => [prompt.id, prompt]));
  const changes: PromptChange[] = [];
  const findings: Finding[] = [];

  for (const after of sortById(headById.values())) {
    const before = baseById.get(after.id);
    if (before === undefined) continue;
    const contentChanged = contentKey(before) !== contentKey(after);
    if (!contentChanged && before.version === after.version) continue;
    changes.push(describe(after, 'modified', before));
    findings.push(...checkChangedPrompt(before, after, contentChanged, options.versionBump));
  }

  const unpairedBase = sortById([...baseById.values()].filter((prompt) => !headById.has(prompt.id)));
  const unpairedHead = sortById([...headById.values()].filter((prompt) => !baseById.has(prompt.id)));
  const byContent = new Map<string, Prompt[]>();
  for (const prompt of unpairedBase) {
    const key = contentKey(prompt);
    byContent.set(key, [...(byContent.get(key) ?? []), prompt]);
  }
  const renamedFrom = new Set<Prompt>();
  for (const after of unpairedHead) {
    const before = byContent.get(contentKey(after))?.shift();
    if (before === undefined) {
      changes.push(describe(after, 'added'));
      findings.push(...checkChangedPrompt(undefined, after, true, options.versionBump));
      continue;
    }
    renamedFrom.add(before);
    changes.push({ ...describe(after, 'renamed', before), oldId: before.id });
    findings.push(...checkChangedPrompt(before, after, false, options.versionBump));
  }
  for (const before of unpairedBase) {
    if (!renamedFrom.has(before)) changes.push(describe(before, 'removed', before, true));
  }

  changes.sort((x, y) => compareText(x.id, y.id) || compareText(x.change, y.change));
  return { changes, findings };
}

function describe(
  prompt: Prompt,
  change: PromptChange['change'],
  before?: Prompt,
  removed = false,
): PromptChange {
  return {
    id: prompt.id,
    change,
    versionBefore: before?.version ?? null,
    versionAfter: removed ? null : (prompt.version ?? null),
    path: prompt.source.path,
  };
}

/** Everything that shapes behaviour; `version` is the label of the content, not part of it. */
function contentKey(prompt: Prompt): string {
  const { id: _id, version: _version, ...meta } = prompt.meta;
  return canonicalJson({
    text: prompt.text,
    model: prompt.model,
    tools: prompt.tools,
    outputSchema: prompt.outputSchema,
    meta,
  });
}

function checkChangedPrompt(
  before: Prompt | undefined,
  after: Prompt,
  contentChanged: boolean,
  rule: VersionBumpRule,
): Finding[] {
  const findings: Finding[] = [];
  const at = (
    severity: Severity,
    code: Finding['code'],
    field: string | undefined,
    message: string,
  ): Finding => ({
    severity,
    code,
    path: after.source.path,
    line: after.source.line,
    message,
    tool: after.id,
    ...(field === undefined ? {} : { field }),
  });

  if (before !== undefined && rule !== 'off') {
    const move = classifyVersionMove(before.version, after.version);
    if (move === 'decreased') {
      findings.push(
        at(
          'error',
          'version-decreased',
          'version',
          `prompt ${after.id}: version went backwards (${before.version} -> ${after.version})`,
        ),
      );
    } else if (contentChanged && move !== 'bumped') {
      const was = before.version === undefined ? 'has no version' : `is still at version ${before.version}`;
      const now = move === 'removed' ? `lost its version (was ${before.version})` : was;
      findings.push(
        at(
          rule === 'required' ? 'error' : 'warning',
          'version-not-bumped',
          'version',
          `prompt ${after.id} changed but ${now}: bump \`version\``,
        ),
      );
    }
  }

  if (before !== undefined && before.model !== after.model) {
    findings.push(
      at(
        'info',
        'model-changed',
        'model',
        `prompt ${after.id}: model changed from ${before.model ?? '(none)'} to ${after.model ?? '(none)'}; re-run the eval`,
      ),
    );
  }

  for (const schemaBreak of findBreakingOutputChanges(before?.outputSchema, after.outputSchema)) {
    findings.push(
      at(
        'warning',
        'output-schema-breaking',
        schemaBreak.field,
        `prompt ${after.id}: ${schemaBreak.message}`,
      ),
    );
  }

  const declared = declaredVariables(after.meta['variables']);
  if (declared !== null) {
    for (const name of templateVariables(after.text)) {
      if (declared.has(name)) continue;
      findings.push(
        at(
          'warning',
          'undeclared-variable',
          'variables',
          `prompt ${after.id} uses {{ ${name} }} but \`variables\` does not declare it`,
        ),
      );
    }
  }
  return findings;
}

function sortById(prompts: Iterable<Prompt>): Prompt[] {
  return [...prompts].sort((x, y) => compareText(x.id, y.id));
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Two prompts with one id: an error at every file that holds it, kept whenever any of them changed (a new file
 * must never hide behind an old one with its id). Their bindings count as the union (see agents.ts).
 */
export function findDuplicatePromptIds(
  prompts: readonly Prompt[],
  changedPaths: ReadonlySet<string>,
): Finding[] {
  const byId = new Map<string, Prompt[]>();
  for (const prompt of prompts) byId.set(prompt.id, [...(byId.get(prompt.id) ?? []), prompt]);
  const findings: Finding[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2 || !group.some((prompt) => changedPaths.has(prompt.source.path))) continue;
    for (const prompt of group) {
      const others = group
        .filter((other) => other !== prompt)
        .map((other) => `${other.source.path}:${other.source.line}`)
        .join(', ');
      findings.push({
        severity: 'error',
        code: 'duplicate-prompt',
        path: prompt.source.path,
        line: prompt.source.line,
        tool: id,
        message: `prompt id ${JSON.stringify(id)} is used more than once: here and at ${others}; their tool bindings count together`,
      });
    }
  }
  return findings;
}
