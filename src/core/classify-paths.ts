import picomatch from 'picomatch';
import type { ChangedFile, Config, Plane } from './types.js';

/** Files that change the gates themselves: always control plane, whatever the configured globs say. */
export const GATE_FILE_PATTERNS = [
  'agentgate.yaml',
  'agentgate.yml',
  'CODEOWNERS',
  '.github/CODEOWNERS',
  'docs/CODEOWNERS',
  '.github/workflows/**',
];

export type PathClassifier = (path: string) => Plane;

const matchOptions = { dot: true } as const;

export function isGateFile(path: string): boolean {
  return gateMatcher(path);
}
const gateMatcher = picomatch(GATE_FILE_PATTERNS, matchOptions);

/**
 * Returns a classifier for the configured plane globs. Gate files win over everything; control globs win
 * over data globs so that a path claimed by both gets the stricter gate.
 */
export function createPathClassifier(config: Config): PathClassifier {
  const isControl = picomatch(config.planes.control.paths, matchOptions);
  const isData = picomatch(config.planes.data.paths, matchOptions);
  return (path) => {
    if (gateMatcher(path) || isControl(path)) return 'control';
    if (isData(path)) return 'data';
    return 'none';
  };
}

/** A renamed file belongs to every plane either of its paths falls in: moving a tool out of the registry is a control change. */
export function splitFilesByPlane(
  files: ChangedFile[],
  classify: PathClassifier,
): { data: ChangedFile[]; control: ChangedFile[]; none: ChangedFile[] } {
  const out = { data: [] as ChangedFile[], control: [] as ChangedFile[], none: [] as ChangedFile[] };
  for (const file of files) {
    const planes = new Set<Plane>([classify(file.path)]);
    if (file.oldPath !== undefined) planes.add(classify(file.oldPath));
    if (planes.size > 1) planes.delete('none');
    for (const plane of planes) out[plane].push(file);
  }
  return out;
}

/** The literal directory part of each glob, for narrowing what git has to list. '' means the whole tree. */
export function literalPrefixes(globs: string[]): string[] {
  const prefixes = globs.map((glob) => {
    const scan = picomatch.scan(glob);
    return scan.isGlob ? scan.base : glob;
  });
  return prefixes.includes('') ? [] : [...new Set(prefixes)].sort();
}
