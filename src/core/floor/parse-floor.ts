// A floor file read as a config: any error in it is the floor's, and a floor that does not parse judges nothing.
import { parseYaml } from '../../parse/yaml.js';
import { parseConfig } from '../plane/config.js';
import type { Floor, FloorRef, NamedKeys } from './types.js';

export type FloorParse = { kind: 'ok'; floor: Floor } | { kind: 'invalid'; message: string };

/** Parses a floor's text; `origin` names it in messages and in the report. */
export function parseFloor(text: string, origin: string): FloorParse {
  if (text.trim() === '')
    return { kind: 'invalid', message: `floor ${origin} is empty: a floor that names nothing is a mistake` };
  const { config, errors } = parseConfig(text, origin);
  const first = errors[0];
  if (first) return { kind: 'invalid', message: `floor ${first.path}:${first.line}: ${first.message}` };
  const doc = parseYaml(text).documents[0];
  const value = doc?.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { kind: 'invalid', message: `floor ${origin} is not a mapping of agentgate.yaml keys` };
  return { kind: 'ok', floor: { origin, config, named: value as NamedKeys } };
}

/** How the report names a floor. */
export function floorOrigin(ref: FloorRef): string {
  switch (ref.kind) {
    case 'repository':
      return `${ref.repository}:${ref.path}@${ref.ref.slice(0, 12)}`;
    case 'path':
      return `extends ${ref.path}`;
    case 'file':
      return `--floor ${ref.path}`;
  }
}
