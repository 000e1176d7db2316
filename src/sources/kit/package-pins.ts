// Which package or image a launcher command fetches at start-up, and whether the config pins its version. An
// unpinned `npx -y pkg` runs whatever the registry serves that day: the code behind the server can change with no PR.

export type PinVerdict =
  | { kind: 'not-a-launcher' }
  | { kind: 'pinned'; spec: string }
  | { kind: 'unpinned'; spec: string; launcher: string };

const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/;

/** Launcher flags that take a separate value (`npx -p pkg`, `uvx --from pkg`, `docker run -e X`). */
const NODE_VALUE_FLAGS = new Set([
  '-p',
  '--package',
  '-c',
  '--call',
  '--registry',
  '--cache',
  '--userconfig',
]);
const UV_VALUE_FLAGS = new Set([
  '--python',
  '-p',
  '--with',
  '--index-url',
  '--index',
  '--extra-index-url',
  '-w',
]);
const DOCKER_VALUE_FLAGS = new Set(
  (
    '-e --env -v --volume -p --publish -w --workdir -u --user -l --label -m --memory -h --hostname --name --network ' +
    '--net --mount --env-file --entrypoint --add-host --cap-add --cap-drop --platform --pull --cpus --device ' +
    '--security-opt --tmpfs --ulimit --restart --log-driver --log-opt --dns --gpus --ipc --pid --runtime ' +
    '--shm-size --stop-signal --group-add --label-file --expose --link --volumes-from --cidfile --user-ns --userns'
  ).split(' '),
);

function baseName(command: string): string {
  const last = command.split(/[\\/]/).pop() ?? command;
  return last.replace(/\.(cmd|exe|bat|ps1)$/i, '').toLowerCase();
}

/** The first positional argument, skipping flags (and the values of flags that take one). */
function firstPositional(args: readonly string[], valueFlags: ReadonlySet<string>): number {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!arg.startsWith('-')) return i;
    if (!arg.includes('=') && valueFlags.has(arg)) i++;
  }
  return -1;
}

function isLocalPath(spec: string): boolean {
  return (
    /^(\.{0,2}\/|[A-Za-z]:[\\/]|file:|~\/|\$\{)/.test(spec) || spec.endsWith('.js') || spec.endsWith('.py')
  );
}

function npmVerdict(spec: string, launcher: string): PinVerdict {
  if (isLocalPath(spec)) return { kind: 'not-a-launcher' };
  const at = spec.lastIndexOf('@');
  const version = at > 0 ? spec.slice(at + 1) : '';
  return EXACT_VERSION.test(version) ? { kind: 'pinned', spec } : { kind: 'unpinned', spec, launcher };
}

function pythonVerdict(spec: string, launcher: string): PinVerdict {
  if (isLocalPath(spec)) return { kind: 'not-a-launcher' };
  const version =
    /==\s*([^,;\s]+)$/.exec(spec)?.[1] ?? (spec.includes('@') ? spec.slice(spec.lastIndexOf('@') + 1) : '');
  return EXACT_VERSION.test(version) ? { kind: 'pinned', spec } : { kind: 'unpinned', spec, launcher };
}

export function imageVerdict(image: string, launcher: string): PinVerdict {
  return /@sha256:[0-9a-f]{64}$/i.test(image)
    ? { kind: 'pinned', spec: image }
    : { kind: 'unpinned', spec: image, launcher };
}

function nodeLauncher(args: readonly string[], launcher: string): PinVerdict {
  const flagged = args.findIndex((arg, i) => (arg === '-p' || arg === '--package') && i + 1 < args.length);
  const inline = args.find((arg) => arg.startsWith('--package='));
  if (inline) return npmVerdict(inline.slice('--package='.length), launcher);
  if (flagged >= 0) return npmVerdict(args[flagged + 1] ?? '', launcher);
  const index = firstPositional(args, NODE_VALUE_FLAGS);
  return index < 0 ? { kind: 'not-a-launcher' } : npmVerdict(args[index] ?? '', launcher);
}

function uvLauncher(args: readonly string[], launcher: string): PinVerdict {
  const from = args.findIndex((arg) => arg === '--from' || arg === '--spec');
  const inline = args.find((arg) => arg.startsWith('--from=') || arg.startsWith('--spec='));
  if (inline) return pythonVerdict(inline.slice(inline.indexOf('=') + 1), launcher);
  if (from >= 0 && from + 1 < args.length) return pythonVerdict(args[from + 1] ?? '', launcher);
  const index = firstPositional(args, UV_VALUE_FLAGS);
  return index < 0 ? { kind: 'not-a-launcher' } : pythonVerdict(args[index] ?? '', launcher);
}

function dockerLauncher(args: readonly string[], launcher: string): PinVerdict {
  const run = args.indexOf('run');
  if (run < 0) return { kind: 'not-a-launcher' };
  const rest = args.slice(run + 1);
  const index = firstPositional(rest, DOCKER_VALUE_FLAGS);
  return index < 0 ? { kind: 'not-a-launcher' } : imageVerdict(rest[index] ?? '', launcher);
}

/** Subcommands that turn a package manager into a launcher: `pnpm dlx`, `npm exec`, `uv tool run`, `pipx run`. */
function subcommandLauncher(name: string, args: readonly string[]): PinVerdict {
  const [first, second, ...more] = args;
  const tail = args.slice(1);
  if ((name === 'pnpm' || name === 'yarn') && first === 'dlx') return nodeLauncher(tail, `${name} dlx`);
  if (name === 'npm' && (first === 'exec' || first === 'x')) return nodeLauncher(tail, `npm ${first}`);
  if (name === 'pipx' && first === 'run') return uvLauncher(tail, 'pipx run');
  if (name === 'uv' && first === 'tool' && second === 'run') return uvLauncher(more, 'uv tool run');
  return { kind: 'not-a-launcher' };
}

/** What `command args…` would fetch, and whether its version is pinned. */
export function checkPackagePin(command: string, args: readonly string[]): PinVerdict {
  const name = baseName(command);
  if (name === 'npx' || name === 'bunx') return nodeLauncher(args, name);
  if (name === 'uvx') return uvLauncher(args, name);
  if (name === 'docker' || name === 'podman') return dockerLauncher(args, `${name} run`);
  return subcommandLauncher(name, args);
}
