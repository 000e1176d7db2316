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
