import type { FloorReport } from '../model/types.js';
import { canonicalJson } from '../model/canonical-json.js';
import { cellCode, clip } from './markdown-escape.js';

/** Which rules came from a floor (an org's central config), so a reviewer sees why the gate is stricter. */
export function floorSection(floor: FloorReport | undefined): string[] {
  if (!floor) return [];
  const out = ['#### Floor', '', `Judged on ${floor.floors.map((f) => cellCode(f)).join(', ')}.`, ''];
  if (floor.rules.length === 0) return [...out, 'The floor names no rule this gate uses.', ''];
  out.push('| rule | floor | this repository | applied | from |', '| --- | --- | --- | --- | --- |');
  const value = (v: unknown) => cellCode(clip(canonicalJson(v), 120));
  for (const rule of floor.rules)
    out.push(
      `| ${cellCode(rule.key)} | ${value(rule.floor)} | ${value(rule.repository)} | ${value(rule.effective)}${rule.tightened ? ' (tightened)' : ''} | ${cellCode(rule.from)} |`,
    );
  return [...out, ''];
}

/** One line per rule for the terminal. */
export function floorLines(floor: FloorReport | undefined): string[] {
  if (!floor) return [];
  return [
    `floor: ${floor.floors.join(', ')}`,
    ...floor.rules.map(
      (rule) =>
        `  ${rule.key} = ${canonicalJson(rule.effective)} from ${rule.from}${rule.tightened ? ` (this repository said ${canonicalJson(rule.repository)})` : ''}`,
    ),
  ];
}
