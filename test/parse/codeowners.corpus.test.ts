import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownersOf, parseCodeowners } from '../../src/parse/codeowners.js';
import { sharedFixture } from '../helpers/shared-fixtures.js';

// the public CODEOWNERS corpus, read where it lies (never copied into the project)
const fixture = (name: string) => readFileSync(sharedFixture('codeowners', name), 'utf8');

describe('parseCodeowners on 22 real files', () => {
  // rule lines and distinct @owners as counted in ../shared/fixtures/codeowners/SOURCES.md
  const table: [string, number, number][] = [
    ['grafana__grafana.txt', 1228, 57],
    ['DataDog__dd-trace-py.txt', 331, 18],
    ['GoogleCloudPlatform__python-docs-samples.txt', 69, 42],
    ['open-telemetry__opentelemetry-collector.txt', 107, 14],
    ['GoogleCloudPlatform__golang-samples.txt', 43, 21],
    ['istio__istio.txt', 68, 15],
    ['fluent__fluent-bit.txt', 51, 15],
    ['getsentry__sentry-javascript.txt', 44, 3],
    ['argoproj__argo-cd.txt', 35, 5],
    ['ArchipelagoMW__Archipelago.txt', 43, 36],
    ['vercel__next.js.txt', 23, 10],
    ['open-telemetry__opentelemetry-js.txt', 15, 3],
    ['hashicorp__terraform.txt', 13, 6],
    ['dotnet__aspire.txt', 27, 10],
    ['microsoft__vscode.txt', 11, 10],
    ['electron__electron.txt', 10, 5],
    ['grafana__loki.txt', 8, 7],
    ['microsoft__semantic-kernel.txt', 3, 3],
    ['cli__cli.txt', 6, 4],
    ['pulumi__pulumi.txt', 5, 3],
  ];
  it.each(table)('%s: every rule line parses, with every owner', (name, ruleLines, distinctOwners) => {
    const { rules, errors } = parseCodeowners(fixture(name), name);
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(ruleLines);
    const owners = new Set(rules.flatMap((r) => r.owners).map((o) => o.toLowerCase()));
    expect(owners.size).toBe(distinctOwners);
  });

  it('GitLab-syntax files do not crash: sections are errors, bare paths own nothing', () => {
    for (const [name, ruleLines] of [
      ['gitlabhq__gitlabhq.txt', 1779],
      ['NVIDIA__warp.txt', 90],
    ] as const) {
      const { rules, errors } = parseCodeowners(fixture(name), name);
      expect(rules.length + errors.length).toBe(ruleLines);
      expect(errors.length).toBeGreaterThan(0);
    }
  });

  it('pulumi: a pattern followed only by a comment un-owns its directory', () => {
    const { rules } = parseCodeowners(fixture('pulumi__pulumi.txt'), 'CODEOWNERS');
    expect(ownersOf(rules, 'changelog/pending/x.yaml')).toEqual([]);
    expect(ownersOf(rules, 'pkg/cmd/esc/main.go')).toEqual(['@pulumi/iac-cloud']);
    expect(ownersOf(rules, 'README.md')).toEqual(['@pulumi/platform']);
  });

  it('istio: /releasenotes/notes without owners overrides /releasenotes/', () => {
    const { rules } = parseCodeowners(fixture('istio__istio.txt'), 'CODEOWNERS');
    expect(ownersOf(rules, 'releasenotes/notes/1.yaml')).toEqual([]);
    expect(ownersOf(rules, 'releasenotes/template.yaml')).toEqual(['@istio/wg-test-and-release-maintainers']);
  });

  it('loki: a later file pattern without owners beats the catch-all', () => {
    const { rules } = parseCodeowners(fixture('grafana__loki.txt'), 'CODEOWNERS');
    expect(ownersOf(rules, 'CHANGELOG.md')).toEqual([]);
    expect(ownersOf(rules, 'docs/sources/a.md')).toEqual(['@grafana/docs-logs', '@grafana/loki-team']);
    expect(ownersOf(rules, 'pkg/x.go')).toEqual(['@grafana/loki-team']);
  });

  it('next.js: /**/*image*/** reaches files inside any *image* directory', () => {
    const { rules } = parseCodeowners(fixture('vercel__next.js.txt'), 'CODEOWNERS');
    const rule = rules.find((r) => r.pattern === '/**/*image*/**');
    expect(rule?.regex.test('packages/next/client/image/index.tsx')).toBe(true);
    expect(rule?.regex.test('packages/next/client/index.tsx')).toBe(false);
  });

  it('Archipelago: a pattern with an inline comment and no owners', () => {
    const { rules } = parseCodeowners(fixture('ArchipelagoMW__Archipelago.txt'), 'docs/CODEOWNERS');
    expect(rules.find((r) => r.pattern === '/worlds/oribf/')?.owners).toEqual([]);
  });
});
