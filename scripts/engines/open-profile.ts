// Where opening an organization spends its time, on the browser's engine (duckdb-wasm 1.28,
// DuckDB 0.9.1, in Node) over a release folder: for each query the detail panel issues, the
// file reads and bytes of its first run (what a browser fetches), the reads and time of the
// runs after it (warm: the browser makes no request then), and DuckDB's own profile of one run.
// Reads and bytes do not depend on the machine's load; the times do.
//   node --import tsx scripts/engines/open-profile.ts bench/x10/data [--plans]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { attachRelease } from '../../app/db/catalog.ts';
import type { Manifest } from '../../app/release/manifest.ts';
import type { Sql } from '../../app/release/sql.ts';
import { networkQuery, organizationQuery, positionsQuery, serviceCodesQuery } from '../../app/search/queries.ts';
import { startNodeWasmEngine } from './node-wasm-engine.ts';
import { literal } from '../../app/release/sql-text.ts';
import { openDb, rows } from '../build/db.ts';

const [dir, ...flags] = process.argv.slice(2);
if (!dir) throw new Error('usage: open-profile.ts RELEASE_DIR [--plans]');
const release = resolve(dir);
const manifest = JSON.parse(readFileSync(join(release, 'manifest.json'), 'utf8')) as Manifest;

// Every read the engine makes of a release file goes through the runtime's readFile.
const duckdb = createRequire(import.meta.url)('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const reads = { count: 0, bytes: 0 };
const readFile = duckdb.NODE_RUNTIME.readFile;
duckdb.NODE_RUNTIME.readFile = (...args: unknown[]) => {
  const n = readFile(...args) as number;
  reads.count++;
  reads.bytes += n;
  return n;
};

const wasm = await startNodeWasmEngine((name) => join(release, name));
await wasm.exec('SET enable_object_cache = true'); // as app/db/wasm-engine.ts does: footers parsed once
const engine = await attachRelease(wasm, manifest, new URL('file:///data/'));
const run = (q: Sql) => engine.query(q.text, q.params);

// The benchmark's organizations (scripts/bench.ts), then three more it has not opened.
const db = await openDb();
const ids = (await rows<{ org_id: string }>(db, `SELECT org_id FROM read_parquet(${literal(`${release}/network_relationships/*.parquet`)})
  GROUP BY org_id ORDER BY hash(org_id) LIMIT 6`)).map((r) => r.org_id);

async function measure(what: string, q: Sql) {
  const before = { ...reads };
  const result = await run(q);
  const cold = { count: reads.count - before.count, kb: (reads.bytes - before.bytes) / 1024 };
  // The blocking engine runs a query on this thread: its CPU time is the query's, whatever the load.
  const wall: number[] = [];
  const cpu: number[] = [];
  const warmReads = reads.count;
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await run(q);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - t);
  }
  // The least of nine is what load inflates least: CPU time on a shared core still grows with it.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[4].toFixed(1);
  const least = (xs: number[]) => Math.min(...xs).toFixed(1);
  console.log(`  ${what.padEnd(8)} first run ${String(cold.count).padStart(4)} reads ${cold.kb.toFixed(0).padStart(6)} KB | warm: ${reads.count - warmReads} reads, median ${median(cpu)} ms CPU (least ${least(cpu)}), ${median(wall)} ms wall`);
  if (flags.includes('--plans')) {
    const [plan] = await engine.query(`EXPLAIN ANALYZE ${q.text}`, q.params);
    console.log(String(plan.explain_value));
  }
  return result;
}

console.log(`${release}: ${manifest.tables.organizations_by_id.rows} organizations`);
for (const orgId of ids) {
  console.log(orgId);
  await measure('detail', organizationQuery(orgId));
  await measure('codes', serviceCodesQuery());
  const links = await measure('network', networkQuery(orgId));
  // The map's lines, in the background (shell/use-network.ts): read from the files here, as before a page's copy is made.
  const positions = positionsQuery(links.map((l) => ({ orgId: String(l.related_org_id), state: l.state == null ? null : String(l.state) })));
  if (positions) await measure('places', positions);
}
