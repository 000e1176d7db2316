// Hand-made DiffReport values for unit tests of the gate and the renderers: no git, no parsing.
import type {
  ControlPlaneReport,
  DataPlaneReport,
  DiffReport,
  Finding,
  PromptChange,
  ToolChange,
  Waiver,
  AppliedWaiver,
} from '../../src/model/types.js';

export const BASE_SHA = 'a'.repeat(40);
export const HEAD_SHA = 'b'.repeat(40);
export const DIGEST = `sha256:${'d'.repeat(64)}`;
export const EMPTY_DIGEST = `sha256:${'e'.repeat(64)}`;

export interface ReportOverrides {
  data?: Partial<DataPlaneReport>;
  control?: Partial<ControlPlaneReport>;
  findings?: Finding[];
  waivers?: { applied?: AppliedWaiver[]; expired?: Waiver[] };
  baseSha?: string;
  headSha?: string | null;
}

/** A report with no changes at all; override what a test is about. */
export function makeReport(overrides: ReportOverrides = {}): DiffReport {
  return {
    schemaVersion: 1,
    base: { ref: 'main', sha: overrides.baseSha ?? BASE_SHA },
    head: { ref: 'HEAD', sha: overrides.headSha === undefined ? HEAD_SHA : overrides.headSha },
    planes: {
      data: { changed: false, files: [], prompts: [], reviewers: [], ...overrides.data },
      control: {
        changed: false,
        files: [],
        tools: [],
        bindings: [],
        flows: { added: [], removed: [] },
        maxRadius: null,
        escalation: false,
        narrowingOnly: false,
        requiredSignoffs: 0,
        digest: EMPTY_DIGEST,
        reviewers: [],
        ...overrides.control,
      },
    },
    findings: overrides.findings ?? [],
    waivers: { applied: overrides.waivers?.applied ?? [], expired: overrides.waivers?.expired ?? [] },
  };
}

export function makeToolChange(overrides: Partial<ToolChange> & { name: string }): ToolChange {
  return {
    change: 'added',
    radiusBefore: null,
    radiusAfter: 'write',
    escalation: false,
    narrowing: false,
    changes: [],
    path: `registry/tools/${overrides.name}.yaml`,
    line: 1,
    ...overrides,
  };
}

export function makePromptChange(overrides: Partial<PromptChange> & { id: string }): PromptChange {
  return {
    change: 'modified',
    versionBefore: '1',
    versionAfter: '2',
    path: `registry/prompts/${overrides.id}.md`,
    ...overrides,
  };
}

/** A prompt-only change: data plane moves, the capability digest does not. */
export function promptOnlyReport(overrides: ReportOverrides = {}): DiffReport {
  return makeReport({
    ...overrides,
    data: {
      changed: true,
      files: [{ path: 'registry/prompts/support/system.md', status: 'modified' }],
      prompts: [makePromptChange({ id: 'support/system', path: 'registry/prompts/support/system.md' })],
      reviewers: ['@acme/prompt-eng'],
      ...overrides.data,
    },
  });
}

/**
 * The incident PR: a privileged admin tool is added and bound to the support agent, whose ticket reader
 * carries untrusted input. Both planes change; two sign-offs are required.
 */
export function incidentReport(overrides: ReportOverrides = {}): DiffReport {
  return makeReport({
    ...overrides,
    data: {
      changed: true,
      files: [{ path: 'registry/prompts/support/system.md', status: 'modified' }],
      prompts: [makePromptChange({ id: 'support/system', versionBefore: '3', versionAfter: '4' })],
      reviewers: ['@acme/prompt-eng'],
      ...overrides.data,
    },
    control: {
      changed: true,
      files: [{ path: 'registry/tools/admin.yaml', status: 'added' }],
      tools: [
        makeToolChange({
          name: 'admin_billing_update',
          path: 'registry/tools/admin.yaml',
          radiusAfter: 'privileged',
          escalation: true,
          changes: [{ field: 'scopes', kind: 'widened', added: ['billing:admin'], removed: [] }],
        }),
      ],
      bindings: [{ agent: 'support/system', added: ['admin_billing_update'], removed: [] }],
      flows: {
        added: [
          {
            kind: 'untrusted-to-action',
            agent: 'support/system',
            sources: ['read_ticket'],
            sinks: ['admin_billing_update'],
          },
        ],
        removed: [],
      },
      maxRadius: 'privileged',
      escalation: true,
      requiredSignoffs: 2,
      digest: DIGEST,
      reviewers: ['@acme/security'],
      ...overrides.control,
    },
  });
}
