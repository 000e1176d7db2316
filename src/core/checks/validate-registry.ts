// Registry-wide checks that no single file can make: unique and unconfusable names, bindings that resolve,
// model-facing text that hides something, and the blast-radius findings. Linear in the registry's size.
import { dottedField, displayField } from '../../parse/findings.js';
import type { FieldLocator } from '../../parse/locate.js';
import { escapeNonAscii } from '../../parse/schema-errors.js';
import { describeCodePoint } from '../../text/unicode-names.js';
import type { FieldPath } from '../../parse/yaml.js';
import { classifyBlastRadius } from '../radius/radius.js';
import type { BlastRadiusOf } from '../radius/radius.js';
import {
  confusableSkeleton,
  decodeTagCharacters,
  findControlCharacters,
  findHiddenUnicode,
  spellControls,
  findInstructionLikeText,
  isPlainText,
} from '../../text/scan-text.js';
import type { Finding, Prompt, Radius, Registry, Severity, Tool } from '../../model/types.js';
import { resolveAgentBindings } from '../../sources/resolve/agent-bindings.js';
import { catalogForAgent } from '../../sources/catalogs/index.js';
import { resolveBinding } from '../../sources/resolve/resolve-binding.js';

export interface ValidateOptions {
  /**
   * How a registry prompt's binding resolves: the callers pass the resolver the diff and the runtime use
   * (`registryBindingKind`), so `validate` accepts exactly what they grant. Absent: servers the registry declares.
   */
  bindingKind?: (prompt: Prompt, binding: string) => string | undefined;
  /** config `radius.actions`: extra action floors */
  actions?: Record<string, Radius>;
  /** finds the line of a nested field; without it findings point at the tool's `name` line */
  locate?: FieldLocator;
  /**
   * The tools that get the per-tool checks (hidden text, instruction-like text, blast radius); default all.
   * Name and binding checks always see the whole registry. `diff` passes toolsToCheck().
   */
  checkTool?: (tool: Tool) => boolean;
  /** the caller's memo of classifyBlastRadius under `actions` (a diff asks for the same tools again) */
  blastRadius?: BlastRadiusOf;
}

/**
 * The tools whose per-tool findings a diff can report: those in a changed file or with a changed name, plus
 * every tool sharing a file with one of them. Findings are de-duplicated per file (a server's tools share their
 * inherited text), so checking all tools of such a file in order keeps exactly the findings a full check keeps.
 */
export function toolsToCheck(
  tools: readonly Tool[],
  changedPaths: ReadonlySet<string>,
  changedTools: ReadonlySet<string>,
): (tool: Tool) => boolean {
  const paths = new Set(changedPaths);
  for (const tool of tools) if (changedTools.has(tool.name)) paths.add(tool.source.path);
  return (tool) => paths.has(tool.source.path);
}

type Report = (
  finding: Omit<Finding, 'line'> & { fieldPath?: FieldPath; line?: number; value?: string },
) => void;

export function validateRegistry(registry: Registry, options: ValidateOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const report: Report = ({ fieldPath, value, line, ...finding }) => {
    const out: Finding = { ...finding, line: line ?? 1 };
    if (fieldPath && fieldPath.length > 0) out.field = dottedField(fieldPath);
    // fields a server's tools inherit would otherwise repeat one hidden character once per tool
    const who = out.code === 'hidden-unicode' ? '' : (out.tool ?? '');
    const key = `${out.code}\0${out.path}\0${out.line}\0${out.field ?? ''}\0${who}\0${value ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      findings.push(out);
    }
  };
  const lineOf = (tool: Tool, field: FieldPath, value?: string): number =>
    (field.length > 0
      ? options.locate?.(
          {
            path: tool.source.path,
            tool: tool.name,
            ...(tool.server !== undefined && { server: tool.server }),
            ...(value !== undefined && { value }),
          },
          field,
        )
      : undefined) ?? tool.source.line;
  const promptLine = (prompt: Prompt, field: FieldPath, value?: string): number =>
    options.locate?.({ path: prompt.source.path, ...(value !== undefined && { value }) }, field) ??
    prompt.source.line;

  // one skeleton per name: the name check and the binding hints both ask, for every tool
  const skeletonCache = new Map<string, string>();
  const skeletonOf = (name: string): string => {
    let skeleton = skeletonCache.get(name);
    if (skeleton === undefined) {
      skeleton = confusableSkeleton(name);
      skeletonCache.set(name, skeleton);
    }
    return skeleton;
  };
  checkToolNames(registry.tools, report, skeletonOf);
  checkPromptIds(registry.prompts, report);
  const names = new Set(registry.tools.map((tool) => tool.name));
  const skeletons = new Map(registry.tools.map((tool) => [skeletonOf(tool.name), tool.name]));
  const servers = registry.servers ?? [];
  for (const prompt of registry.prompts) {
    // an agent file binds as its client does: built-ins, servers, registry tools
    if (catalogForAgent(prompt.id) !== undefined) {
      const resolved = resolveAgentBindings(prompt, { servers, registryTools: registry.tools });
      for (const finding of resolved.findings) report(finding);
    }
    for (const name of catalogForAgent(prompt.id) === undefined ? (prompt.tools ?? []) : []) {
      if (names.has(name)) continue;
      // a registry prompt may bind a server the repository declares, whole (`srv/*`) or one tool: resolved as the
      // diff and the runtime resolve it, so what passes here is what they grant
      const kind = options.bindingKind
        ? options.bindingKind(prompt, name)
        : resolveBinding(name, { catalog: [], servers }).kind;
      if (kind === 'server' || kind === 'server-tool' || kind === 'registry' || kind === 'all') continue;
      const lookalike = skeletons.get(skeletonOf(name));
      const hint = lookalike ? ` (did you mean ${JSON.stringify(lookalike)}?)` : '';
      report({
        severity: 'error',
        code: 'unknown-tool-binding',
        path: prompt.source.path,
        line: promptLine(prompt, ['tools'], name),
        tool: prompt.id,
        fieldPath: ['tools'],
        value: name,
        // escaped: a binding with an invisible character must not read exactly like the real tool's name
        message: `prompt ${JSON.stringify(prompt.id)} binds tool ${escapeNonAscii(JSON.stringify(name))}, which is not in the registry${hint}`,
      });
    }
    scanStrings({ text: prompt.text, meta: prompt.meta }, [], (fieldPath, text) => {
      const source = fieldPath[0] === 'text' ? [] : fieldPath.slice(1);
      const line = () => (source.length > 0 ? promptLine(prompt, source) : prompt.source.line);
      reportHidden({
        report,
        severity: 'warning',
        path: prompt.source.path,
        line,
        subject: `prompt ${JSON.stringify(prompt.id)}`,
        tool: prompt.id,
        fieldPath: source,
        text,
      });
    });
  }
  for (const tool of registry.tools) {
    if (options.checkTool && !options.checkTool(tool)) continue;
    scanTool(tool, report, lineOf);
    const radius = options.blastRadius?.(tool) ?? classifyBlastRadius(tool, options.actions);
    for (const finding of radius.findings) {
      const fieldPath = parseFieldPath(finding.field);
      report({
        severity: finding.severity,
        code: finding.code,
        path: tool.source.path,
        line: lineOf(tool, fieldPath),
        tool: tool.name,
        fieldPath,
        message: `tool ${JSON.stringify(tool.name)}: ${finding.message}`,
      });
    }
  }
  return findings;
}

function checkToolNames(tools: readonly Tool[], report: Report, skeletonOf: (name: string) => string): void {
  const byName = new Map<string, Tool>();
  const bySkeleton = new Map<string, Tool>();
  for (const tool of tools) {
    const first = byName.get(tool.name);
    if (first) {
      report({
        severity: 'error',
        code: 'duplicate-tool',
        path: tool.source.path,
        line: tool.source.line,
        tool: tool.name,
        message: `tool ${JSON.stringify(tool.name)} is defined twice: here and at ${where(first)}`,
      });
      continue;
    }
    byName.set(tool.name, tool);
    const skeleton = skeletonOf(tool.name);
    const twin = bySkeleton.get(skeleton);
    if (twin) {
      report({
        severity: 'error',
        code: 'confusable-name',
        path: tool.source.path,
        line: tool.source.line,
        tool: tool.name,
        message: `tool name ${JSON.stringify(tool.name)} is confusable with ${JSON.stringify(twin.name)} at ${where(twin)}: a model or reviewer can mistake one for the other`,
      });
    } else {
      bySkeleton.set(skeleton, tool);
    }
  }
}

function checkPromptIds(prompts: readonly Prompt[], report: Report): void {
  const byId = new Map<string, Prompt>();
  for (const prompt of prompts) {
    const first = byId.get(prompt.id);
    if (!first) {
      byId.set(prompt.id, prompt);
      continue;
    }
    report({
      severity: 'error',
      code: 'duplicate-prompt',
      path: prompt.source.path,
      line: prompt.source.line,
      tool: prompt.id,
      message: `prompt id ${JSON.stringify(prompt.id)} is used twice: here and at ${first.source.path}:${first.source.line}`,
    });
  }
}

function scanTool(tool: Tool, report: Report, lineOf: (tool: Tool, field: FieldPath) => number): void {
  const { source: _source, ...fields } = tool;
  scanStrings(fields, [], (fieldPath, text) => {
    if (fieldPath[0] === 'name' || fieldPath[0] === 'server') return; // names are ASCII-checked by the parser
    if (!isPlainText(text))
      reportHidden({
        report,
        severity: 'error',
        path: tool.source.path,
        line: () => lineOf(tool, fieldPath),
        subject: `tool ${JSON.stringify(tool.name)}`,
        tool: tool.name,
        fieldPath,
        text,
      });
    if (isModelFacing(fieldPath)) {
      const phrases = findInstructionLikeText(text);
      if (phrases.length === 0) return;
      report({
        severity: 'warning',
        code: 'instruction-like-text',
        path: tool.source.path,
        line: lineOf(tool, fieldPath),
        tool: tool.name,
        fieldPath,
        message: `tool ${JSON.stringify(tool.name)}: ${displayField(fieldPath)} reads like instructions to the model: ${phrases.map((p) => JSON.stringify(p)).join(', ')}`,
      });
    }
  });
}

/** Text the model reads: the description, the title, and descriptions anywhere inside the input schema. */
function isModelFacing(fieldPath: FieldPath): boolean {
  const last = fieldPath[fieldPath.length - 1];
  if (fieldPath.length === 1) return last === 'description';
  if (fieldPath[0] === 'annotations') return last === 'title';
  return fieldPath[0] === 'inputSchema' && (last === 'description' || last === 'title');
}

/** One string being scanned: where it sits, whose it is, and how its findings are reported. */
interface ScannedText {
  report: Report;
  severity: Severity;
  path: string;
  /** lazy: locating a field is paid only when there is something to report */
  line: () => number;
  /** how the message names the owner, e.g. `tool "x"` */
  subject: string;
  tool: string;
  fieldPath: FieldPath;
  text: string;
}

function reportHidden(scanned: ScannedText): void {
  reportControls(scanned);
  const { report, severity, path, line, subject, tool, fieldPath, text } = scanned;
  const hidden = findHiddenUnicode(text);
  const first = hidden[0];
  if (!first) return;
  const label = fieldPath.length > 0 ? displayField(fieldPath) : 'text';
  const more = hidden.length > 1 ? ` (and ${hidden.length - 1} more)` : '';
  const smuggled = decodeTagCharacters(text);
  const decoded = smuggled ? `; the tag characters spell ${JSON.stringify(smuggled.slice(0, 120))}` : '';
  report({
    severity,
    code: 'hidden-unicode',
    path,
    line: line(),
    tool,
    fieldPath,
    message: `${subject}: ${label} contains invisible character ${describeCodePoint(first.codePoint)} at offset ${first.index}${more}: a reviewer cannot see what the model reads${decoded}`,
  });
}

/** Control characters and escape sequences: in a terminal they rewrite what the reviewer reads. */
function reportControls(scanned: ScannedText): void {
  const { report, severity, path, line, subject, tool, fieldPath, text } = scanned;
  const controls = findControlCharacters(text);
  const first = controls[0];
  if (!first) return;
  const label = fieldPath.length > 0 ? displayField(fieldPath) : 'text';
  const more = controls.length > 1 ? ` (and ${controls.length - 1} more)` : '';
  const what = first.sequence.length > 1 ? 'escape sequence' : 'control character';
  report({
    severity,
    code: 'control-characters',
    path,
    line: line(),
    tool,
    fieldPath,
    message: `${subject}: ${label} contains ${what} "${spellControls(first.sequence)}" at offset ${first.index}${more}: it can rewrite what a terminal shows the reviewer`,
  });
}

/**
 * Calls `visit` for every string in the value, object keys included (a property name can hide text too). The
 * path is one stack reused for the whole walk (a registry holds millions of strings): valid only during the call.
 */
function scanStrings(
  value: unknown,
  path: (string | number)[],
  visit: (path: FieldPath, text: string) => void,
): void {
  if (typeof value === 'string') {
    visit(path, value);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      scanStrings(value[index], path, visit);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
      path.push(key);
      visit(path, key);
      scanStrings((value as Record<string, unknown>)[key], path, visit);
      path.pop();
    }
  }
}

/** `credentials[0].scopes` or `credentials.0.scopes` -> ['credentials', 0, 'scopes']. */
function parseFieldPath(field: string): FieldPath {
  if (field === '') return [];
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function where(tool: Tool): string {
  return `${tool.source.path}:${tool.source.line}`;
}
