// Instruction files: `AGENTS.md`, `CLAUDE.md`, `GEMINI.md`, `.github/copilot-instructions.md` and
// `.github/instructions/**/*.instructions.md`, at any depth. Plain Markdown a client puts in the model's context:
// they grant nothing, so they are data plane, diffed as text with no version to bump. They steer what an agent
// does with the authority it has, so their text is scanned like a tool description: hidden characters, control
// characters and escape sequences, and instruction-like phrases ("ignore previous instructions") are findings.
import type { SourceFile } from '../../model/source-file.js';
import type { Finding } from '../../model/types.js';
import { findControlCharacters, findHiddenUnicode, findInstructionLikeText } from '../../text/scan-text.js';
import { emptyModel } from '../kit/source-model.js';
import type { SourceAdapter, SourceModel } from '../kit/types.js';

export function parseInstructions(file: SourceFile): SourceModel {
  const model = emptyModel();
  const id = `instructions:${file.path}`;
  const text = file.text.startsWith('\uFEFF') ? file.text.slice(1) : file.text;
  model.agents.push({ id, text, meta: {}, source: { path: file.path, line: 1 } });
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const finding = (code: Finding['code'], index: number, message: string): Finding => ({
    severity: 'warning',
    code,
    path: file.path,
    line: lineAt(index),
    tool: id,
    message: `${file.path}:${lineAt(index)}: ${message}`,
  });
  const hidden = findHiddenUnicode(text);
  if (hidden[0])
    model.findings.push(
      finding(
        'hidden-unicode',
        hidden[0].index,
        `instructions hold ${hidden.length} invisible character(s) (first U+${hidden[0].codePoint.toString(16).toUpperCase().padStart(4, '0')}): a reviewer cannot see what the model reads`,
      ),
    );
  const controls = findControlCharacters(text);
  if (controls[0])
    model.findings.push(
      finding(
        'control-characters',
        controls[0].index,
        `instructions hold ${controls.length} control character(s) or escape sequence(s): they rewrite what a terminal shows`,
      ),
    );
  const phrases = findInstructionLikeText(text);
  if (phrases.length > 0)
    model.findings.push(
      finding(
        'instruction-like-text',
        Math.max(0, text.indexOf(phrases[0]!)),
        `instructions read like an injection: ${phrases.map((p) => JSON.stringify(p.slice(0, 80))).join(', ')}`,
      ),
    );
  return model;
}

export const instructionsAdapter: SourceAdapter = {
  id: 'instructions',
  kind: 'instructions',
  defaultPaths: [
    ...['**/AGENTS.md', '**/CLAUDE.md', '**/GEMINI.md', '**/.github/copilot-instructions.md'],
    '**/.github/instructions/**/*.instructions.md',
  ],
  role: 'text',
  parse: parseInstructions,
};
