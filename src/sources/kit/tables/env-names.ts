// The radius of an environment variable a client setting or a server entry sets, by its name. Data only.
// Sources: Claude Code's settings reference (its tuning variables), Node.js, glibc and curl documentation
// (variables that load code or redirect traffic).

/** Client-documented tuning variables: they change how the client runs, not what it may reach. */
export const TUNING_VARIABLES: ReadonlySet<string> = new Set([
  ...['MAX_THINKING_TOKENS', 'BASH_DEFAULT_TIMEOUT_MS', 'BASH_MAX_TIMEOUT_MS', 'BASH_MAX_OUTPUT_LENGTH'],
  ...['CLAUDE_CODE_MAX_OUTPUT_TOKENS', 'MAX_MCP_OUTPUT_TOKENS', 'MCP_TIMEOUT', 'MCP_TOOL_TIMEOUT'],
  ...['DISABLE_TELEMETRY', 'DISABLE_ERROR_REPORTING', 'DISABLE_AUTOUPDATER', 'DISABLE_BUG_COMMAND'],
  ...['DISABLE_COST_WARNINGS', 'DISABLE_NON_ESSENTIAL_MODEL_CALLS', 'CLAUDE_CODE_DISABLE_TERMINAL_TITLE'],
  ...['CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC', 'CLAUDE_BASH_MAINTAIN_PROJECT_WORKING_DIR'],
  ...['CLAUDE_CODE_ENABLE_TELEMETRY', 'CLAUDE_CODE_SUBAGENT_MODEL', 'ANTHROPIC_MODEL'],
  ...['ANTHROPIC_SMALL_FAST_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL'],
  ...[
    'ANTHROPIC_DEFAULT_HAIKU_MODEL',
    'MAX_OUTPUT_TOKENS',
    'USE_BUILTIN_RIPGREP',
    'SLASH_COMMAND_TOOL_CHAR_BUDGET',
  ],
  ...['LOG_LEVEL', 'DEBUG', 'NODE_ENV', 'TZ', 'LANG', 'LC_ALL', 'NO_COLOR', 'FORCE_COLOR', 'TERM'],
]);

/** Exact names that load code or redirect traffic: whoever sets them decides what runs or where data goes. */
export const PRIVILEGED_VARIABLES: ReadonlySet<string> = new Set([
  ...['PATH', 'NODE_OPTIONS', 'NODE_PATH', 'LD_PRELOAD', 'LD_LIBRARY_PATH', 'DYLD_INSERT_LIBRARIES'],
  ...['DYLD_LIBRARY_PATH', 'PYTHONPATH', 'PYTHONSTARTUP', 'PERL5LIB', 'PERL5OPT', 'RUBYOPT', 'RUBYLIB'],
  ...['BASH_ENV', 'ENV', 'SHELL', 'GIT_SSH', 'GIT_SSH_COMMAND', 'GIT_EXEC_PATH', 'GIT_CONFIG_GLOBAL'],
  ...['NODE_TLS_REJECT_UNAUTHORIZED', 'NODE_EXTRA_CA_CERTS', 'SSL_CERT_FILE', 'SSL_CERT_DIR'],
  ...['REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'NPM_CONFIG_REGISTRY', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL'],
  ...['CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLAUDE_CODE_SKIP_BEDROCK_AUTH'],
  ...['CLAUDE_CODE_SKIP_VERTEX_AUTH', 'CLAUDE_CODE_API_KEY_HELPER_TTL_MS'],
]);

/** Name shapes that load code or redirect traffic (`ANTHROPIC_BASE_URL`, `HTTPS_PROXY`, `NO_PROXY`). */
export const PRIVILEGED_PATTERNS: readonly RegExp[] = [
  /(?:^|_)BASE_URL$/iu,
  /(?:^|_)(?:API_)?(?:URL|ENDPOINT|HOST)$/iu,
  /(?:^|_)PROXY$/iu,
  /(?:^|_)REGISTRY$/iu,
  /(?:^|_)(?:PRELOAD|LIBRARY_PATH|HOOK|HELPER|COMMAND|EXECUTABLE)$/iu,
];

/** Name shapes that announce a secret value: the variable is a credential, its value never shown. */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /token|secret|passw(?:or)?d|passphrase|api[_-]?key|apikey|private[_-]?key|credential|cookie|session/iu,
  /(?:^|[_-])(?:auth|authorization|pat|key)$/iu,
  /(?:^|[_-])auth(?:[_-]|$)/iu,
];
