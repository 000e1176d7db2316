// agentgate.yaml -> Config: every key optional, user values merged over the defaults.
import { refusedCharacterOf } from '../../model/paths.js';
import { ALL_SOURCE_ADAPTERS, sourceKeys } from '../../sources/lookup.js';
import { authorityKeys, clientOfAdapter, profileOf } from '../../sources/profiles/index.js';
import type { Config, Finding, Radius, SignoffCounts, Waiver } from '../../model/types.js';
import { inputFinding } from '../../parse/findings.js';
import { describeSchemaErrors } from '../../parse/schema-errors.js';
import { getValidators } from '../../parse/validators.js';
import type { FieldPath, YamlDocument } from '../../parse/yaml.js';
import { lineOfPath, parseYaml } from '../../parse/yaml.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** The defaults of every agentgate.yaml key (docs/formats.md). Frozen: take a copy (`structuredClone`) to change. */
export const DEFAULT_CONFIG: Config = deepFreeze<Config>({
  version: 1,
  planes: {
    data: {
      paths: ['registry/prompts/**'],
      reviewers: [],
      versionBump: 'required',
    },
    control: {
      paths: ['registry/tools/**'],
      reviewers: [],
      signers: [],
      signoffs: { none: 0, read: 1, write: 1, irreversible: 1, privileged: 2, narrowing: 0 },
      maxRadius: 'privileged',
      internalHosts: [],
    },
  },
  radius: { actions: {} },
  waivers: [],
});

export interface ConfigResult {
  /** the merged config; the defaults when there are errors (callers must refuse to go on then) */
  config: Config;
  errors: Finding[];
  warnings: Finding[];
}

interface UserConfig {
  extends?: { path: string; repository?: string; ref?: string };
  planes?: {
    data?: Partial<Config['planes']['data']>;
    control?: Partial<Omit<Config['planes']['control'], 'signoffs'>> & { signoffs?: Partial<SignoffCounts> };
  };
  radius?: { actions?: Record<string, Radius> };
  waivers?: Waiver[];
  sources?: Record<string, boolean | { enabled?: boolean; paths?: string[]; inert?: string[] }>;
  release?: { publicKeys?: string[]; signer?: NonNullable<Config['release']>['signer'] };
}

export function parseConfig(text: string | null, path: string): ConfigResult {
  const defaults = (): ConfigResult => ({
    config: structuredClone(DEFAULT_CONFIG),
    errors: [],
    warnings: [],
  });
  if (text === null || text.trim() === '') return defaults();
  const parsed = parseYaml(text);
  const errors = parsed.issues.map((issue) =>
    inputFinding({ code: issue.code, path, line: issue.line, message: issue.message }),
  );
  if (errors.length > 0) return { ...defaults(), errors };
  const [doc, extra] = parsed.documents;
  if (extra) {
    const line = lineOfPath(extra, []);
    return {
      ...defaults(),
      errors: [inputFinding({ code: 'schema', path, line, message: 'config must be one YAML document' })],
    };
  }
  if (!doc || doc.value === null) return defaults();

  const validate = getValidators().config;
  if (!validate(doc.value)) {
    const schemaErrors = describeSchemaErrors(validate.errors).map((problem) =>
      inputFinding({
        code: 'schema',
        path,
        line: lineOfPath(doc, problem.path),
        message: problem.message,
        field: problem.path,
      }),
    );
    return { ...defaults(), errors: schemaErrors };
  }
  const config = mergeConfig(doc.value as UserConfig);
  const hidden = hiddenCharacterGlobs(config).map(({ field, character }) =>
    inputFinding({
      code: 'schema',
      path,
      line: lineOfPath(doc, field),
      field,
      message: `the glob holds ${character}, a character that does not show as itself: a CODEOWNERS line written from it could name another owner, and no path it matches is ever read`,
    }),
  );
  if (hidden.length > 0) return { ...defaults(), errors: hidden };
  return { config, errors: [], warnings: configWarnings(config, path, doc) };
}

/** Plane and source globs holding a character the gate refuses in a path (a tab or line break splits a CODEOWNERS line). */
function hiddenCharacterGlobs(config: Config): { field: (string | number)[]; character: string }[] {
  const found: { field: (string | number)[]; character: string }[] = [];
  const check = (globs: readonly string[], field: (string | number)[]) =>
    globs.forEach((glob, index) => {
      const character = refusedCharacterOf(glob);
      if (character !== undefined) found.push({ field: [...field, index], character });
    });
  check(config.planes.data.paths, ['planes', 'data', 'paths']);
  check(config.planes.control.paths, ['planes', 'control', 'paths']);
  for (const [key, setting] of Object.entries(config.sources ?? {}))
    check(setting.paths, ['sources', key, 'paths']);
  return found;
}

function mergeConfig(user: UserConfig): Config {
  const config = structuredClone(DEFAULT_CONFIG) as Config;
  const data = user.planes?.data;
  const control = user.planes?.control;
  if (data) {
    const { eval: evalConfig, ...rest } = data;
    Object.assign(config.planes.data, rest);
    if (evalConfig) config.planes.data.eval = { ...evalConfig };
  }
  if (control) {
    const { signoffs, ...rest } = control;
    Object.assign(config.planes.control, rest);
    if (signoffs) Object.assign(config.planes.control.signoffs, signoffs);
  }
  // a null-prototype copy: an action named `__proto__` or `constructor` is data, not an object's plumbing
  const actions: Record<string, Radius> = Object.create(null) as Record<string, Radius>;
  for (const [action, radius] of Object.entries(user.radius?.actions ?? {})) actions[action] = radius;
  config.radius.actions = actions;
  config.waivers = (user.waivers ?? []).map((waiver) => ({ ...waiver }));
  if (user.sources !== undefined) config.sources = mergeSources(user.sources);
  if (user.release !== undefined)
    config.release = {
      publicKeys: [...(user.release.publicKeys ?? [])],
      ...(user.release.signer !== undefined && { signer: { ...user.release.signer } }),
    };
  if (user.extends !== undefined) config.extends = { ...user.extends };
  return config;
}

/** `sources:` as one shape: `false` is `{ enabled: false }`; a null-prototype map, since keys are user data. */
function mergeSources(user: NonNullable<UserConfig['sources']>): NonNullable<Config['sources']> {
  const out = Object.create(null) as NonNullable<Config['sources']>;
  for (const [key, value] of Object.entries(user)) {
    out[key] =
      typeof value === 'boolean'
        ? { enabled: value, paths: [] }
        : {
            enabled: value.enabled ?? true,
            paths: [...(value.paths ?? [])],
            ...(value.inert !== undefined && { inert: [...value.inert] }),
          };
  }
  return out;
}

const SIGNOFF_ORDER: readonly (keyof SignoffCounts)[] = [
  'none',
  'read',
  'write',
  'irreversible',
  'privileged',
];

function configWarnings(config: Config, path: string, doc: YamlDocument): Finding[] {
  const warnings: Finding[] = [];
  const warn = (code: Finding['code'], field: FieldPath, message: string) =>
    warnings.push(
      inputFinding({ severity: 'warning', code, path, line: lineOfPath(doc, field), message, field }),
    );
  const signoffs = config.planes.control.signoffs;
  for (let i = 1; i < SIGNOFF_ORDER.length; i++) {
    const lower = SIGNOFF_ORDER[i - 1]!;
    const higher = SIGNOFF_ORDER[i]!;
    if (signoffs[higher] < signoffs[lower]) {
      warn(
        'signoffs-decreasing',
        ['planes', 'control', 'signoffs', higher],
        `${higher} (${signoffs[higher]}) needs fewer sign-offs than ${lower} (${signoffs[lower]})`,
      );
    }
  }
  const dataPaths = new Set(config.planes.data.paths);
  for (const [index, glob] of config.planes.control.paths.entries()) {
    if (dataPaths.has(glob)) {
      warn(
        'planes-overlap',
        ['planes', 'control', 'paths', index],
        `${JSON.stringify(glob)} is in both planes; it is treated as control`,
      );
    }
  }
  const known = new Set(sourceKeys());
  for (const [key, setting] of Object.entries(config.sources ?? {})) {
    if (!known.has(key))
      warn(
        'unknown-source',
        ['sources', key],
        `${JSON.stringify(key)} is no source kind or adapter id; it is ignored`,
      );
    const authority = authorityOfSource(key);
    for (const [index, name] of (setting.inert ?? []).entries()) {
      if (authority.has(name))
        warn(
          'inert-key-is-authority',
          ['sources', key, 'inert', index],
          `${JSON.stringify(name)} is read as authority by ${key}'s client: it stays control plane`,
        );
    }
  }
  return warnings;
}

/** The keys the clients of a source kind or adapter id read as authority (their profiles'). */
function authorityOfSource(key: string): Set<string> {
  const clients = ALL_SOURCE_ADAPTERS.filter((adapter) => adapter.kind === key || adapter.id === key).map(
    (adapter) => clientOfAdapter(adapter.id),
  );
  return new Set([...new Set(clients)].flatMap((client) => [...authorityKeys(profileOf(client))]));
}
