// Which gates a finding holds: the one answer to "what fails the data plane" (and the control plane). The
// statuses fail on the new errors that hold a plane, and the check runs annotate a plane with the findings that
// hold it, both through here, so a run never fails a plane on a finding its annotations put elsewhere.
import { isEvalFinding } from '../../model/findings.js';
import type { Config, Finding } from '../../model/types.js';
import { createPathClassification, holdsEveryPlane } from './classify-paths.js';
import type { PathClass } from './classify-paths.js';

export type GatePlane = 'data' | 'control';

const BOTH: readonly GatePlane[] = ['data', 'control'];
const DATA: readonly GatePlane[] = ['data'];
const CONTROL: readonly GatePlane[] = ['control'];

/**
 * The planes whose gate a finding holds. Both: a refused path or a duplicate prompt id (`holdsEveryPlane`), and
 * any finding in a client's agent file, which holds its text and its grants in one file (one that does not
 * parse, a literal secret in its server block). Otherwise one: an eval finding holds the data plane, anything
 * about tool bindings the control plane, and the rest the plane of its file; a file outside both planes gets the
 * stricter gate.
 */
export function planesOfFinding(
  finding: Finding,
  classify: (path: string) => PathClass,
): readonly GatePlane[] {
  if (holdsEveryPlane(finding)) return BOTH;
  const found = classify(finding.path);
  if (found.kind === 'data' && found.source !== undefined) return BOTH;
  if (isEvalFinding(finding)) return DATA;
  const field = finding.field ?? '';
  if (finding.code === 'unknown-tool-binding' || field === 'tools' || field.startsWith('tools.'))
    return CONTROL;
  return found.kind === 'data' ? DATA : CONTROL;
}

/** `planesOfFinding` under a config's classification. */
export function createFindingPlanes(config: Config): (finding: Finding) => readonly GatePlane[] {
  const classify = createPathClassification(config);
  return (finding) => planesOfFinding(finding, classify);
}
