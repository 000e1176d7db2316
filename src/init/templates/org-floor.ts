// The floor `init --org` writes: the rules every repository's gate sits on. Each key only tightens a repository's
// own agentgate.yaml; a key left out constrains nothing.
export const ORG_FLOOR_PATH = 'floor.yaml';

export const ORG_FLOOR_TEMPLATE = `# agentgate org floor: every repository's gate sits on this file and can only tighten it.
# Merge rules: sign-off counts take the maximum, maxRadius the minimum, governed paths the union, allow lists
# (internalHosts) the intersection, signers (when listed here) only these, waivers only from this file.
version: 1
planes:
  control:
    # who may sign off capability changes anywhere in the organisation (users or @org/team slugs)
    # signers: ["@your-org/security"]
    signoffs: { read: 1, write: 1, irreversible: 1, privileged: 2 }
    maxRadius: privileged
waivers: []
`;
