// Rule metadata for SARIF: what code scanning shows beside each alert (title, explanation, how to fix).
import type { Radius } from '../model/types.js';

export interface RuleText {
  /** one line: the alert's title */
  short: string;
  /** why it matters */
  why: string;
  /** what to do about it */
  fix: string;
}

const UNREADABLE_FIX = 'Fix the file so it parses; agentgate cannot tell what an unreadable file grants.';

/** Finding codes. An unknown code still gets a rule, named after it. */
export const FINDING_RULES: Readonly<Record<string, RuleText>> = {
  'yaml-parse': {
    short: 'File is not valid YAML or JSON',
    why: 'An unreadable manifest hides what it grants.',
    fix: UNREADABLE_FIX,
  },
  'json-parse': {
    short: 'File is not valid JSON',
    why: 'An unreadable config hides what it grants.',
    fix: UNREADABLE_FIX,
  },
  'duplicate-key': {
    short: 'Mapping has a duplicate key',
    why: 'Parsers disagree on which value wins, so a reviewer may read a different value than the runtime.',
    fix: 'Keep one of the keys.',
  },
  'alias-limit': {
    short: 'Too many YAML alias expansions',
    why: 'Alias bombs exhaust the memory of whoever parses the file.',
    fix: 'Write the values out instead of aliasing them.',
  },
  'unknown-tag': {
    short: 'Custom YAML tag',
    why: 'Custom tags can make a parser construct objects.',
    fix: 'Remove the tag.',
  },
  schema: {
    short: 'Manifest, prompt or config does not match its schema',
    why: 'A field agentgate cannot read is authority it cannot judge.',
    fix: 'Correct the field named in the message (`agentgate schema tool` prints the schema).',
  },
  'non-ascii-name': {
    short: 'Tool name contains a non-ASCII character',
    why: 'Non-ASCII names can impersonate other tools.',
    fix: 'Use ASCII letters, digits, `_`, `.` and `-`.',
  },
  'empty-manifest': {
    short: 'Manifest file holds no document',
    why: 'An empty file under the tools path is probably a mistake.',
    fix: 'Add the manifest or delete the file.',
  },
  'duplicate-tool': {
    short: 'Tool name defined more than once',
    why: 'Which definition the runtime uses is undefined.',
    fix: 'Rename or remove one definition.',
  },
  'duplicate-prompt': {
    short: 'Prompt id used more than once',
    why: 'Two prompts with one id bind the union of their tools.',
    fix: 'Give each prompt its own `id`.',
  },
  'duplicate-server': {
    short: 'MCP server name declared more than once',
    why: 'Which declaration a client uses is undefined.',
    fix: 'Rename or remove one declaration.',
  },
  'path-refused': {
    short: 'Path holds a control, separator or invisible character',
    why: 'Such paths render differently from what git stores.',
    fix: 'Rename the file with visible ASCII characters.',
  },
  'prompt-bindings-unknown': {
    short: 'Prompt does not parse: its tool bindings are unknown',
    why: 'An unreadable prompt may bind any tool, so the control plane holds it.',
    fix: 'Fix the front matter so it parses.',
  },
  'confusable-name': {
    short: 'Tool name can be mistaken for another',
    why: 'A model or a reviewer can call or approve the wrong tool.',
    fix: 'Rename one of the tools.',
  },
  'hidden-unicode': {
    short: 'Invisible Unicode in model-facing text',
    why: 'The model reads characters the reviewer cannot see (prompt smuggling).',
    fix: 'Remove the invisible characters.',
  },
  'control-characters': {
    short: 'Control characters or escape sequences in model-facing text',
    why: 'Escape sequences can rewrite what a terminal shows the reviewer.',
    fix: 'Remove the control characters.',
  },
  'instruction-like-text': {
    short: 'Tool text reads like instructions to the model',
    why: 'Tool descriptions that give orders are a prompt-injection vector (tool poisoning).',
    fix: 'Describe what the tool does; do not instruct the model.',
  },
  'unknown-tool-binding': {
    short: 'Prompt binds a tool that does not exist',
    why: 'A binding nobody can review is authority nobody approved.',
    fix: 'Bind an existing tool or add its manifest.',
  },
  'effect-understated': {
    short: 'Declared effect is below the derived blast radius',
    why: 'A manifest cannot talk its way down: the higher radius applies.',
    fix: 'Declare the effect the scopes, annotations and name imply.',
  },
  'radius-assumed': {
    short: 'No effect or annotations: radius assumed irreversible',
    why: "MCP's defaults treat an undeclared tool as destructive.",
    fix: 'Declare `effect`, scopes or MCP annotations.',
  },
  'annotation-contradicts-name': {
    short: "MCP annotations contradict the tool's name",
    why: 'A read-only `delete_user` is either mislabelled or misleading.',
    fix: 'Correct the annotations or the name.',
  },
  'symlink-refused': {
    short: 'Symbolic link refused in the registry',
    why: 'A link can point the registry at files outside review.',
    fix: 'Replace the link with the file.',
  },
  'file-too-large': {
    short: 'File over the size limit',
    why: 'Oversized files are refused rather than parsed.',
    fix: 'Split the file.',
  },
  encoding: {
    short: 'File is not valid UTF-8',
    why: 'Bytes that do not decode can hide text.',
    fix: 'Save the file as UTF-8.',
  },
  'waiver-expired': {
    short: 'Waiver has expired',
    why: 'An expired waiver no longer silences its finding.',
    fix: 'Fix the finding or renew the waiver with a new date.',
  },
  'server-tools-unpinned': {
    short: "MCP server's tools are not pinned: radius assumed irreversible",
    why: 'An unpinned server can offer any tool at run time.',
    fix: 'Pin its tools (`agentgate mcp import`).',
  },
  'radius-over-max': {
    short: 'Blast radius above the configured maxRadius',
    why: 'The configuration forbids tools of this radius.',
    fix: "Lower the tool's authority or raise `planes.control.maxRadius` in a reviewed change.",
  },
  'eval-results-untrusted': {
    short: 'Eval results committed in the pull request are not trusted for its head',
    why: 'A PR could commit the results that judge it.',
    fix: 'Let CI write the results file.',
  },
  'eval-results-invalid': {
    short: 'Eval results cannot be read',
    why: 'The behavioural verdict is unknown.',
    fix: 'Fix the results file.',
  },
  'signoff-unsatisfiable': {
    short: 'Sign-off count above the number of signers',
    why: 'No change of that radius can ever pass: a silent deadlock.',
    fix: 'Add signers, list a team, or lower the count in `planes.control.signoffs`.',
  },
};

/** SARIF's security-severity (0.0-10.0) per blast radius: what a change of that radius can do if abused. */
export const RADIUS_SEVERITY: Readonly<Record<Radius, number>> = {
  none: 0.0,
  read: 2.0,
  write: 5.0,
  irreversible: 8.0,
  privileged: 9.5,
};

/** Findings without a radius: by how bad their kind is; any other code by its level. */
const FINDING_SEVERITY: Readonly<Record<string, number>> = {
  'radius-over-max': 9.0,
  'hidden-unicode': 8.0,
  'control-characters': 8.0,
  'instruction-like-text': 8.0,
  'confusable-name': 7.5,
  'prompt-bindings-unknown': 7.0,
  'path-refused': 7.0,
};
const LEVEL_SEVERITY = { error: 7.0, warning: 4.0, note: 1.0 } as const;

export function findingSeverity(code: string, level: keyof typeof LEVEL_SEVERITY): number {
  return FINDING_SEVERITY[code] ?? LEVEL_SEVERITY[level];
}

export const FLOW_RULES: Readonly<
  Record<'untrusted-to-action' | 'lethal-trifecta', RuleText & { severity: number }>
> = {
  'untrusted-to-action': {
    short: 'New dangerous path: untrusted input beside an irreversible or privileged action',
    why: 'A prompt-injected ticket, mail or web page can drive the high-radius tool in the same agent.',
    fix: 'Split the tools into separate agents, require `approval: human` on the action, or get a security sign-off.',
    severity: 8.5,
  },
  'lethal-trifecta': {
    short: 'New dangerous path: untrusted input, sensitive data and outside egress in one agent',
    why: 'Injected instructions can read private data and send it out of the organisation.',
    fix: 'Remove one leg of the trifecta from the agent (untrusted input, sensitive data or outside egress).',
    severity: 9.0,
  },
};

export const ESCALATION_RULE: RuleText = {
  short: 'Blast radius rises',
  why: 'The tool or server can now do more damage than before: its radius needs the matching sign-off.',
  fix: 'Confirm the new authority is intended and get the sign-offs the radius requires.',
};

export const WIDENED_RULE: RuleText = {
  short: 'A capability field grants more authority',
  why: 'Scopes, credentials, egress, schemas, rate limits or approvals were widened.',
  fix: 'Confirm the wider authority is needed; narrow it to what the tool uses.',
};
