import { parseCodeowners, parseOwner } from '../../parse/codeowners.js';
import type { Config } from '../../model/types.js';
import { describeOverrides, findOverrides } from './codeowners-overrides.js';
import type { Override } from './codeowners-overrides.js';
import {
  GATE_PATTERNS,
  codeownersPattern,
  governingLocations,
  mixedPatterns,
  sourcePatterns,
} from './codeowners-paths.js';

export const BLOCK_BEGIN = '# agentgate:begin';
export const BLOCK_END = '# agentgate:end';

export interface PlaneOwners {
  /** owners of the data plane (prompts) */
  prompt: string[];
  /** owners of the control plane (tools) and of the gate files */
  tool: string[];
}

export interface BlockInput {
  config: Config;
  owners: PlaneOwners;
  /** where the block goes: decides which CODEOWNERS locations it covers */
  codeownersPath: string;
  /** client source files present: the block names the earlier rules it takes them from */
  sourcePaths?: readonly string[];
}

/**
 * agentgate's block: the data plane to its owner, then the control plane, the client configs and every gate file
 * to the control owner, then the files split by meaning (agents, skills, commands, prompt files, gh-aw workflows,
 * instructions) back to the data owner: the control-plane check holds what they grant, so a text edit waits for
 * no security review. It goes last in the file, where GitHub's last-match rule lets it win over earlier rules.
 */
export function renderBlock(input: BlockInput, eol = '\n', overrides: readonly string[] = []): string {
  const { config, owners } = input;
  const prompt = owners.prompt.join(' ');
  const tool = owners.tool.join(' ');
  const lines = [
    `${BLOCK_BEGIN} (written by \`agentgate codeowners --write\`; keep it last: the last matching rule wins)`,
    ...overrides,
    '# data plane: what the agent says',
    ...config.planes.data.paths.map((glob) => `${codeownersPattern(glob)} ${prompt}`),
    '# control plane: what the agent can do, and the files that define the gates',
    ...config.planes.control.paths.map((glob) => `${codeownersPattern(glob)} ${tool}`),
    '# client configs, settings, hooks and plugin manifests (authority whole), and the folders of agent files',
    ...sourcePatterns(config.sources).map((pattern) => `${pattern} ${tool}`),
    ...GATE_PATTERNS.map((pattern) => `${pattern} ${tool}`),
    '# files split by meaning (agents, skills, commands, prompt files, gh-aw workflows, instructions): their text',
    '# is the data plane; what their front matter grants is held by the control-plane check and its signers',
    ...mixedPatterns(config.sources).map((pattern) => `${pattern} ${prompt}`),
    ...governingLocations(input.codeownersPath).map((path) => `/${path} ${tool}`),
    BLOCK_END,
  ];
  return lines.map((line) => `${line}${eol}`).join('');
}

interface BlockSpan {
  start: number;
  end: number;
  text: string;
}

/** Where agentgate's block is (character offsets, end after its last line break), or null. */
export function findBlock(text: string): BlockSpan | null {
  const begin = lineStartingWith(text, BLOCK_BEGIN, 0);
  if (begin === -1) return null;
  const endLine = lineStartingWith(text, BLOCK_END, begin);
  if (endLine === -1) return null;
  const newline = text.indexOf('\n', endLine);
  const end = newline === -1 ? text.length : newline + 1;
  return { start: begin, end, text: text.slice(begin, end) };
}

function lineStartingWith(text: string, marker: string, from: number): number {
  let position = from;
  while (position <= text.length) {
    const newline = text.indexOf('\n', position);
    const line = text.slice(position, newline === -1 ? text.length : newline);
    if (line.trim().startsWith(marker)) return position;
    if (newline === -1) return -1;
    position = newline + 1;
  }
  return -1;
}

/** The owners an existing block gives the two planes, or null when there is no complete block. */
export function readBlockOwners(text: string, config: Config): PlaneOwners | null {
  const block = findBlock(text);
  if (!block) return null;
  const { rules } = parseCodeowners(block.text, 'CODEOWNERS');
  const ownersOf = (glob: string | undefined) =>
    glob === undefined ? [] : (rules.find((rule) => rule.pattern === codeownersPattern(glob))?.owners ?? []);
  const prompt = ownersOf(config.planes.data.paths[0]);
  const tool = ownersOf(config.planes.control.paths[0]);
  return prompt.length > 0 && tool.length > 0 ? { prompt, tool } : null;
}

export type UpsertResult =
  /** `overrides`: the rules outside the block it takes paths from (the last matching rule wins) */
  | { kind: 'ok'; text: string; changed: boolean; overrides: Override[] }
  /** a begin marker without its end: what lies after it cannot be told apart from the block */
  | { kind: 'unterminated'; line: number };

/**
 * Puts the block at the end of the file: existing blocks are taken out wherever they are and the fresh one is
 * appended. Every other line stays byte for byte; a file without a final line break gets one.
 */
export function upsertBlock(original: string | null, input: BlockInput): UpsertResult {
  const text = original ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let rest = text;
  for (let block = findBlock(rest); block; block = findBlock(rest))
    rest = rest.slice(0, block.start) + rest.slice(block.end);
  const dangling = lineStartingWith(rest, BLOCK_BEGIN, 0);
  if (dangling !== -1) return { kind: 'unterminated', line: lastMarkerLine(text) };
  if (rest !== '' && !rest.endsWith('\n')) rest += eol;
  if (rest !== '' && !rest.endsWith(`${eol}${eol}`)) rest += eol;
  const overrides = findOverrides(rest, input, renderBlock(input, eol));
  const next = rest + renderBlock(input, eol, describeOverrides(overrides));
  return { kind: 'ok', text: next, changed: next !== text, overrides };
}

function lastMarkerLine(text: string): number {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1)
    if ((lines[i] as string).trim().startsWith(BLOCK_BEGIN)) return i + 1;
  return 1;
}

/** Owners as typed on the command line: `@org/team`, `@user` or an email; several separated by spaces or commas. */
export function parseOwnerList(value: string): { owners: string[]; invalid: string[] } {
  const tokens = value.split(/[\s,]+/).filter((token) => token !== '');
  const owners: string[] = [];
  const invalid: string[] = [];
  for (const token of tokens) {
    const normalized = token.includes('@') ? token : `@${token}`;
    if (parseOwner(normalized) === null) invalid.push(token);
    else if (!owners.some((owner) => owner.toLowerCase() === normalized.toLowerCase()))
      owners.push(normalized);
  }
  return { owners, invalid };
}

/** Same owners on both planes: the fused ownership the two-plane split exists to prevent. */
export function ownersFused(owners: PlaneOwners): boolean {
  const left = new Set(owners.prompt.map((o) => o.toLowerCase()));
  const right = new Set(owners.tool.map((o) => o.toLowerCase()));
  return left.size === right.size && [...left].every((owner) => right.has(owner));
}
