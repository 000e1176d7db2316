// Org-scale benchmark: generates N small agent repositories, runs `inventory` on each (in process, as a matrix
// job's loop would, one after another) and `inventory merge` over all of them twice, through a loopback GitHub that
// counts the REST requests an upload makes. Usage: npm run bench:org -- [N] (default 100). Needs dist/ (npm run build).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const N = Number(process.argv[2] ?? 100);
const { runInventory } = await import('../dist/inventory/run-inventory.js');
const { mergeInventories } = await import('../dist/inventory/merge.js');

let requests = 0;
const server = createServer((req, res) => {
  requests += 1;
  req.resume();
  req.on('end', () => {
    res.writeHead(202, { 'content-type': 'application/json', 'x-ratelimit-remaining': '4999' });
    res.end('{"id":"x","url":"http://127.0.0.1/x"}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const api = `http://127.0.0.1:${server.address().port}`;

const root = mkdtempSync(join(tmpdir(), 'agentgate-bench-org-'));
const env = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@b',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@b',
};
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, stdio: 'ignore' });
const write = (dir, path, text) => {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  const dir = join(root, `repo-${i}`);
  mkdirSync(dir);
  git(dir, 'init', '-q', '-b', 'main');
  write(
    dir,
    'registry/tools/read_ticket.yaml',
    'apiVersion: agentgate/v1\nkind: Tool\nname: read_ticket\neffect: read\nscopes: [tickets:read]\nuntrustedInput: true\n',
  );
  write(
    dir,
    'registry/tools/refund.yaml',
    `apiVersion: agentgate/v1\nkind: Tool\nname: issue_refund_${i}\neffect: irreversible\nscopes: [billing:refund]\n`,
  );
  write(
    dir,
    'registry/prompts/support.md',
    `---\nid: support\nversion: 1\ntools: [read_ticket, issue_refund_${i}]\n---\nHelp.\n`,
  );
  write(
    dir,
    '.claude/agents/helper.md',
    '---\nname: helper\ndescription: x\ntools: Bash, WebFetch\n---\nHelp.\n',
  );
  write(dir, '.mcp.json', JSON.stringify({ mcpServers: { web: { command: 'node', args: ['s.js'] } } }));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'agents');
}
const generated = performance.now() - t0;

const out = join(root, 'out');
mkdirSync(out);
const t1 = performance.now();
for (let i = 0; i < N; i++) {
  await runInventory({
    cwd: join(root, `repo-${i}`),
    env: { AGENTGATE_TOKEN: 'bench', GITHUB_API_URL: api },
    repository: `bench/repo-${i}`,
    format: 'json',
    out: join(out, `repo-${i}.json`),
    upload: true,
    print: () => undefined,
    warn: () => undefined,
  });
}
const inventoried = performance.now() - t1;
const t2 = performance.now();
const first = await mergeInventories({ dir: out, ledger: join(root, 'ledger.jsonl'), key: undefined });
const merged = performance.now() - t2;
const t3 = performance.now();
const second = await mergeInventories({ dir: out, ledger: join(root, 'ledger.jsonl'), key: undefined });
const remerged = performance.now() - t3;
server.close();
rmSync(root, { recursive: true, force: true });

const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`repositories:             ${N} (generated in ${ms(generated)})`);
console.log(`inventory + upload:       ${ms(inventoried)} total, ${ms(inventoried / N)} per repository`);
console.log(`API requests (uploads):   ${requests} total, ${(requests / N).toFixed(2)} per repository`);
console.log(`merge (first):            ${ms(merged)}, ${first.ledger.appended} ledger lines`);
console.log(`merge (nothing changed):  ${ms(remerged)}, ${second.ledger.appended} ledger lines`);
