// Runs after tsc: writes every published JSON Schema to dist/schemas/<name>.json (package export ./schemas/*).
import { mkdir, writeFile } from 'node:fs/promises';
import { SCHEMAS } from '../dist/schemas/index.js';

const outDir = new URL('../dist/schemas/', import.meta.url);
await mkdir(outDir, { recursive: true });
for (const [name, schema] of Object.entries(SCHEMAS)) {
  await writeFile(new URL(`${name}.json`, outDir), `${JSON.stringify(schema, null, 2)}\n`);
}
