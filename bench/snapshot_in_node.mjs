// Opens the published snapshot in Node.js with @duckdb/node-api, read-only, and runs every
// ```sql block of docs/analysts.md on it. A manual check, like snapshot_in_python.py:
//   npm install @duckdb/node-api   (anywhere outside the repository), then
//   NODE_PATH=<that folder>/node_modules node bench/snapshot_in_node.mjs HOME
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(process.env.NODE_PATH ?? '.', 'x.js'));
const { DuckDBInstance, version } = require('@duckdb/node-api');
const home = process.argv[2] ?? 'var';
const snapshot = join(home, 'published', readFileSync(join(home, 'published', 'CURRENT'), 'utf8').trim());
console.log(`@duckdb/node-api (DuckDB ${version()}) on Node ${process.version} opens ${snapshot}`);
const instance = await DuckDBInstance.create(snapshot, { access_mode: 'READ_ONLY' });
const con = await instance.connect();
const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'analysts.md'), 'utf8');
for (const [, block] of guide.matchAll(/```sql\n([\s\S]*?)```/g)) {
  for (const statement of block.replace(/--.*$/gm, '').split(';')) {
    if (statement.trim()) {
      const rows = (await con.runAndReadAll(statement)).getRowsJS();
      console.log(JSON.stringify(rows.slice(0, 2), (k, v) => (typeof v === 'bigint' ? Number(v) : v)));
    }
  }
}
