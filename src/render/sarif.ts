// Findings -> SARIF 2.1.0, for GitHub code scanning annotations on the pull request.
import { messageWithoutLocation } from '../core/parse/findings.js';
import type { Finding, Severity } from '../core/types.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** One-line descriptions of the rules agentgate reports; unknown codes still get a rule named after the code. */
const RULES: Readonly<Record<string, string>> = {
  'yaml-parse': 'File is not valid YAML or JSON',
  'duplicate-key': 'Mapping has a duplicate key',
  'alias-limit': 'Too many YAML alias expansions (resource-exhaustion attack)',
  'unknown-tag': 'Custom YAML tag',
  schema: 'Manifest, prompt or config does not match its schema',
  'non-ascii-name': 'Tool name contains a non-ASCII character',
  'empty-manifest': 'Manifest file holds no document',
  'duplicate-tool': 'Tool name defined more than once',
  'duplicate-prompt': 'Prompt id used more than once',
  'path-refused': 'Path holds a control, separator or invisible character',
  'prompt-bindings-unknown': 'Prompt does not parse: its tool bindings are unknown',
  'confusable-name': 'Tool name can be mistaken for another',
  'hidden-unicode': 'Invisible Unicode in model-facing text',
  'eval-results-untrusted': 'Eval results committed in the pull request are not trusted for its head',
  'control-characters': 'Control characters or terminal escape sequences in model-facing text',
  'instruction-like-text': 'Tool text reads like instructions to the model',
  'unknown-tool-binding': 'Prompt binds a tool that does not exist',
  'effect-understated': 'Declared effect is below the derived blast radius',
  'radius-assumed': 'No effect or annotations: radius assumed irreversible',
  'annotation-contradicts-name': "MCP annotations contradict the tool's name",
  'symlink-refused': 'Symbolic link refused in the registry',
  'file-too-large': 'File over the size limit',
  encoding: 'File is not valid UTF-8',
  'waiver-expired': 'Waiver has expired',
  'server-tools-unpinned': "MCP server's tools are not pinned: radius assumed irreversible",
  'radius-over-max': 'Blast radius above the configured maxRadius',
  'duplicate-server': 'MCP server name declared more than once',
};

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export function renderSarif(findings: readonly Finding[], options: { version?: string } = {}): string {
  const codes = [...new Set(findings.map((finding) => finding.code))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'agentgate',
            ...(options.version !== undefined && { version: options.version }),
            rules: codes.map((code) => ({
              id: code,
              name: code,
              shortDescription: { text: RULES[code] ?? code },
            })),
          },
        },
        results: findings.map((finding) => ({
          ruleId: finding.code,
          ruleIndex: ruleIndex.get(finding.code),
          level: LEVELS[finding.severity],
          message: { text: messageWithoutLocation(finding) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(finding.path) },
                region: { startLine: Math.max(1, finding.line) },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A repository-relative path as a relative URI: each segment percent-encoded, separators kept. */
function toUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
