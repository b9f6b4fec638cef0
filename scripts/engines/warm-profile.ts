// Where the warm mix's time goes, on the browser's engine (duckdb-wasm 1.28 in Node) over a
// release folder: the bench's cases (scripts/bench/mix.ts, the SQL of bench/pages/directory-answers.ts),
// one pass to warm up, then `--passes` more with each query's CPU time (the blocking Node build
// runs a query on this thread, so its CPU time is the query's whatever the load), by kind and by
// query; then the process's resident memory and DuckDB's own count of its memory.
//   node --import tsx scripts/engines/warm-profile.ts dist/data [--passes 3] [--kinds radius,text] [--plans]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { attachRelease } from '../../app/db/catalog.ts';
import type { Manifest } from '../../app/release/manifest.ts';
import type { Sql } from '../../app/release/sql.ts';
import { directoryAnswers } from '../bench/pages/directory-answers.ts';
import { benchMix, percentile, type Kind } from '../bench/mix.ts';
import { answer } from '../bench/pages/expose.ts';
import { literal } from '../../app/release/sql-text.ts';
import { openDb, rows } from '../build/db.ts';
import { startNodeWasmEngine } from './node-wasm-engine.ts';

const { positionals: [dir], values } = parseArgs({
  allowPositionals: true,
  options: { passes: { type: 'string', default: '3' }, kinds: { type: 'string' }, plans: { type: 'boolean', default: false } },
});
if (!dir) throw new Error('usage: warm-profile.ts RELEASE_DIR [--passes N] [--kinds radius,text] [--plans]');
const release = resolve(dir);
const manifest = JSON.parse(readFileSync(join(release, 'manifest.json'), 'utf8')) as Manifest;

const wasm = await startNodeWasmEngine((name) => join(release, name));
await wasm.exec('SET enable_object_cache = true'); // as app/db/wasm-engine.ts does
const engine = await attachRelease(wasm, manifest, new URL('file:///data/'));

// The bench's organizations (scripts/bench.ts sampleOrgIds).
const db = await openDb();
const ids = (await rows<{ org_id: string }>(db, `SELECT org_id FROM read_parquet(${literal(`${release}/network_relationships/*.parquet`)})
  GROUP BY org_id ORDER BY hash(org_id) LIMIT 3`)).map((r) => r.org_id);
const kinds = values.kinds?.split(',');
const cases = benchMix(ids).filter((c) => !kinds || kinds.includes(c.kind));

let timing: { kind: Kind; byQuery: Map<string, number[]> } | null = null;
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const answers = directoryAnswers(async (q: Sql) => {
  const started = process.cpuUsage();
  const result = await engine.query(q.text, q.params);
  if (timing) {
    const key = `${timing.kind}: ${q.text.replace(/\s+/g, ' ').slice(0, 90)}`;
    timing.byQuery.set(key, [...(timing.byQuery.get(key) ?? []), cpuMs(process.cpuUsage(started))]);
  }
  return result;
}, manifest);

const firstCpu = process.cpuUsage();
for (const c of cases) await answer(answers, c);
// As between two interactions in the page: nothing waits, so the engine makes its copies (db/catalog.ts).
await new Promise((resolve) => setTimeout(resolve, 10));
console.log(`${release}: ${manifest.tables.organizations_by_id.rows} organizations; first pass ${(cpuMs(process.cpuUsage(firstCpu)) / 1000).toFixed(1)} s CPU`);

const byKind = new Map<Kind, number[]>();
const byQuery = new Map<string, number[]>();
for (let pass = 0; pass < Number(values.passes); pass++) {
  for (const c of cases) {
    timing = { kind: c.kind, byQuery };
    const started = process.cpuUsage();
    await answer(answers, c);
    byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), cpuMs(process.cpuUsage(started))]);
  }
}
timing = null;
const f = (n: number) => n.toFixed(1).padStart(7);
console.log('kind        cases  CPU p50    p95 (ms)');
for (const [kind, ms] of byKind) console.log(`${kind.padEnd(10)} ${String(ms.length).padStart(6)} ${f(percentile(ms, 50))} ${f(percentile(ms, 95))}`);
console.log('\nqueries by total CPU (ms): runs, p50, p95, total');
for (const [q, ms] of [...byQuery].sort((a, b) => b[1].reduce((x, y) => x + y) - a[1].reduce((x, y) => x + y)).slice(0, 15)) {
  console.log(`${String(ms.length).padStart(4)} ${f(percentile(ms, 50))} ${f(percentile(ms, 95))} ${f(ms.reduce((x, y) => x + y))}  ${q}`);
}
const [size] = await engine.query('PRAGMA database_size');
console.log(`\nresident ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB; DuckDB memory_usage ${String(size.memory_usage)}`);
if (values.plans) {
  for (const c of cases) {
    timing = null;
    console.log(`\n== ${JSON.stringify(c)}`);
    const planned = directoryAnswers(async (q) => {
      const [plan] = await engine.query(`EXPLAIN ANALYZE ${q.text}`, q.params);
      console.log(String(plan.explain_value));
      return engine.query(q.text, q.params);
    }, manifest);
    await answer(planned, c);
  }
}
