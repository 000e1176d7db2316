// Findings as GitHub workflow-command annotations (`::error file=…,line=…::message`), for runs whose token may
// not write check runs. Escaped per GitHub's rules so that PR text can neither end the command early nor start a
// second one: data escapes `%`, CR and LF; properties also `:` and `,`.
import type { CheckAnnotation } from '../core/gate/check-runs.js';

const COMMAND: Record<CheckAnnotation['annotation_level'], string> = {
  failure: 'error',
  warning: 'warning',
  notice: 'notice',
};

export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderAnnotationCommand(annotation: CheckAnnotation): string {
  const properties = [
    `file=${escapeCommandProperty(annotation.path)}`,
    `line=${annotation.start_line}`,
    `title=${escapeCommandProperty(annotation.title)}`,
  ].join(',');
  return `::${COMMAND[annotation.annotation_level]} ${properties}::${escapeCommandData(annotation.message)}`;
}

/** One command per annotation, each de-duplicated (a refused path holds both planes but is said once). */
export function renderAnnotationCommands(annotations: readonly CheckAnnotation[]): string[] {
  return [...new Set(annotations.map(renderAnnotationCommand))];
}
