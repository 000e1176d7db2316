// What `agentgate init` writes. Kept as string constants so that they ship inside dist/ with the CLI.

export const CONFIG_PATH = 'agentgate.yaml';

export const CONFIG_TEMPLATE = `# yaml-language-server: $schema=./node_modules/agentgate/dist/schemas/config.json
# agentgate: two release pipelines for this agent. Every key is optional; the values below are the defaults.
# Reviewers and signers default to the CODEOWNERS owners of each plane's paths (see the agentgate block there).
version: 1
planes:
  data:
    # prompts, instructions, few-shot examples: what the agent says
    paths: ["registry/prompts/**"]
    versionBump: required
  control:
    # tools, scopes, credentials, egress, MCP servers: what the agent can do
    paths: ["registry/tools/**"]
    signoffs: { read: 1, write: 1, irreversible: 1, privileged: 2, narrowing: 0 }
    maxRadius: privileged
    # egress to these hosts is not "outside the organisation", e.g. ["*.corp.example.com"]
    internalHosts: []
`;

export interface ConfigTemplateOptions {
  /** the `signoffs` flow mapping, fitted to the signers init sets up */
  signoffs?: string;
  /** client source files found in the repository, named in a comment: they are read with no config */
  sources?: readonly string[];
}

/** The template with counts that the repository's signers can meet, and the sources it already has. */
export function configTemplate(options: ConfigTemplateOptions = {}): string {
  let text = CONFIG_TEMPLATE;
  if (options.signoffs !== undefined)
    text = text.replace(
      '    signoffs: { read: 1, write: 1, irreversible: 1, privileged: 2, narrowing: 0 }\n',
      `    # fitted to the signers set up by agentgate init: a count above them could never be met\n    signoffs: ${options.signoffs}\n`,
    );
  const sources = options.sources ?? [];
  if (sources.length > 0) {
    const shown = sources.slice(0, 8).map((path) => `#   ${path.replace(/[\r\n]/g, '?')}`);
    const more = sources.length > 8 ? [`#   … and ${sources.length - 8} more`] : [];
    text += [
      '# client sources found (MCP configs, client settings, agent files): read at their default paths, no config',
      '# needed; their servers, bindings and permission rules are control plane',
      ...shown,
      ...more,
      '',
    ].join('\n');
  }
  return text;
}
